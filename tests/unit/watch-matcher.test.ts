// The background's answer to a page's text: the hits, and only with hits the
// groups' colours and categories (the content script no longer reads the groups).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleWatchMatch } from '@/entrypoints/background/message-handler';
import { hitGroups, matchWatchTerms, probeWatchTerms } from '@/entrypoints/background/watch-matcher';
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
    const answer = await matchWatchTerms('chợ phiên cuối tuần năm nay đông vui', 'news.example');
    expect(answer).toEqual({ hits: [] });
  });

  it('sends every group, in order, with the hit terms each paints (a term belongs to its first group)', async () => {
    await saveWatchlistSettings(fakeBrowser.storage.local, settings);
    const answer = await matchWatchTerms('Tàu cá Phú Quốc gặp nạn gần Trường Sa.', 'news.example');
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
    expect((await matchWatchTerms('Hoàng Sa', 'news.example')).groups?.[0]?.color).toBe('#d32f2f');
    await saveWatchlistSettings(fakeBrowser.storage.local, { ...settings, groups: [{ ...settings.groups[0]!, color: '#000000' }] });
    expect((await matchWatchTerms('Hoàng Sa', 'news.example')).groups).toEqual([{ id: 'sea', color: '#000000', category: 'sovereignty-sea-islands', terms: ['Hoàng Sa'] }]);
  });

  it('answers a probe of a whole page text: no without any form, yes with one (a substring is enough)', async () => {
    await saveWatchlistSettings(fakeBrowser.storage.local, settings);
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
    await saveWatchlistSettings(fakeBrowser.storage.local, { ...settings, disabledHosts: ['news.example'] });
    expect(await probeWatchTerms('Trường Sa', 'www.News.example')).toEqual({ watching: false, maybe: false });
    expect(await probeWatchTerms('Trường Sa', 'other.example')).toEqual({ watching: true, maybe: true });
    // Switched off everywhere (written with no listener in this worker: fakeBrowser fires none we registered):
    // the very next probe knows, and so does a match, whatever the page believes.
    await fakeBrowser.storage.local.set({ watchlist: { ...settings, enabled: false } });
    expect(await probeWatchTerms('Trường Sa', 'other.example')).toEqual({ watching: false, maybe: false });
    expect(await matchWatchTerms('Trường Sa', 'other.example')).toEqual({ hits: [] });
    // Nothing stored yet: the defaults, on everywhere.
    await fakeBrowser.storage.local.clear();
    expect((await probeWatchTerms('Trường Sa', 'other.example')).watching).toBe(true);
  });

  it('rebuilds its automaton when the stored terms change, with no change event needed', async () => {
    await saveWatchlistSettings(fakeBrowser.storage.local, settings);
    expect(await probeWatchTerms('chợ phiên cuối tuần', 'news.example')).toEqual({ watching: true, maybe: false });
    // Written straight to storage, as another context would: no listener of ours hears it.
    await fakeBrowser.storage.local.set({ watchlist: { ...settings, groups: [{ ...settings.groups[0]!, terms: [{ term: 'chợ phiên' }] }] } });
    expect(await probeWatchTerms('chợ phiên cuối tuần', 'news.example')).toEqual({ watching: true, maybe: true });
    expect((await matchWatchTerms('chợ phiên cuối tuần', 'news.example')).hits.map((hit) => hit.term)).toEqual(['chợ phiên']);
  });

  it('tells a page with more text than a message carries to look closer, if it is on', async () => {
    await saveWatchlistSettings(fakeBrowser.storage.local, { ...settings, disabledHosts: ['off.example'] });
    expect(await probeWatchTerms('', 'news.example', false)).toEqual({ watching: true, maybe: true });
    expect(await probeWatchTerms('', 'off.example', false)).toEqual({ watching: false, maybe: false });
  });

  it('routes a probe or a match only from our own content script in a tab, and only when well formed', async () => {
    await saveWatchlistSettings(fakeBrowser.storage.local, settings);
    const ours = { id: fakeBrowser.runtime.id, tab: { id: 3 }, url: 'https://news.example/bai-viet' };
    await expect(handleWatchMatch({ type: 'watch-probe', text: 'gần Hoàng Sa', complete: true }, ours)).resolves.toEqual({ watching: true, maybe: true });
    await saveWatchlistSettings(fakeBrowser.storage.local, { ...settings, disabledHosts: ['news.example'] });
    // The site comes from the sender, not from anything the page says; a match there finds nothing either.
    await expect(handleWatchMatch({ type: 'watch-probe', text: 'gần Hoàng Sa', complete: true, host: 'other.example' }, ours)).resolves.toEqual({ watching: false, maybe: false });
    await expect(handleWatchMatch({ type: 'watch-match', text: 'gần Hoàng Sa' }, ours)).resolves.toEqual({ hits: [] });
    await saveWatchlistSettings(fakeBrowser.storage.local, settings);
    await expect(handleWatchMatch({ type: 'watch-match', text: 'gần Hoàng Sa' }, ours)).resolves.toMatchObject({ hits: [{ term: 'Hoàng Sa' }] });
    expect(handleWatchMatch({ type: 'watch-probe', text: 42, complete: true }, ours)).toBeNull();
    expect(handleWatchMatch({ type: 'watch-probe', text: 'Hoàng Sa' }, ours)).toBeNull();
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
