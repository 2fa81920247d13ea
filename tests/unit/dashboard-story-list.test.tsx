// The briefing's story list renders a few rows of each group in its first
// frame (it sits below the charts, out of the first screen), the rest of each
// group's shown rows right after that frame, and all of them at once when the
// page is printed before that.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_FRAME_ROWS } from '@/components/dashboard/use-complete-after-paint';
import type { DashboardFlag } from '@/lib/dashboard/day-digest';
import { groupStories, STORIES_SHOWN } from '@/lib/dashboard/story-groups';
import { DEFAULT_CATEGORIES } from '@/lib/settings/app-settings';
import { useVietnameseMessages } from './support/vietnamese-messages';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function story(n: number, category: string): DashboardFlag {
  return {
    id: `${category}-${n}`,
    capturedAt: Date.UTC(2026, 10, 23, 3) + n * 60_000,
    category,
    status: 'new',
    severity: 2,
    copyCount: 1,
    siteName: 'Báo Mẫu',
    lang: 'vi',
    watchTerms: [],
    title: `Tin số ${n} (${category})`,
    url: `https://bao.example/${category}/${n}`,
    note: '',
  };
}

// Two groups longer than what the briefing shows, one shorter than the first frame.
// (STORIES_SHOWN > FIRST_FRAME_ROWS, or there is nothing to test: checked below.)
const GROUPS = groupStories([
  ...Array.from({ length: STORIES_SHOWN + 4 }, (_, n) => story(n, 'border')),
  ...Array.from({ length: STORIES_SHOWN + 1 }, (_, n) => story(n, 'other')),
  ...Array.from({ length: 2 }, (_, n) => story(n, 'provincial-image')),
]);

/** Each group's category and the rows it should show when `limit` rows of each are rendered. */
const expected = (limit: number) => GROUPS.map((group) => [group.category, Math.min(group.stories.length, limit)]);

const rowsPerGroup = (container: HTMLElement) =>
  [...container.querySelectorAll('.story-group')].map((group) => [group.getAttribute('data-category'), group.querySelectorAll('tbody tr').length]);

let container: HTMLElement;
let root: Root;
let StoryList: typeof import('@/components/dashboard/StoryList').StoryList;

beforeAll(async () => {
  // The labels module reads the UI language when it loads; WXT's fake browser leaves it unimplemented.
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('vi');
  ({ StoryList } = await import('@/components/dashboard/StoryList'));
});

beforeEach(() => {
  useVietnameseMessages();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('the story list', () => {
  it('has more rows to show than its first frame holds', () => {
    expect(STORIES_SHOWN).toBeGreaterThan(FIRST_FRAME_ROWS);
  });

  it('shows the first rows of each group in its first frame, then every shown row of each', async () => {
    act(() => root.render(<StoryList groups={GROUPS} dismissed={0} categories={DEFAULT_CATEGORIES} />));
    expect(rowsPerGroup(container)).toEqual(expected(FIRST_FRAME_ROWS));
    // After the next frame (or the fallback a hidden page gets), the rest comes.
    await act(() => new Promise((resolve) => setTimeout(resolve, 150)));
    expect(rowsPerGroup(container)).toEqual(expected(STORIES_SHOWN));
  });

  it('prints every shown row even when printing starts before the rest came', () => {
    act(() => root.render(<StoryList groups={GROUPS} dismissed={0} categories={DEFAULT_CATEGORIES} />));
    expect(rowsPerGroup(container)).toEqual(expected(FIRST_FRAME_ROWS));
    // beforeprint is dispatched synchronously before the print layout: the rows must be there when it returns.
    // Deliberately outside act(), which would flush the update itself and hide a listener that does not
    // commit synchronously; React is told it is not in a test meanwhile, so it does not ask for act().
    const env = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    env.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      window.dispatchEvent(new Event('beforeprint'));
    } finally {
      env.IS_REACT_ACT_ENVIRONMENT = true;
    }
    expect(rowsPerGroup(container)).toEqual(expected(STORIES_SHOWN));
  });
});
