// How the briefing takes over the read its first stage started before React
// loaded (components/dashboard/first-read.ts, use-dashboard-data.ts): a read
// already back is in the very first render; one still out is waited for; a
// failed one is made again; another period, or a change to the flags, reads
// anew. The database is the extension's own (fake-indexeddb in Node).
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFirstRead } from '@/components/dashboard/first-read';
import { useDashboardData } from '@/components/dashboard/use-dashboard-data';
import { appDatabase } from '@/lib/db/app-database';
import * as readModule from '@/lib/dashboard/read-dashboard';
import type { DashboardData } from '@/lib/dashboard/read-dashboard';
import { isoWeekPeriod, type Period } from '@/lib/time/periods';
import { sampleFlag } from './support/sample-flag';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const W48 = isoWeekPeriod(2026, 48);
const W47 = isoWeekPeriod(2026, 47);
const inW48 = Date.parse('2026-11-24T09:00:00+07:00');
const inW47 = Date.parse('2026-11-17T09:00:00+07:00');

/** Renders the hook for `period`; `renders` holds what each render saw (undefined while loading). */
async function renderData(period: Period) {
  const renders: (DashboardData | undefined)[] = [];
  function Probe(props: { period: Period }) {
    renders.push(useDashboardData(props.period));
    return null;
  }
  const root = createRoot(document.createElement('div'));
  const render = (p: Period) => act(async () => root.render(<Probe period={p} />));
  await render(period);
  return { renders, root, rerender: render };
}

const ids = (data: DashboardData | undefined) => data?.flags.map((flag) => flag.id).sort();

afterEach(async () => {
  vi.restoreAllMocks();
  await appDatabase().flags.clear();
});

describe('the briefing and its first-stage read', () => {
  it('shows the period in the very first render when the early read is already back', async () => {
    await appDatabase().flags.bulkAdd([sampleFlag({ id: 'a', capturedAt: inW48 }), sampleFlag({ id: 'b', capturedAt: inW47 })]);
    startFirstRead(W48);
    // The early read comes back while the UI stage would still be loading.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const read = vi.spyOn(readModule, 'readDashboard');
    const { renders, root } = await renderData(W48);
    expect(ids(renders[0])).toEqual(['a']);
    // Taken over, not made again.
    expect(read).not.toHaveBeenCalled();
    act(() => root.unmount());
  });

  it('waits for an early read still out, then shows it', async () => {
    await appDatabase().flags.add(sampleFlag({ id: 'a', capturedAt: inW48 }));
    startFirstRead(W48);
    const { renders, root } = await renderData(W48);
    await vi.waitFor(() => expect(ids(renders.at(-1))).toEqual(['a']));
    act(() => root.unmount());
  });

  it('reads another period anew, and follows a flag added while open', async () => {
    await appDatabase().flags.add(sampleFlag({ id: 'a', capturedAt: inW48 }));
    startFirstRead(W48);
    const { renders, root, rerender } = await renderData(W48);
    await vi.waitFor(() => expect(ids(renders.at(-1))).toEqual(['a']));
    await rerender(W47);
    await vi.waitFor(() => expect(ids(renders.at(-1))).toEqual([]));
    await act(async () => void (await appDatabase().flags.add(sampleFlag({ id: 'c', capturedAt: inW47 }))));
    await vi.waitFor(() => expect(ids(renders.at(-1))).toEqual(['c']));
    act(() => root.unmount());
  });

  it('reads again when a flag was written while the UI was still loading', async () => {
    await appDatabase().flags.add(sampleFlag({ id: 'a', capturedAt: inW48 }));
    startFirstRead(W48);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // After the first read, before the UI listens: e.g. the background flagging a page.
    await appDatabase().flags.add(sampleFlag({ id: 'late', capturedAt: inW48 }));
    const { renders, root } = await renderData(W48);
    await vi.waitFor(() => expect(ids(renders.at(-1))).toEqual(['a', 'late']));
    act(() => root.unmount());
  });

  it('makes the read again when the early one failed', async () => {
    await appDatabase().flags.add(sampleFlag({ id: 'a', capturedAt: inW48 }));
    const read = vi.spyOn(readModule, 'readDashboard').mockRejectedValueOnce(new Error('blocked'));
    startFirstRead(W48);
    const { renders, root } = await renderData(W48);
    await vi.waitFor(() => expect(ids(renders.at(-1))).toEqual(['a']));
    // The failed early read, then the hook's own.
    expect(read).toHaveBeenCalledTimes(2);
    act(() => root.unmount());
  });
});
