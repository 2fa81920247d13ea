// The watchlist highlighter's page side (entrypoints/watchlist-highlighter/watch-page.ts) in
// happy-dom, talking to the background's real matcher through a stand-in for the
// extension's messaging: what it asks, what it reports, and how it follows the page,
// the switches and the extension going away. (Painting needs Chromium's Highlight API:
// the e2e tests cover it.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { matchWatchTerms, probeWatchTerms } from '@/entrypoints/background/watch-matcher';
import { watchPage } from '@/entrypoints/watchlist-highlighter/watch-page';
import { defaultWatchlistSettings, saveWatchlistSettings, type WatchlistSettings } from '@/lib/settings/watchlist-settings';
import { WATCH_GET_HITS, WATCH_HIT_COUNT, WATCH_MATCH, WATCH_PROBE, WATCH_RESTART, watchPageHitsSchema } from '@/lib/watchlist-messages';

const HOST = 'news.example';
const settings: WatchlistSettings = {
  ...defaultWatchlistSettings(),
  groups: [{ id: 'sea', name: 'Biển đảo', color: '#d32f2f', category: 'sovereignty-sea-islands', terms: [{ term: 'Trường Sa' }, { term: 'Hoàng Sa' }] }],
};

/** The highlighter under test, stopped after each test (its observer would see the next test's page). */
let leave: (() => void) | undefined;
const start = () => (leave = watchPage(performance.now()));

/** What the page sent, by type, in order. */
let sent: { type: string; text?: string; total?: number }[];

/** The page's hits as the popup would ask for them. */
async function pageHits() {
  const answers: unknown[] = [];
  await fakeBrowser.runtime.onMessage.trigger({ type: WATCH_GET_HITS }, { id: fakeBrowser.runtime.id }, (answer: unknown) => answers.push(answer));
  return watchPageHitsSchema.parse(answers[0]);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** A `pageshow` as the browser fires it (isTrusted); one a page dispatches itself is untrusted. */
function browserPageShow(persisted: boolean): Event {
  const event = Object.assign(new Event('pageshow'), { persisted });
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

describe('the watchlist highlighter on a page', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    sent = [];
    await saveWatchlistSettings(fakeBrowser.storage.local, settings);
    // The background, as message-handler.ts answers the page (its host taken from the sender).
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      const request = message as { type: string; text?: string; complete?: boolean; total?: number };
      sent.push(request);
      if (request.type === WATCH_PROBE) return probeWatchTerms(request.text ?? '', HOST, request.complete);
      if (request.type === WATCH_MATCH) return matchWatchTerms(request.text ?? '', HOST);
      return undefined;
    });
    document.body.innerHTML = '';
  });

  afterEach(() => {
    leave?.();
    leave = undefined;
    vi.restoreAllMocks();
  });

  it('asks once with the whole text and walks nothing more on a page without a term', async () => {
    document.body.innerHTML = '<article><h1>Chợ phiên cuối tuần</h1><p>Người dân địa phương cho biết chợ năm nay đông vui.</p></article>';
    start();
    await settle();
    expect(sent.map((message) => message.type)).toEqual([WATCH_PROBE]);
    expect(sent[0]!.text).toContain('đông vui');
    expect(await pageHits()).toMatchObject({ active: true, terms: [] });
  });

  it('finds and counts the terms on a page that has them, and reports the count for the badge', async () => {
    document.body.innerHTML = '<p>Tàu cá gặp nạn gần Trường Sa.</p><p>Ngư dân Hoàng Sa và Trường Sa.</p><textarea>Trường Sa</textarea>';
    start();
    await settle();
    expect(sent.map((message) => message.type)).toEqual([WATCH_PROBE, WATCH_MATCH, WATCH_HIT_COUNT]);
    expect(sent[2]).toMatchObject({ total: 3 });
    const hits = await pageHits();
    expect(hits.terms).toEqual([
      { term: 'Trường Sa', count: 2, category: 'sovereignty-sea-islands', color: '#d32f2f' },
      { term: 'Hoàng Sa', count: 1, category: 'sovereignty-sea-islands', color: '#d32f2f' },
    ]);
  });

  it('scans what the page adds later, once per burst', async () => {
    document.body.innerHTML = '<p>Tin trong ngày.</p>';
    start();
    await settle();
    for (let n = 0; n < 5; n += 1) document.body.insertAdjacentHTML('beforeend', `<p>Bài ${n} về Hoàng Sa.</p>`);
    await vi.waitFor(async () => expect((await pageHits()).terms).toEqual([expect.objectContaining({ term: 'Hoàng Sa', count: 5 })]), { timeout: 2000 });
    expect(sent.filter((message) => message.type === WATCH_HIT_COUNT)).toEqual([expect.objectContaining({ total: 5 })]);
  });

  it('follows the switches when the background says they changed: off clears the hits and the badge, on finds them again', async () => {
    document.body.innerHTML = '<p>Gần Trường Sa.</p>';
    start();
    await settle();
    expect((await pageHits()).terms).toHaveLength(1);

    await saveWatchlistSettings(fakeBrowser.storage.local, { ...settings, disabledHosts: [HOST] });
    await fakeBrowser.runtime.onMessage.trigger({ type: WATCH_RESTART }, { id: fakeBrowser.runtime.id }, () => undefined);
    await settle();
    expect(await pageHits()).toMatchObject({ active: false, terms: [] });
    expect(sent.at(-1)).toEqual({ type: WATCH_HIT_COUNT, total: 0 });

    await saveWatchlistSettings(fakeBrowser.storage.local, settings);
    await fakeBrowser.runtime.onMessage.trigger({ type: WATCH_RESTART }, { id: fakeBrowser.runtime.id }, () => undefined);
    await settle();
    expect(await pageHits()).toMatchObject({ active: true, terms: [expect.objectContaining({ term: 'Trường Sa', count: 1 })] });
  });

  it('looks again when the page comes back from the back/forward cache, where no restart reached it', async () => {
    document.body.innerHTML = '<p>Gần Trường Sa.</p>';
    start();
    await settle();
    await saveWatchlistSettings(fakeBrowser.storage.local, { ...settings, disabledHosts: [HOST] });
    window.dispatchEvent(browserPageShow(false));
    await settle();
    expect((await pageHits()).active).toBe(true);
    window.dispatchEvent(browserPageShow(true));
    await settle();
    expect(await pageHits()).toMatchObject({ active: false, terms: [] });
  });

  it('ignores a pageshow the page dispatches itself: it cannot make the script resend its text at will', async () => {
    document.body.innerHTML = '<p>Gần Trường Sa.</p>';
    start();
    await settle();
    const before = sent.length;
    for (let n = 0; n < 20; n += 1) window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    await settle();
    expect(sent.slice(before)).toEqual([]);
    expect((await pageHits()).active).toBe(true);
  });

  it('ignores a restart sent by anyone but the extension', async () => {
    document.body.innerHTML = '<p>Gần Trường Sa.</p>';
    start();
    await settle();
    const before = sent.length;
    await fakeBrowser.runtime.onMessage.trigger({ type: WATCH_RESTART }, { id: 'another-extension' }, () => undefined);
    await settle();
    expect(sent).toHaveLength(before);
  });

  it('stops following the page and listening once the extension is gone (updated or removed)', async () => {
    document.body.innerHTML = '<p>Gần Trường Sa.</p>';
    start();
    await settle();
    expect((await pageHits()).terms).toHaveLength(1);
    const before = sent.length;
    // What Chromium and Firefox do to a content script whose extension is gone.
    fakeBrowser.runtime.id = undefined as unknown as string;
    document.body.insertAdjacentHTML('beforeend', '<p>Thêm Hoàng Sa.</p>');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sent).toHaveLength(before);
    fakeBrowser.runtime.id = 'test-extension-id';
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  });
});
