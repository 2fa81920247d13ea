// The background's answer to a page's text: the hits, and only with hits the
// groups' colours and categories (the content script no longer reads the groups).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hitGroups, matchWatchTerms, setupWatchMatcher } from '@/entrypoints/background/watch-matcher';
import { defaultWatchlistSettings, saveWatchlistSettings, type WatchlistSettings } from '@/lib/settings/watchlist-settings';
import { watchMatchResponseSchema } from '@/lib/watchlist-messages';

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

  it('gives the default groups when nothing is stored', () => {
    const defaults = defaultWatchlistSettings().groups;
    const groups = hitGroups(defaults, [{ term: defaults[0]!.terms[0]!.term, start: 0, end: 1 }]);
    expect(groups.map((group) => group.id)).toEqual(defaults.map((group) => group.id));
    expect(groups[0]!.terms).toEqual([defaults[0]!.terms[0]!.term]);
  });
});
