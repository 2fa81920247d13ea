/**
 * What the queue shows: its filter and sort, with the date inputs as typed.
 * Free of React, so the popup's first stage (entrypoints/popup/main.tsx) can
 * start reading the default view before the UI code has loaded.
 */
import { EMPTY_FILTER, type QueueFilter, type QueueSort } from '@/lib/queue/queue-query';
import { dateRangePeriod } from '@/lib/time/periods';

export interface QueueView {
  filter: QueueFilter;
  sort: QueueSort;
  /** The date inputs as typed ("YYYY-MM-DD" or ''); `filter.from/to` are derived from them. */
  fromDate: string;
  toDate: string;
}

export const DEFAULT_VIEW: QueueView = { filter: EMPTY_FILTER, sort: 'captured', fromDate: '', toDate: '' };

/** Vietnam-day bounds of the date inputs: from the start of `fromDate` to the end of `toDate`. */
export function withDates(view: QueueView, fromDate: string, toDate: string): QueueView {
  const from = fromDate ? dateRangePeriod(fromDate, fromDate)?.start : undefined;
  const to = toDate ? dateRangePeriod(toDate, toDate)?.end : undefined;
  const { from: _from, to: _to, ...rest } = view.filter;
  return { ...view, fromDate, toDate, filter: { ...rest, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) } };
}
