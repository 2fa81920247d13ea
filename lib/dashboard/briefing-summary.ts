/**
 * The short plain-text summary the "copy summary" button puts on the
 * clipboard, for messaging apps (Zalo, Signal, e-mail): period, totals with
 * the change against the previous period, counts by status and the top
 * stories with their links, each link on a line of its own so the app makes
 * it clickable. The wording comes in as `SummaryWords` (the UI's locale), so
 * this stays pure and testable.
 */
import { FLAG_STATUSES, type FlagStatus } from '../flag-record';
import type { DashboardFlag } from './day-digest';
import type { Totals } from './aggregate-flags';
import { changeBetween, changeFigures } from './period-change';

export interface SummaryWords {
  /** The first line, e.g. "Báo cáo tuần 48/2026 (23/11/2026 – 29/11/2026)". */
  title(periodText: string): string;
  unit(name: string): string;
  monitor(name: string): string;
  stories(count: string, change: string): string;
  copies(count: string, change: string): string;
  status(status: FlagStatus): string;
  topHeading: string;
  storyCopies(count: string): string;
  severity(level: string): string;
  category(id: string): string;
  date(epochMs: number): string;
  number(value: number): string;
  /** Said instead of the numbers when nothing was flagged. */
  empty: string;
}

export interface SummaryInput {
  periodText: string;
  unitName: string;
  monitorName: string;
  totals: Totals;
  previous: Totals;
  /** Already chosen and ordered (story-groups.ts topStories). */
  top: readonly DashboardFlag[];
}

const MAX_TITLE = 160;

/** Page-derived text on one line, never longer than `max`: messaging apps show the summary as it is. */
function oneLine(text: string, max = MAX_TITLE): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

export function briefingSummaryText(input: SummaryInput, words: SummaryWords): string {
  const { totals, previous } = input;
  const lines = [oneLine(words.title(input.periodText), 300)];
  if (input.unitName.trim()) lines.push(words.unit(oneLine(input.unitName, 300)));
  if (input.monitorName.trim()) lines.push(words.monitor(oneLine(input.monitorName)));
  if (totals.stories === 0) {
    lines.push(words.empty);
    return lines.join('\n');
  }
  lines.push(words.stories(words.number(totals.stories), changeFigures(changeBetween(totals.stories, previous.stories), words.number)));
  lines.push(words.copies(words.number(totals.copies), changeFigures(changeBetween(totals.copies, previous.copies), words.number)));
  lines.push(
    FLAG_STATUSES.filter((status) => totals.byStatus[status] > 0)
      .map((status) => `${words.status(status)}: ${words.number(totals.byStatus[status])}`)
      .join(' · '),
  );
  if (input.top.length > 0) {
    lines.push('', words.topHeading);
    input.top.forEach((story, index) => {
      const facts = [
        oneLine(story.siteName),
        words.date(story.capturedAt),
        story.category ? words.category(story.category) : '',
        words.storyCopies(words.number(Math.max(1, story.copyCount))),
        story.severity > 0 ? words.severity(String(story.severity)) : '',
      ].filter(Boolean);
      lines.push(`${index + 1}. ${oneLine(story.title) || oneLine(story.url)} — ${facts.join(' · ')}`);
      lines.push(`   ${oneLine(story.url, 2000)}`);
    });
  }
  return lines.join('\n');
}
