/**
 * The briefing's story list: the period's stories grouped by category, the
 * most severe first (3 high … 1 low, then not yet judged), then the most
 * copied (a story reposted on many sites spreads further), then the earliest.
 * Dismissed stories are counted in the totals but not listed: the monitor has
 * already decided they are not distortions.
 */
import type { FlagRecord } from '../flag-record';
import { orderCategories } from './aggregate-flags';

export interface StoryGroup {
  category: string;
  stories: FlagRecord[];
}

/** Severity 0 means "not judged": it sorts after every judged story. */
const severityRank = (record: FlagRecord) => (record.severity > 0 ? record.severity : -1);

export function compareStories(a: FlagRecord, b: FlagRecord): number {
  return (
    severityRank(b) - severityRank(a) ||
    b.copyCount - a.copyCount ||
    a.capturedAt - b.capturedAt ||
    a.title.localeCompare(b.title) ||
    a.id.localeCompare(b.id)
  );
}

export const isListed = (record: FlagRecord) => record.status !== 'dismissed';

export function groupStories(records: readonly FlagRecord[], categoryOrder: readonly string[] = []): StoryGroup[] {
  const byCategory = new Map<string, FlagRecord[]>();
  for (const record of records.filter(isListed)) {
    const group = byCategory.get(record.category);
    if (group) group.push(record);
    else byCategory.set(record.category, [record]);
  }
  return orderCategories(byCategory.keys(), categoryOrder).map((category) => ({
    category,
    stories: byCategory.get(category)!.sort(compareStories),
  }));
}

/** The few stories a short summary names: most severe and most copied across all categories. */
export function topStories(records: readonly FlagRecord[], count: number): FlagRecord[] {
  return records.filter(isListed).sort(compareStories).slice(0, count);
}
