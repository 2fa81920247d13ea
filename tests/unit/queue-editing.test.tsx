// The queue's editing as the monitor uses it (components/FlagQueue.tsx, TrashView.tsx,
// LazyDetails.tsx), rendered in happy-dom with the background's real message handler:
// bulk actions reach only the stories the list shows, undo never takes back a later
// change or runs twice, and the review section stays open under a note being retyped.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FlagQueue } from '@/components/FlagQueue';
import { readFirstQueuePageEarly } from '@/components/queue-early-read';
import { DEFAULT_VIEW, type QueueView } from '@/components/queue-view';
import { TrashView } from '@/components/TrashView';
import { appDatabase } from '@/lib/db/app-database';
import { moveToTrash } from '@/lib/db/flag-repository';
import type { FlagRecord } from '@/lib/flag-record';
import { sampleFlag } from './support/sample-flag';
import { change, mount, setUpPopup, unmountAll, until, wait } from './support/queue-harness';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const story = (n: number, extra: Partial<FlagRecord> = {}) =>
  sampleFlag({ id: id(n), title: `Tin số ${n}`, capturedAt: 100 - n, url: `https://a.example/${n}`, canonicalUrl: `https://a.example/${n}`, ...extra });

beforeEach(setUpPopup);
afterEach(async () => {
  await unmountAll();
  vi.restoreAllMocks();
  await Promise.all([appDatabase().flags.clear(), appDatabase().trash.clear()]);
});

async function showQueue(stories: FlagRecord[], view: QueueView = DEFAULT_VIEW) {
  await appDatabase().flags.bulkPut(stories);
  const mounted = await mount(<FlagQueue view={view} onViewChange={() => undefined} />);
  const { container } = mounted;
  await until(() => container.querySelectorAll('.queue-item').length === stories.length, 'the rows');
  const row = (n: number) => container.querySelector<HTMLElement>(`#flag-${id(n)}`)!;
  const tick = (n: number) => act(async () => row(n).querySelector<HTMLInputElement>('input.select')!.click());
  const undo = () => container.querySelector<HTMLButtonElement>('.undo-bar button')!;
  return { ...mounted, row, tick, undo };
}

const statusOf = async (n: number) => (await appDatabase().flags.get(id(n)))?.status;

describe('bulk actions', () => {
  it('never reach a selected story the filter now hides', async () => {
    const queue = await showQueue([story(1, { status: 'new' }), story(2, { status: 'confirmed' })]);
    await queue.tick(1);
    const confirmedOnly: QueueView = { ...DEFAULT_VIEW, filter: { ...DEFAULT_VIEW.filter, statuses: ['confirmed'] } };
    await act(async () => queue.root.render(<FlagQueue view={confirmedOnly} onViewChange={() => undefined} />));
    await until(() => queue.container.querySelectorAll('.queue-item').length === 1, 'the filtered list');
    await queue.tick(2);
    const bulkStatus = queue.container.querySelector<HTMLSelectElement>('.bulk-actions select')!;
    expect(bulkStatus.getAttribute('aria-label')).toContain('1');
    await act(async () => change(bulkStatus, 'dismissed'));
    await until(() => !!queue.container.querySelector('.undo-bar'), 'the undo bar');
    expect(await statusOf(2)).toBe('dismissed');
    expect(await statusOf(1)).toBe('new');
  });

  it('delete the rest of the selection after one selected story was deleted on its own', async () => {
    const queue = await showQueue([story(1), story(2), story(3)]);
    for (const n of [1, 2, 3]) await queue.tick(n);
    await act(async () => queue.row(1).querySelector<HTMLButtonElement>('button.delete')!.click());
    await until(() => queue.container.querySelectorAll('.queue-item').length === 2, 'two rows left');
    const bulkDelete = queue.container.querySelector<HTMLButtonElement>('button.danger')!;
    expect(bulkDelete.textContent).toContain('2');
    await act(async () => bulkDelete.click());
    await until(() => queue.container.querySelectorAll('.queue-item').length === 0, 'an empty list');
    expect(await appDatabase().flags.count()).toBe(0);
    expect(await appDatabase().trash.count()).toBe(3);
    expect(queue.container.querySelector('[role="alert"]')).toBeNull();
  });
});

describe('undo', () => {
  it('of a bulk change keeps a change made by hand since', async () => {
    const queue = await showQueue([story(1), story(2)]);
    await queue.tick(1);
    await queue.tick(2);
    await act(async () => change(queue.container.querySelector<HTMLSelectElement>('.bulk-actions select')!, 'confirmed'));
    await until(() => !!queue.container.querySelector('.undo-bar'), 'the undo bar');
    await act(async () => change(queue.row(1).querySelector<HTMLSelectElement>('.actions select')!, 'sent_to_rebuttal'));
    await until(() => queue.row(1).querySelector<HTMLSelectElement>('.actions select')!.value === 'sent_to_rebuttal', 'the hand-made change');
    await act(async () => queue.undo().click());
    await wait(100);
    expect(await statusOf(1)).toBe('sent_to_rebuttal');
    expect(await statusOf(2)).toBe('new');
  });

  it('pressed twice runs once, with no false error', async () => {
    const queue = await showQueue([story(1), story(2)]);
    await act(async () => queue.row(1).querySelector<HTMLButtonElement>('button.delete')!.click());
    await until(() => !!queue.container.querySelector('.undo-bar'), 'the undo bar');
    const undo = queue.undo();
    await act(async () => {
      undo.click();
      undo.click();
    });
    await until(() => queue.container.querySelectorAll('.queue-item').length === 2, 'the story back');
    await wait(100);
    expect(queue.container.querySelector('[role="alert"]')).toBeNull();
    expect(queue.container.querySelector('.undo-bar')).toBeNull();
  });

  it('that fails says so and can be tried again', async () => {
    const queue = await showQueue([story(1), story(2)]);
    await act(async () => queue.row(1).querySelector<HTMLButtonElement>('button.delete')!.click());
    await until(() => !!queue.container.querySelector('.undo-bar'), 'the undo bar');
    // The database refuses the first restore (a full disk, say), then takes the second.
    const restore = vi.spyOn(appDatabase().flags, 'put').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await act(async () => queue.undo().click());
    await until(() => !!queue.container.querySelector('[role="alert"]'), 'the failure shown');
    await until(() => !!queue.container.querySelector('.undo-bar'), 'the undo bar back');
    await act(async () => queue.undo().click());
    await until(() => queue.container.querySelectorAll('.queue-item').length === 2, 'the story back');
    expect(restore).toHaveBeenCalledTimes(2);
  });

  it('of a restore in the trash puts the story back in the trash, with its first deletion time', async () => {
    await appDatabase().flags.put(story(1));
    const deletedAt = Date.UTC(2026, 10, 20);
    await moveToTrash(appDatabase(), id(1), deletedAt);
    const { container } = await mount(<TrashView onClose={() => undefined} />);
    await until(() => !!container.querySelector('.trash-item button'), 'the trashed story');
    await act(async () => container.querySelector<HTMLButtonElement>('.trash-item button')!.click());
    await until(() => !!container.querySelector('.undo-bar'), 'the undo bar');
    expect(await appDatabase().flags.get(id(1))).toBeDefined();
    await act(async () => container.querySelector<HTMLButtonElement>('.undo-bar button')!.click());
    await until(() => !!container.querySelector('.trash-item'), 'the story back in the trash');
    expect(await appDatabase().flags.get(id(1))).toBeUndefined();
    expect((await appDatabase().trash.get(id(1)))?.deletedAt).toBe(deletedAt);
  });
});

describe('the review section', () => {
  it('stays open while a note is cleared and typed again', async () => {
    const queue = await showQueue([story(1, { note: 'Ghi chú cũ' })]);
    const details = () => queue.row(1).querySelector<HTMLDetailsElement>('details.review-details')!;
    await until(() => !!queue.row(1).querySelector('textarea'), 'the note box');
    expect(details().open).toBe(true);
    const note = queue.row(1).querySelector('textarea')!;
    await act(async () => change(note, ''));
    await wait(700);
    expect((await appDatabase().flags.get(id(1)))?.note).toBe('');
    expect(details().open).toBe(true);
    await act(async () => change(note, 'Ghi chú mới'));
    await wait(700);
    expect((await appDatabase().flags.get(id(1)))?.note).toBe('Ghi chú mới');
    expect(details().open).toBe(true);
  });
});

describe('keyboard triage', () => {
  it('in a list of new stories, a status key moves the story out and the focus on to the next one', async () => {
    const newOnly: QueueView = { ...DEFAULT_VIEW, filter: { ...DEFAULT_VIEW.filter, statuses: ['new'] } };
    const queue = await showQueue([story(1), story(2), story(3)], newOnly);
    queue.row(1).focus();
    const press = (key: string) =>
      act(async () => {
        (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      });
    await press('2');
    await until(() => queue.container.querySelectorAll('.queue-item').length === 2, 'story 1 out of the list');
    await until(() => document.activeElement === queue.row(2), 'the focus on story 2');
    expect(await statusOf(1)).toBe('confirmed');
    await press('5');
    await until(() => document.activeElement === queue.row(3), 'the focus on story 3');
    expect(await statusOf(2)).toBe('dismissed');
  });

  it('keys pressed faster than the list updates skip no story', async () => {
    const newOnly: QueueView = { ...DEFAULT_VIEW, filter: { ...DEFAULT_VIEW.filter, statuses: ['new'] } };
    const queue = await showQueue([story(1), story(2), story(3), story(4)], newOnly);
    queue.row(1).focus();
    // Three keys in one go: status, down, status, before any answer from the database.
    await act(async () => {
      for (const key of ['2', 'ArrowDown', '2']) (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    });
    await until(() => queue.container.querySelectorAll('.queue-item').length === 2, 'stories 1 and 2 out of the list');
    await until(() => document.activeElement === queue.row(3), 'the focus on story 3');
    expect([await statusOf(1), await statusOf(2), await statusOf(3)]).toEqual(['confirmed', 'confirmed', 'new']);
  });

  it('going back up between fast keys still lands on the first story left, not the last', async () => {
    const newOnly: QueueView = { ...DEFAULT_VIEW, filter: { ...DEFAULT_VIEW.filter, statuses: ['new'] } };
    const queue = await showQueue([story(1), story(2), story(3), story(4), story(5), story(6)], newOnly);
    queue.row(2).focus();
    await act(async () => {
      for (const key of ['2', 'ArrowUp', '2']) (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    });
    await until(() => queue.container.querySelectorAll('.queue-item').length === 4, 'stories 1 and 2 out of the list');
    await until(() => document.activeElement === queue.row(3), 'the focus on story 3');
  });
});

describe('the queue shown again (back from the trash)', () => {
  it('starts from the database as it is, not from the rows read when the popup opened', async () => {
    await appDatabase().flags.bulkPut([story(1), story(2)]);
    readFirstQueuePageEarly(appDatabase(), DEFAULT_VIEW);
    const first = await mount(<FlagQueue view={DEFAULT_VIEW} onViewChange={() => undefined} />);
    await until(() => first.container.querySelectorAll('.queue-item').length === 2, 'both rows');
    await wait(100);
    await act(async () => first.container.querySelector<HTMLButtonElement>(`#flag-${id(1)} button.delete`)!.click());
    await until(() => first.container.querySelectorAll('.queue-item').length === 1, 'story 1 deleted');
    await act(async () => first.root.unmount());
    // What the popup does when the monitor comes back from the trash: a new queue, same view.
    const again = await mount(<FlagQueue view={DEFAULT_VIEW} onViewChange={() => undefined} />);
    expect(again.container.querySelector(`#flag-${id(1)}`)).toBeNull();
    await until(() => again.container.querySelectorAll('.queue-item').length === 1, 'the one story left');
    expect(again.container.querySelector(`#flag-${id(1)}`)).toBeNull();
  });
});
