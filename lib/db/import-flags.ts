/**
 * Adds imported flags to the queue in ONE transaction: either every good row
 * lands or, if the database fails, nothing does. Every row goes through the
 * same dedup step as flagging (placeInStory): a row for a story already in the
 * queue becomes a copy or a sighting of it, never a second line.
 */
import type { FlagRecord } from '../flag-record';
import { canonicalizeUrl } from '../dedup/canonicalize-url';
import { placeInStory, withStories, type StoryIndexHandle } from './flag-repository';
import type { CanhTinDatabase } from './schema';

export interface ImportOutcome {
  added: number;
  merged: number;
  /**
   * Addresses a row lists as copies of its story that are already a copy of another story in the
   * queue (`record`: the row's index). They are left where they are (the two stories may well be
   * one; the monitor can merge them by hand) and reported, rather than silently ignored.
   */
  copiesElsewhere: { record: number; url: string }[];
}

/**
 * `copyUrls[i]` are the other copies record i lists (a merged file's
 * `copy_urls`): each becomes a copy of the record's story unless that address
 * is already a copy of some story.
 */
export function importFlags(db: CanhTinDatabase, records: readonly FlagRecord[], copyUrls: readonly (readonly string[])[] = []): Promise<ImportOutcome> {
  return withStories(db, async (stories) => {
    const outcome: ImportOutcome = { added: 0, merged: 0, copiesElsewhere: [] };
    for (const [at, record] of records.entries()) {
      // The same flag exported and imported again: already here, nothing to count twice. Its judgement
      // is not merged again either: that would bring back a severity, tag or note edited here since.
      if ((await db.flags.get(record.id)) || (await db.copies.get(record.id))) {
        outcome.merged += 1;
        continue;
      }
      const placed = await placeInStory(db, stories, record);
      if (placed.duplicateOf) outcome.merged += 1;
      else outcome.added += 1;
      const elsewhere = await addListedCopies(db, stories, placed.id, record, copyUrls[at] ?? []);
      outcome.copiesElsewhere.push(...elsewhere.map((url) => ({ record: at, url })));
    }
    return outcome;
  });
}

/** Adds the addresses a row lists as copies of its story; returns those that are a copy of another story in the queue. */
async function addListedCopies(db: CanhTinDatabase, stories: StoryIndexHandle, flagId: string, record: FlagRecord, urls: readonly string[]): Promise<string[]> {
  let added = 0;
  const elsewhere: string[] = [];
  for (const url of urls) {
    const key = canonicalizeUrl(url);
    if (!key) continue;
    const known = await db.copies.where('urlKeys').equals(key).first();
    if (known) {
      if (known.flagId !== flagId && (await db.flags.get(known.flagId))) elsewhere.push(url);
      continue;
    }
    // Only the address is known: dedup can match it by address (or slug), never by words.
    await stories.addCopy({
      id: `${record.id}:${key}`,
      flagId,
      url,
      canonicalUrl: url,
      urlKeys: [key],
      title: '',
      siteName: '',
      publishedAt: '',
      excerpt: '',
      monitors: record.monitor ? [record.monitor] : [],
      firstSeenAt: record.capturedAt,
      lastSeenAt: record.lastFlaggedAt,
      timesSeen: 0,
      matchedBy: 'imported',
    });
    added += 1;
  }
  if (added > 0) {
    const story = await db.flags.get(flagId);
    if (story) await db.flags.update(flagId, { copyCount: story.copyCount + added });
  }
  return elsewhere;
}
