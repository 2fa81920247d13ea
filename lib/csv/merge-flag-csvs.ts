/**
 * Merges several monitors' CSV exports into one row per story (the dedup decision
 * of lib/dedup decides what is one story), with each story's copies and their URLs.
 */
import { canonicalizeUrl } from '../dedup/canonicalize-url';
import { StoryIndex, addWithDedup, findDuplicate } from '../dedup/find-duplicate';
import { dedupInputOfFlag, type DedupInput } from '../dedup/record-features';
import type { FlagRecord, FlagStatus } from '../flag-record';
import { flagsToCsv, type HeadingLanguage } from './flag-columns';
import { type ImportProblem, readFlagsCsv } from './read-flags-csv';

export interface StoryRow {
  /** The story's representative record (its earliest-captured copy) with the cluster's totals folded in. */
  story: FlagRecord;
  /** One URL per distinct copy (distinct by canonicalizeUrl), in first-seen order. */
  copyUrls: string[];
  copies: number;
}

export interface MergeReport {
  files: { name: string; rows: number; problems: ImportProblem[] }[];
  stories: number;
  copies: number;
}

// Advancement of a story through the rebuttal workflow; `dismissed` is handled apart.
const STATUS_ORDER: readonly FlagStatus[] = ['new', 'confirmed', 'sent_to_rebuttal', 'rebutted'];

/** Most advanced status of the copies; a story is dismissed only when every copy was. */
function mergedStatus(statuses: readonly FlagStatus[]): FlagStatus {
  const live = statuses.filter((status) => status !== 'dismissed');
  if (live.length === 0) return 'dismissed';
  return live.reduce((best, status) => (STATUS_ORDER.indexOf(status) > STATUS_ORDER.indexOf(best) ? status : best));
}

function distinctInOrder(values: Iterable<string>): string[] {
  return [...new Set([...values].filter(Boolean))];
}

/**
 * The same flag in two files (a monitor re-exporting what she imported, a merged
 * file next to one of its sources) is one flag: its count is not added twice.
 */
function collapseSameId(records: readonly FlagRecord[]): FlagRecord[] {
  const byId = new Map<string, FlagRecord>();
  for (const record of records) {
    const seen = byId.get(record.id);
    byId.set(
      record.id,
      seen
        ? {
            ...seen,
            timesFlagged: Math.max(seen.timesFlagged, record.timesFlagged),
            capturedAt: Math.min(seen.capturedAt, record.capturedAt),
            lastFlaggedAt: Math.max(seen.lastFlaggedAt, record.lastFlaggedAt),
            status: mergedStatus([seen.status, record.status]),
            monitor: distinctInOrder([...splitMonitors(seen.monitor), ...splitMonitors(record.monitor)]).join(', '),
            watchTerms: distinctInOrder([...seen.watchTerms, ...record.watchTerms]),
          }
        : record,
    );
  }
  return [...byId.values()];
}

// A merged row lists its monitors as "Lan, Minh"; split them so a second merge does not list Lan twice.
function splitMonitors(monitor: string): string[] {
  return monitor
    .split(/\s*,\s*/)
    .map((name) => name.trim())
    .filter(Boolean);
}

function foldCluster(members: readonly FlagRecord[], copyUrls: string[]): StoryRow {
  // Earliest first; Array.prototype.sort is stable, so ties keep first-seen order.
  const flags = collapseSameId(members).sort((a, b) => a.capturedAt - b.capturedAt);
  const first = (pick: (record: FlagRecord) => string): string => flags.map(pick).find((value) => value !== '') ?? '';
  const representative = flags[0] as FlagRecord;
  const copies = copyUrls.length;
  const story: FlagRecord = {
    ...representative,
    timesFlagged: flags.reduce((sum, record) => sum + record.timesFlagged, 0),
    capturedAt: Math.min(...flags.map((record) => record.capturedAt)),
    lastFlaggedAt: Math.max(...flags.map((record) => record.lastFlaggedAt)),
    monitor: distinctInOrder(flags.flatMap((record) => splitMonitors(record.monitor))).join(', '),
    watchTerms: distinctInOrder(flags.flatMap((record) => record.watchTerms)),
    status: mergedStatus(flags.map((record) => record.status)),
    quote: first((record) => record.quote),
    category: first((record) => record.category),
    author: first((record) => record.author),
    publishedAt: first((record) => record.publishedAt),
    severity: flags.reduce((max, record) => (record.severity > max ? record.severity : max), representative.severity),
    tags: distinctInOrder(flags.flatMap((record) => record.tags)),
    note: distinctInOrder(flags.map((record) => record.note).filter(Boolean)).join('\n'),
    // The extension's own count of a story's copies (lib/db keeps it on the story).
    copyCount: copies,
  };
  return { story, copyUrls, copies };
}

/**
 * One row per story over every record of every file, in the order given. Each
 * record goes through addWithDedup, the decision flagging and import use.
 * `extraCopyUrls` (by record id) are the copy URLs an already-merged row
 * carries: they count as copies of that row's story and are indexed too, so
 * merging merged files gives the same stories and copies again.
 */
export function mergeFlagRecords(records: FlagRecord[], extraCopyUrls: Map<string, string[]> = new Map()): StoryRow[] {
  const index = new StoryIndex();
  // Index keys are positions, not record ids: the same id may come from two files,
  // and the index would replace the first entry instead of keeping both.
  const keyOf = (at: number) => `r${at}`;
  const firstKeyOfId = new Map<string, string>();

  records.forEach((record, at) => {
    const key = keyOf(at);
    addWithDedup(index, { ...dedupInputOfFlag(record), id: key });
    const join = (other: string) => {
      const mine = index.storyOf(key);
      const theirs = index.storyOf(other);
      if (mine !== undefined && theirs !== undefined && mine !== theirs) index.mergeStories(mine, theirs);
    };
    const twin = firstKeyOfId.get(record.id);
    if (twin === undefined) firstKeyOfId.set(record.id, key);
    else join(twin);

    // A copy URL of a merged row is the same story, whatever its headline was: it
    // is indexed with no headline or text (so it only ever matches by address),
    // and a story already holding that address is the same story.
    (extraCopyUrls.get(record.id) ?? []).forEach((url, n) => {
      const urlKey = `${key}#${n}`;
      const input: DedupInput = { id: urlKey, url, title: '', publishedAt: record.publishedAt || null };
      const decision = findDuplicate(index, input);
      index.add(input, index.storyOf(key));
      if (decision.kind === 'copy') join(decision.matched);
    });
  });

  const clusters = new Map<string, { members: FlagRecord[]; urls: Map<string, string> }>();
  records.forEach((record, at) => {
    const story = index.storyOf(keyOf(at)) ?? keyOf(at);
    let cluster = clusters.get(story);
    if (!cluster) clusters.set(story, (cluster = { members: [], urls: new Map() }));
    cluster.members.push(record);
    // A merged row's own list comes first: it already holds its URL in first-seen order.
    for (const url of [...(extraCopyUrls.get(record.id) ?? []), record.url]) {
      const canonical = canonicalizeUrl(url);
      if (!cluster.urls.has(canonical)) cluster.urls.set(canonical, url);
    }
  });

  const rows = [...clusters.values()].map((cluster) => foldCluster(cluster.members, [...cluster.urls.values()]));
  // Newest first, like the extension's export (listAllFlags); stable for equal times.
  return rows.sort((a, b) => b.story.capturedAt - a.story.capturedAt);
}

export interface CsvFile {
  name: string;
  text: string;
}

/** Reads every file (bad rows reported by file and line, never fatal) and merges what was read. */
export function mergeFlagCsvFiles(files: readonly CsvFile[], options: { now: number; newId(): string }): { rows: StoryRow[]; report: MergeReport } {
  const records: FlagRecord[] = [];
  const extraCopyUrls = new Map<string, string[]>();
  const report: MergeReport = { files: [], stories: 0, copies: 0 };
  for (const file of files) {
    const read = readFlagsCsv(file.text, options);
    read.records.forEach((record, at) => {
      const urls = read.copyUrls[at] ?? [];
      if (urls.length > 0) extraCopyUrls.set(record.id, [...(extraCopyUrls.get(record.id) ?? []), ...urls]);
      records.push(record);
    });
    report.files.push({ name: file.name, rows: read.records.length, problems: read.problems });
  }
  const rows = mergeFlagRecords(records, extraCopyUrls);
  report.stories = rows.length;
  report.copies = rows.reduce((sum, row) => sum + row.copies, 0);
  return { rows, report };
}

/** The merged file: the export's columns (copies and copy_urls last), one row per story. */
export function storyRowsToCsv(rows: Iterable<StoryRow>, headings: HeadingLanguage = 'en'): string {
  return flagsToCsv(
    (function* () {
      for (const row of rows) yield { record: row.story, copyUrls: row.copyUrls };
    })(),
    headings,
  );
}
