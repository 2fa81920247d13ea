/**
 * The briefing's story list: the period's stories grouped by category, the
 * most severe first (3 high … 1 low, then not yet judged), then the most
 * copied (a story reposted on many sites spreads further), then the earliest.
 * Dismissed stories are counted in the totals but not listed: the monitor has
 * already decided they are not distortions.
 */
import { orderCategories } from './aggregate-flags';
import type { DashboardFlag } from './day-digest';

/** Rows of each category the briefing shows (and prints) before "show all". */
export const STORIES_SHOWN = 25;

export interface StoryGroup<Story extends DashboardFlag = DashboardFlag> {
  category: string;
  stories: Story[];
}

/** Severity 0 means "not judged": it sorts after every judged story. */
const severityRank = (record: DashboardFlag) => (record.severity > 0 ? record.severity : -1);

/** Only fields the day digest has, so the order is known before any record is read. */
export function compareStories(a: DashboardFlag, b: DashboardFlag): number {
  return severityRank(b) - severityRank(a) || b.copyCount - a.copyCount || a.capturedAt - b.capturedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export const isListed = (record: DashboardFlag) => record.status !== 'dismissed';

export function groupStories<Story extends DashboardFlag>(records: readonly Story[], categoryOrder: readonly string[] = []): StoryGroup<Story>[] {
  const byCategory = new Map<string, Story[]>();
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

/** Groups (as read, in any order) put in the monitor's order of categories. */
export function inCategoryOrder<Story extends DashboardFlag>(groups: readonly StoryGroup<Story>[], categoryOrder: readonly string[]): StoryGroup<Story>[] {
  const byCategory = new Map(groups.map((group) => [group.category, group]));
  return orderCategories(byCategory.keys(), categoryOrder).map((category) => byCategory.get(category)!);
}

/** The few stories a short summary names: most severe and most copied across all categories. */
export function topStories<Story extends DashboardFlag>(records: readonly Story[], count: number): Story[] {
  return records.filter(isListed).sort(compareStories).slice(0, count);
}
