import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { flagPage, FLAG_ERRORS, type FlagPageDeps } from '@/lib/flagging/flag-page';
import { capturePage } from '@/lib/page/page-metadata';
import { listEvidence, listQueue } from '@/lib/db/flag-repository';
import { setCaptureMhtml, setMonitorName } from '@/lib/db/settings-repository';
import { fixtureDocument } from './support/fixture-document';
import { testDatabase } from './support/test-database';

// The first bytes of a JPEG file, as captureVisibleTab returns it.
const TINY_JPEG = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==';

const ARTICLE_URL = 'http://127.0.0.1:8000/tin-gia-ban-do-truong-sa.html?utm_source=facebook';

function depsFor(pageUrl: string, fixture: string, selection = '', overrides: Partial<FlagPageDeps> = {}) {
  let clock = Date.UTC(2026, 10, 24, 1, 30);
  let ids = 0;
  const deps: FlagPageDeps = {
    db: testDatabase(),
    readPage: async () => capturePage(fixtureDocument(fixture), pageUrl, selection),
    readLinkText: async () => 'Paracel history, rewritten',
    captureScreenshot: async () => ({ dataUrl: TINY_JPEG }),
    userAgent: 'Mozilla/5.0 (test)',
    now: () => (clock += 60_000),
    newId: () => `id-${++ids}`,
    ...overrides,
  };
  return deps;
}

describe('flagPage', () => {
  it('stores what the page says, the monitor and the capture time', async () => {
    const deps = depsFor(ARTICLE_URL, 'tin-gia-ban-do-truong-sa.html');
    await setMonitorName(deps.db, '  Trần Văn Biển ');
    const response = await flagPage(deps, { tabId: 7, trigger: 'popup' });
    expect(response).toEqual({ ok: true, id: 'id-1' });
    const [record] = await listQueue(deps.db);
    expect(record).toMatchObject({
      id: 'id-1',
      url: ARTICLE_URL,
      canonicalUrl: 'https://baodaoxanh.example/bien-dao/lan-truyen-ban-do-moi-xoa-truong-sa-t12345.html',
      title: 'Lan truyền “bản đồ mới” xoá quần đảo Trường Sa khỏi lãnh thổ',
      siteName: 'Báo Đảo Xanh',
      lang: 'vi',
      monitor: 'Trần Văn Biển',
      trigger: 'popup',
      status: 'new',
      timesFlagged: 1,
      capturedAt: Date.UTC(2026, 10, 24, 1, 31),
    });
  });

  it('keeps the selected text as the quote', async () => {
    const deps = depsFor(ARTICLE_URL, 'tin-gia-ban-do-truong-sa.html', '  “các đảo ở Trường Sa\nchưa bao giờ thuộc về Việt Nam”  ');
    await flagPage(deps, { tabId: 7, trigger: 'menu_selection' });
    expect((await listQueue(deps.db))[0]?.quote).toBe('“các đảo ở Trường Sa\nchưa bao giờ thuộc về Việt Nam”');
  });

  it("uses the context menu's selection text when the page's selection is gone", async () => {
    const deps = depsFor(ARTICLE_URL, 'tin-gia-ban-do-truong-sa.html');
    await flagPage(deps, { tabId: 7, trigger: 'menu_selection', selectionText: 'bản đồ mới' });
    expect((await listQueue(deps.db))[0]?.quote).toBe('bản đồ mới');
  });

  it('answers "already flagged" for the same canonical URL instead of adding a second line', async () => {
    const deps = depsFor(ARTICLE_URL, 'tin-gia-ban-do-truong-sa.html');
    const first = await flagPage(deps, { tabId: 7, trigger: 'popup' });
    const second = await flagPage(deps, { tabId: 7, trigger: 'shortcut' });
    expect(second).toEqual({ ok: true, id: 'id-1', duplicateOf: 'id-1' });
    expect(first).toEqual({ ok: true, id: 'id-1' });
    const queue = await listQueue(deps.db);
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ timesFlagged: 2, capturedAt: Date.UTC(2026, 10, 24, 1, 31), lastFlaggedAt: Date.UTC(2026, 10, 24, 1, 32) });
  });

  it('flags a link: its target, its text as title, the page it was found on', async () => {
    const pageUrl = 'http://127.0.0.1:8000/spratly-protests-analysis.html';
    const deps = depsFor(pageUrl, 'spratly-protests-analysis.html');
    const linkUrl = 'https://reefreport.test/analysis/paracel-history-rewritten?utm_source=related#top';
    await flagPage(deps, { tabId: 3, trigger: 'menu_link', linkUrl });
    expect((await listQueue(deps.db))[0]).toMatchObject({
      url: linkUrl,
      canonicalUrl: 'https://reefreport.test/analysis/paracel-history-rewritten?utm_source=related',
      title: 'Paracel history, rewritten',
      siteName: 'reefreport.test',
      foundOnUrl: pageUrl,
      trigger: 'menu_link',
    });
  });

  it('refuses pages that are not http(s)', async () => {
    const deps = depsFor('chrome://settings/', 'formula-bait.html');
    expect(await flagPage(deps, { tabId: 1, trigger: 'shortcut' })).toEqual({ ok: false, error: FLAG_ERRORS.unsupportedPage });
    expect(await listQueue(deps.db)).toEqual([]);
  });

  it('reports an unreadable page (script injection refused) and stores nothing', async () => {
    const deps = depsFor(ARTICLE_URL, 'formula-bait.html', '', {
      readPage: async () => {
        throw new Error('Cannot access contents of the page');
      },
    });
    expect(await flagPage(deps, { tabId: 1, trigger: 'popup' })).toEqual({ ok: false, error: FLAG_ERRORS.unreadablePage });
  });

  it('rejects a page answer of the wrong shape (untrusted input)', async () => {
    const deps = depsFor(ARTICLE_URL, 'formula-bait.html', '', { readPage: async () => ({ url: 42 }) });
    expect(await flagPage(deps, { tabId: 1, trigger: 'popup' })).toEqual({ ok: false, error: FLAG_ERRORS.unreadablePage });
  });

  it('cleans hostile page text: control and zero-width characters, newlines in the title', async () => {
    const deps = depsFor(ARTICLE_URL, 'formula-bait.html', '', {
      readPage: async () => ({
        url: ARTICLE_URL,
        canonicalUrl: '',
        title: 'Nam\u200B Du\n<b>mùa đẹp</b>\u202E',
        siteName: '\u0007-TinSoc-',
        description: '',
        lang: 'VI',
        selection: '',
      }),
    });
    await flagPage(deps, { tabId: 1, trigger: 'popup' });
    expect((await listQueue(deps.db))[0]).toMatchObject({
      title: 'Nam Du <b>mùa đẹp</b>',
      siteName: '-TinSoc-',
      lang: 'vi',
      canonicalUrl: ARTICLE_URL,
    });
  });

  it('reports a failed write instead of losing it silently', async () => {
    const deps = depsFor(ARTICLE_URL, 'tin-gia-ban-do-truong-sa.html');
    deps.db.flags.hook('creating', () => {
      throw new Error('QuotaExceededError');
    });
    expect(await flagPage(deps, { tabId: 1, trigger: 'popup' })).toEqual({ ok: false, error: FLAG_ERRORS.storageFailed });
  });
});

describe('flagPage and a tab that does not answer (a stuck page)', () => {
  const never = () => new Promise<never>(() => undefined);
  const limits = { page: 40, linkText: 40, watchHits: 40, screenshot: 40, mhtml: 40 };

  it('fails with unreadable-page after its limit, instead of hanging with the popup', async () => {
    const deps = depsFor(ARTICLE_URL, 'tin-gia-ban-do-truong-sa.html', '', { readPage: never, answerLimitsMs: limits });
    await expect(flagPage(deps, { tabId: 7, trigger: 'popup' })).resolves.toEqual({ ok: false, error: FLAG_ERRORS.unreadablePage });
    expect(await listQueue(deps.db)).toEqual([]);
  });

  it('still flags the page when only the screenshot, the watch hits or the page capture never come', async () => {
    const deps = depsFor(ARTICLE_URL, 'tin-gia-ban-do-truong-sa.html', '', {
      captureScreenshot: never,
      readWatchHits: never,
      captureMhtml: never,
      answerLimitsMs: limits,
    });
    await setCaptureMhtml(deps.db, true);
    expect(await flagPage(deps, { tabId: 7, trigger: 'popup' })).toEqual({ ok: true, id: 'id-1', screenshotProblem: 'capture-failed' });
    const [evidence] = await listEvidence(deps.db, 'id-1');
    expect(evidence).toMatchObject({ screenshotProblem: 'capture-failed' });
    expect(evidence?.text.length).toBeGreaterThan(0);
  });

  it('flags a link without its text when the tab does not give it', async () => {
    const deps = depsFor(ARTICLE_URL, 'tin-gia-ban-do-truong-sa.html', '', { readLinkText: never, answerLimitsMs: limits });
    const response = await flagPage(deps, { tabId: 7, trigger: 'menu_link', linkUrl: 'https://other.example/bai-viet-12345' });
    expect(response).toMatchObject({ ok: true });
    expect((await listQueue(deps.db))[0]).toMatchObject({ url: 'https://other.example/bai-viet-12345' });
  });
});

describe('flagPage with the watchlist highlighter', () => {
  it('pre-fills the category from the terms seen most and keeps the terms, most frequent first', async () => {
    const deps = depsFor(ARTICLE_URL, 'tin-gia-ban-do-truong-sa.html', '', {
      readWatchHits: async () => ({
        terms: [
          { term: 'Hà Tiên', count: 1, category: 'border' },
          { term: 'Trường Sa', count: 4, category: 'sovereignty-sea-islands' },
          { term: 'Hoàng Sa', count: 1, category: 'sovereignty-sea-islands' },
          { term: 'cột mốc', count: 3, category: 'border' },
        ],
      }),
    });
    await flagPage(deps, { tabId: 7, trigger: 'shortcut' });
    expect((await listQueue(deps.db))[0]).toMatchObject({
      category: 'sovereignty-sea-islands',
      watchTerms: ['Trường Sa', 'cột mốc', 'Hà Tiên', 'Hoàng Sa'],
    });
  });

  it('still flags when the page has no highlighter or it answers nonsense', async () => {
    for (const readWatchHits of [async () => Promise.reject(new Error('no receiver')), async () => ({ terms: 'x' })]) {
      const deps = depsFor(ARTICLE_URL, 'tin-gia-ban-do-truong-sa.html', '', { readWatchHits });
      expect(await flagPage(deps, { tabId: 7, trigger: 'popup' })).toMatchObject({ ok: true });
      expect((await listQueue(deps.db))[0]).toMatchObject({ category: '', watchTerms: [] });
    }
  });
});

describe('flagPage keeps evidence', () => {
  it('stores the text snapshot and the screenshot with their SHA-256, the tab URL as visited and the user agent', async () => {
    const deps = depsFor(ARTICLE_URL, 'tin-gia-ban-do-truong-sa.html');
    const response = await flagPage(deps, { tabId: 7, trigger: 'popup' });
    expect(response).toEqual({ ok: true, id: 'id-1' });
    const [evidence] = await listEvidence(deps.db, 'id-1');
    expect(evidence).toMatchObject({ flagId: 'id-1', tabUrl: ARTICLE_URL, userAgent: 'Mozilla/5.0 (test)' });
    expect(evidence!.text).toContain('các đảo ở Trường Sa chưa bao giờ thuộc về Việt Nam');
    expect(evidence!.textSha256).toBe(createHash('sha256').update(evidence!.text).digest('hex'));
    expect(Array.from(evidence!.screenshot!.slice(0, 3))).toEqual([0xff, 0xd8, 0xff]);
    expect(evidence!.screenshotSha256).toBe(createHash('sha256').update(evidence!.screenshot!).digest('hex'));
    // The record itself carries the article's own metadata.
    expect((await listQueue(deps.db))[0]).toMatchObject({
      author: 'Nguyễn Thị Hải Yến',
      publishedAt: '2026-11-24T08:30:00+07:00',
      publishedAtZoneAssumed: false,
    });
  });

  it('adds evidence to the existing record when the page is flagged again', async () => {
    const deps = depsFor(ARTICLE_URL, 'tin-gia-ban-do-truong-sa.html');
    await flagPage(deps, { tabId: 7, trigger: 'popup' });
    await flagPage(deps, { tabId: 7, trigger: 'popup' });
    expect(await listEvidence(deps.db, 'id-1')).toHaveLength(2);
  });

  it('keeps the flag and says why when the tab cannot be photographed', async () => {
    const deps = depsFor(ARTICLE_URL, 'tin-gia-ban-do-truong-sa.html', '', { captureScreenshot: async () => ({ problem: 'not-visible' }) });
    expect(await flagPage(deps, { tabId: 7, trigger: 'automation' })).toEqual({ ok: true, id: 'id-1', screenshotProblem: 'not-visible' });
    const [evidence] = await listEvidence(deps.db, 'id-1');
    expect(evidence).toMatchObject({ screenshotProblem: 'not-visible' });
    expect(evidence?.screenshot).toBeUndefined();
    expect(evidence?.text).not.toBe('');
  });

  it('when storage is full, keeps the flag and its text without the screenshot, and says so', async () => {
    const deps = depsFor(ARTICLE_URL, 'tin-gia-ban-do-truong-sa.html');
    deps.db.evidence.hook('creating', (_key, item) => {
      if (item.screenshot) {
        const quota = new Error('quota');
        quota.name = 'QuotaExceededError';
        throw quota;
      }
    });
    expect(await flagPage(deps, { tabId: 7, trigger: 'popup' })).toEqual({ ok: true, id: 'id-1', screenshotProblem: 'quota-exceeded' });
    expect(await listQueue(deps.db)).toHaveLength(1);
    expect(await listEvidence(deps.db, 'id-1')).toMatchObject([{ screenshotProblem: 'quota-exceeded' }]);
  });

  it('keeps the whole page as MHTML, hashed, only when the setting is on', async () => {
    const page = new TextEncoder().encode('MIME-Version: 1.0\r\nSnapshot-Content-Location: http://x\r\n');
    const deps = depsFor(ARTICLE_URL, 'tin-gia-ban-do-truong-sa.html', '', { captureMhtml: async () => page });
    await flagPage(deps, { tabId: 7, trigger: 'popup' });
    expect((await listEvidence(deps.db, 'id-1'))[0]?.mhtml).toBeUndefined();

    await setCaptureMhtml(deps.db, true);
    await flagPage(deps, { tabId: 7, trigger: 'popup' });
    const second = (await listEvidence(deps.db, 'id-1'))[1]!;
    expect(Array.from(second.mhtml!)).toEqual(Array.from(page));
    expect(second.mhtmlSha256).toBe(createHash('sha256').update(page).digest('hex'));
  });

  it('a flagged link has no evidence: its page was never opened', async () => {
    const deps = depsFor('http://127.0.0.1:8000/spratly-protests-analysis.html', 'spratly-protests-analysis.html');
    await flagPage(deps, { tabId: 3, trigger: 'menu_link', linkUrl: 'https://reefreport.test/x' });
    expect(await deps.db.evidence.count()).toBe(0);
  });
});
