import { describe, expect, it } from 'vitest';
import { isCategoryId } from '@/lib/categories';
import { parseWatchlistFile, parseWatchlistText, watchlistToText, WatchlistFileError } from '@/lib/settings/watchlist-file';
import {
  defaultWatchlistSettings,
  isWatchingHost,
  loadWatchlistSettings,
  parseWatchlistSettings,
  saveWatchlistSettings,
  setHostWatching,
  watchTermsOf,
  type KeyValueArea,
} from '@/lib/settings/watchlist-settings';

function memoryArea(): KeyValueArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
  };
}

describe('watchlist settings', () => {
  it('defaults to an enabled list whose groups have colours and valid categories', () => {
    const settings = defaultWatchlistSettings();
    expect(settings.enabled).toBe(true);
    expect(settings.groups.length).toBeGreaterThan(1);
    for (const group of settings.groups) {
      expect(group.color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(group.category === '' || isCategoryId(group.category)).toBe(true);
      expect(group.terms.length).toBeGreaterThan(0);
    }
    expect(watchTermsOf(settings).some((term) => term.term === 'Trường Sa' || term.variants?.includes('Trường Sa'))).toBe(true);
  });

  it('falls back to the defaults when storage holds something broken', () => {
    expect(parseWatchlistSettings({ version: 1, enabled: 'yes' })).toEqual(defaultWatchlistSettings());
    expect(parseWatchlistSettings(undefined)).toEqual(defaultWatchlistSettings());
  });

  it('switches one site off and on again, and the global switch wins', () => {
    let settings = setHostWatching(defaultWatchlistSettings(), 'www.Facebook.com', false);
    expect(isWatchingHost(settings, 'facebook.com')).toBe(false);
    expect(isWatchingHost(settings, 'baodaoxanh.example')).toBe(true);
    settings = setHostWatching(settings, 'facebook.com', true);
    expect(isWatchingHost(settings, 'www.facebook.com')).toBe(true);
    expect(isWatchingHost({ ...settings, enabled: false }, 'baodaoxanh.example')).toBe(false);
  });

  it('saves and loads through a storage area unchanged', async () => {
    const area = memoryArea();
    const settings = setHostWatching(defaultWatchlistSettings(), 'a.example', false);
    await saveWatchlistSettings(area, settings);
    expect(await loadWatchlistSettings(area)).toEqual(settings);
  });
});

describe('watchlist files', () => {
  const text = [
    '# Chủ quyền biển đảo | #c62828 | sovereignty-sea-islands',
    'Hoàng Sa | Hoang Sa | Paracel | 西沙',
    'Trường Sa',
    '',
    '# Biên giới',
    'cột mốc | cot moc | border marker',
  ].join('\n');

  it('reads the plain text format: groups, colours, categories, variants', () => {
    const groups = parseWatchlistText(text);
    expect(groups.map((g) => [g.name, g.category, g.terms.length])).toEqual([
      ['Chủ quyền biển đảo', 'sovereignty-sea-islands', 2],
      ['Biên giới', '', 1],
    ]);
    expect(groups[0]!.color).toBe('#c62828');
    expect(groups[1]!.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(groups[0]!.terms[0]).toEqual({ term: 'Hoàng Sa', variants: ['Hoang Sa', 'Paracel', '西沙'] });
  });

  it('round-trips through text and through JSON', () => {
    const groups = parseWatchlistText(text);
    expect(parseWatchlistFile(watchlistToText(groups))).toEqual(groups);
    expect(parseWatchlistFile(JSON.stringify(groups))).toEqual(groups);
    const defaults = defaultWatchlistSettings().groups;
    expect(parseWatchlistFile(JSON.stringify(defaults))).toEqual(defaults);
  });

  it('reports a bad colour by line, and a JSON file of the wrong shape', () => {
    expect(() => parseWatchlistText('Hoàng Sa\n# Nhóm | red')).toThrow(new WatchlistFileError("bad colour 'red'", 2));
    expect(() => parseWatchlistFile('[{"name": 1}]')).toThrow(/not a watchlist/);
    expect(() => parseWatchlistFile('{ broken')).toThrow(/not valid JSON/);
  });

  it('puts terms before any header in one unnamed group', () => {
    expect(parseWatchlistText('Phú Quốc\nThổ Chu')[0]?.terms.map((t) => t.term)).toEqual(['Phú Quốc', 'Thổ Chu']);
  });
});
