// The background's answer to a page's text: the hits, and only with hits the
// groups' colours and categories (the content script no longer reads the groups).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleWatchMatch } from '@/entrypoints/background/message-handler';
import { hitGroups, matchWatchTerms, probeWatchTerms, setupWatchMatcher } from '@/entrypoints/background/watch-matcher';
import { defaultWatchlistSettings, saveWatchlistSettings, type WatchlistSettings } from '@/lib/settings/watchlist-settings';
import { watchMatchResponseSchema, watchProbeResponseSchema } from '@/lib/watchlist-messages';

const settings: WatchlistSettings = {
  version: 1,
  enabled: true,
  disabledHosts: [],
  groups: [
    { id: 'sea', name: 'Biển đảo', color: '#d32f2f', category: 'sovereignty-sea-islands', terms: [{ term: 'Trường Sa' }, { term: 'Hoàng Sa' }] },
    { id: 'places', name: 'Địa danh', color: '#1565c0', category: '', terms: [{ term: 'Phú Quốc' }, { term: 'Trường Sa' }] },
    { id: 'empty', name: 'Trống', color: '#2e7d32', category: 'other', terms: [] },
  ],
};

describe('the background watch matcher', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('answers a page without hits with the hits alone, no colours', async () => {
    await saveWatchlistSettings(fakeBrowser.storage.local, settings);
    const answer = await matchWatchTerms('chợ phiên cuối tuần năm nay đông vui');
    expect(answer).toEqual({ hits: [] });
  });

  it('sends every group, in order, with the hit terms each paints (a term belongs to its first group)', async () => {
    await saveWatchlistSettings(fakeBrowser.storage.local, settings);
    setupWatchMatcher();
    const answer = await matchWatchTerms('Tàu cá Phú Quốc gặp nạn gần Trường Sa.');
    expect(answer.hits.map((hit) => hit.term)).toEqual(['Phú Quốc', 'Trường Sa']);
    expect(answer.groups).toEqual([
      { id: 'sea', color: '#d32f2f', category: 'sovereignty-sea-islands', terms: ['Trường Sa'] },
      { id: 'places', color: '#1565c0', category: '', terms: ['Phú Quốc'] },
      { id: 'empty', color: '#2e7d32', category: 'other', terms: [] },
    ]);
    expect(watchMatchResponseSchema.safeParse(answer).success).toBe(true);
  });

  it('takes the colours from the settings the hits come from, after an edit too', async () => {
    await saveWatchlistSettings(fakeBrowser.storage.local, settings);
    setupWatchMatcher();
    expect((await matchWatchTerms('Hoàng Sa')).groups?.[0]?.color).toBe('#d32f2f');
    await saveWatchlistSettings(fakeBrowser.storage.local, { ...settings, groups: [{ ...settings.groups[0]!, color: '#000000' }] });
    expect((await matchWatchTerms('Hoàng Sa')).groups).toEqual([{ id: 'sea', color: '#000000', category: 'sovereignty-sea-islands', terms: ['Hoàng Sa'] }]);
  });

  it('answers a probe of a whole page text: no without any form, yes with one (a substring is enough)', async () => {
    await saveWatchlistSettings(fakeBrowser.storage.local, settings);
    setupWatchMatcher();
    expect(await probeWatchTerms('chợ phiên cuối tuần năm nay đông vui', 'news.example')).toEqual({ watching: true, maybe: false });
    expect(await probeWatchTerms('var x = 1; Tàu cá gần Trường Sa', 'news.example')).toEqual({ watching: true, maybe: true });
    // Glued to the previous node's text in textContent; the closer look decides.
    expect(await probeWatchTerms('LêHoàng Sa', 'news.example')).toEqual({ watching: true, maybe: true });
    expect(watchProbeResponseSchema.safeParse(await probeWatchTerms('x', 'news.example')).success).toBe(true);
    // A term added in the options counts for the next page.
    await saveWatchlistSettings(fakeBrowser.storage.local, { ...settings, groups: [{ ...settings.groups[0]!, terms: [{ term: 'chợ phiên' }] }] });
    expect(await probeWatchTerms('chợ phiên cuối tuần', 'news.example')).toEqual({ watching: true, maybe: true });
  });

  it('tells a page the watchlist is off for its site, or everywhere, from the switches as stored right now', async () => {
    setupWatchMatcher();
    await saveWatchlistSettings(fakeBrowser.storage.local, { ...settings, disabledHosts: ['news.example'] });
    expect(await probeWatchTerms('Trường Sa', 'www.News.example')).toEqual({ watching: false, maybe: false });
    expect(await probeWatchTerms('Trường Sa', 'other.example')).toEqual({ watching: true, maybe: true });
    // Switched off everywhere: the very next probe knows, whatever this worker has cached.
    await fakeBrowser.storage.local.set({ watchlist: { ...settings, enabled: false } });
    expect(await probeWatchTerms('Trường Sa', 'other.example')).toEqual({ watching: false, maybe: false });
    // Nothing stored yet: the defaults, on everywhere.
    await fakeBrowser.storage.local.clear();
    expect((await probeWatchTerms('Trường Sa', 'other.example')).watching).toBe(true);
  });

  it('routes a probe or a match only from our own content script in a tab, and only when well formed', async () => {
    setupWatchMatcher();
    await saveWatchlistSettings(fakeBrowser.storage.local, settings);
    const ours = { id: fakeBrowser.runtime.id, tab: { id: 3 }, url: 'https://news.example/bai-viet' };
    await expect(handleWatchMatch({ type: 'watch-probe', text: 'gần Hoàng Sa' }, ours)).resolves.toEqual({ watching: true, maybe: true });
    await saveWatchlistSettings(fakeBrowser.storage.local, { ...settings, disabledHosts: ['news.example'] });
    // The site comes from the sender, not from anything the page says.
    await expect(handleWatchMatch({ type: 'watch-probe', text: 'gần Hoàng Sa', host: 'other.example' }, ours)).resolves.toEqual({ watching: false, maybe: false });
    await saveWatchlistSettings(fakeBrowser.storage.local, settings);
    await expect(handleWatchMatch({ type: 'watch-match', text: 'gần Hoàng Sa' }, ours)).resolves.toMatchObject({ hits: [{ term: 'Hoàng Sa' }] });
    expect(handleWatchMatch({ type: 'watch-probe', text: 42 }, ours)).toBeNull();
    expect(handleWatchMatch({ type: 'watch-probe', text: 'Hoàng Sa' }, { id: 'another-extension', tab: { id: 3 } })).toBeNull();
    expect(handleWatchMatch({ type: 'watch-probe', text: 'Hoàng Sa' }, { id: fakeBrowser.runtime.id })).toBeNull();
  });

  it('gives the default groups when nothing is stored', () => {
    const defaults = defaultWatchlistSettings().groups;
    const groups = hitGroups(defaults, [{ term: defaults[0]!.terms[0]!.term, start: 0, end: 1 }]);
    expect(groups.map((group) => group.id)).toEqual(defaults.map((group) => group.id));
    expect(groups[0]!.terms).toEqual([defaults[0]!.terms[0]!.term]);
  });
});
