/**
 * The persistent index's keys and ranking (lib/dedup/dedup-keys.ts), in pure
 * form: which keys a copy is filed under, and that deciding on the candidates
 * the keys find gives the same answer as deciding over every record.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CANDIDATES_PER_SIGNAL,
  type DedupIndexRow,
  KEY_KINDS,
  type Postings,
  dedupIndexRow,
  fallbackProbeKeys,
  indexKeys,
  isHeadlineKey,
  postingCap,
  probeKeys,
  rankCandidates,
  restoreFeatures,
  storeFeatures,
} from '@/lib/dedup/dedup-keys';
import { type DedupInput, StoryIndex, addWithDedup, findDuplicate } from '@/lib/dedup/find-duplicate';
import { recordFeatures } from '@/lib/dedup/record-features';

const fixture: DedupInput[] = readFileSync(resolve(import.meta.dirname, '../fixtures/dedup/stories.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line, at) => {
    const record = JSON.parse(line) as { url: string; title: string; site: string; published_at: string | null; excerpt: string };
    return { id: `r${at}`, url: record.url, title: record.title, siteName: record.site, publishedAt: record.published_at, text: record.excerpt };
  });

const kinds = (keys: readonly string[]) => [...new Set(keys.map((key) => key.slice(0, 2)))].sort();

describe('dedup index keys', () => {
  const article: DedupInput = {
    id: 'a',
    url: 'https://songnuoc.example/thoi-su/cang-ca-vinh-quang-don-40-tau.html',
    title: 'Cảng cá Vĩnh Quang đón 40 tàu - Sông Nước',
    siteName: 'Sông Nước',
    publishedAt: '2025-03-04T10:00:00+07:00',
    text: 'Sáng 4/3, cảng cá Vĩnh Quang ở Rạch Giá chính thức đi vào hoạt động, đón 40 tàu cá cập bến trong ngày đầu tiên theo thông tin từ ban quản lý cảng.',
  };

  it('files a copy under its slug, headline, headline word pairs and sampled lead shingles, each kind prefixed', () => {
    const keys = indexKeys(article);
    expect(kinds(keys)).toEqual(Object.values(KEY_KINDS).sort());
    expect(keys).toContain('s:songnuoc.example||cang-ca-vinh-quang-don-40-tau');
    // Folded and without the outlet's name.
    expect(keys.filter((key) => key.startsWith('p:'))).toEqual(['p:cang ca', 'p:ca vinh', 'p:vinh quang', 'p:quang don', 'p:don 40', 'p:40 tau']);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a headline of one word is one key; no headline and no lead leave only the address', () => {
    expect(indexKeys({ id: 'x', url: 'https://a.example/1', title: 'Breaking' }).filter((key) => key.startsWith('p:'))).toEqual(['p:breaking']);
    expect(indexKeys({ id: 'y', url: 'https://a.example/2', title: '' })).toEqual([]);
  });

  it('a cut last word is filed (as StoryIndex does) but never looked up: it is not a word of the full headline', () => {
    const cut = { ...article, id: 'cut', title: 'Cảng cá Vĩnh Quang đón 40 t…', text: '' };
    expect(indexKeys(cut)).toContain('p:40 t');
    expect(probeKeys(cut)).not.toContain('p:40 t');
    expect(probeKeys(cut)).toContain('p:don 40');
    // A cut headline has no whole-headline key: it is nobody's whole headline.
    expect(kinds(indexKeys(cut))).not.toContain(KEY_KINDS.headline);
  });

  it('the same headline on another site, with or without an outlet name dedup does not know, shares a headline key', () => {
    const headline = (input: DedupInput) => indexKeys(input).filter((key) => key.startsWith(KEY_KINDS.headline));
    const repost = { ...article, id: 'b', url: 'https://b.example/x', siteName: '', title: 'CẢNG CÁ VĨNH QUANG ĐÓN 40 TÀU | Báo Người Lao Động' };
    expect(headline(repost).length).toBe(2);
    expect(headline(repost)).toEqual(expect.arrayContaining(headline(article)));
  });

  it('looks a record up by every other headline pair, which still covers every word, and by keys it would be filed under', () => {
    for (const record of fixture) {
      const probes = probeKeys(record);
      const filed = new Set(indexKeys(record));
      const features = recordFeatures(record);
      const complete = features.title.truncated ? features.title.sequence.slice(0, -1) : features.title.sequence;
      const pairs = probes.filter((key) => key.startsWith(KEY_KINDS.titlePair));
      expect(pairs.length, record.id).toBeLessThanOrEqual(Math.ceil(complete.length / 2) + 1);
      const covered = new Set(pairs.flatMap((key) => key.slice(2).split(' ')));
      for (const token of complete) expect(covered.has(token), `${record.id}: ${token}`).toBe(true);
      if (!features.title.truncated) for (const key of probes) expect(filed.has(key), `${record.id}: ${key}`).toBe(true);
    }
  });

  it('the pairs a lookup skipped are its fallback, read only when every headline key it read was boilerplate', () => {
    const record = { ...article, text: '' };
    const all = indexKeys(record).filter((key) => key.startsWith(KEY_KINDS.titlePair));
    const probed = probeKeys(record).filter((key) => key.startsWith(KEY_KINDS.titlePair));
    expect([...probed, ...fallbackProbeKeys(record)].sort()).toEqual(all.sort());
    expect(fallbackProbeKeys(record).some((key) => probed.includes(key))).toBe(false);
    expect(probeKeys(record).filter(isHeadlineKey).length).toBe(probed.length + 1);
  });

  it('every kind has a posting cap; an unknown prefix has none', () => {
    for (const prefix of Object.values(KEY_KINDS)) expect(postingCap(`${prefix}x`)).toBeGreaterThan(0);
    expect(postingCap('z:x')).toBe(0);
  });

  it('stored features survive structured cloning (what IndexedDB does) and come back equal', () => {
    for (const input of [...fixture, { id: 'no-date', url: 'https://a.example/b', title: 'X', publishedAt: null }]) {
      const features = recordFeatures(input);
      const row: DedupIndexRow = structuredClone(dedupIndexRow(input));
      expect(row.features.shingles).toBeInstanceOf(Uint32Array);
      expect(restoreFeatures(row.id, row.features)).toEqual(features);
      expect(storeFeatures(features).publishedAt === null).toBe(!Number.isFinite(features.publishedAt));
    }
  });
});

describe('rankCandidates', () => {
  const lists = (entries: Array<[string, string[]]>): Postings[] => entries.map(([key, ids]) => ({ key, ids }));

  it('keeps every copy sharing the slug, however weak its other evidence', () => {
    const ranked = rankCandidates(lists([['s:a||slug', ['print-view']], ['p:a b', ['x', 'y']], ['p:b c', ['x']], ['p:c d', ['x']], ['p:d e', ['x']]]));
    expect(ranked.sort()).toEqual(['print-view', 'x']);
  });

  it('keeps the best `limit` copies of each signal, and none sharing under half the best count', () => {
    const many = Array.from({ length: 30 }, (_, n) => `weak-${String(n).padStart(2, '0')}`);
    const ranked = rankCandidates(
      lists([
        ['p:a b', ['best', 'good', ...many]],
        ['p:b c', ['best', 'good']],
        ['p:c d', ['best']],
        ['g:1', ['lead', 'faint']],
        ['g:2', ['lead']],
        ['g:3', ['lead']],
        ['g:4', ['lead']],
      ]),
      5,
    );
    // Headline: best 3, good 2, then the weak ones (1 ≥ floor 1) by id until the limit.
    // Lead: lead 4; faint 1 is under half of 4.
    expect(ranked).toEqual(['best', 'good', 'weak-00', 'weak-01', 'weak-02', 'lead']);
  });

  it('is deterministic: the same postings in another order give the same candidates', () => {
    const entries: Array<[string, string[]]> = [
      ['p:a b', ['c', 'a', 'b']],
      ['g:1', ['d', 'e']],
    ];
    expect(rankCandidates(lists(entries))).toEqual(rankCandidates(lists([...entries].reverse().map(([key, ids]) => [key, [...ids].reverse()]))));
  });
});

/** Postings as the database would answer them, over the rows of `records`, with the same caps. */
function postingsOver(rows: readonly DedupIndexRow[], keys: readonly string[]): Postings[] {
  return keys.flatMap((key) => {
    const ids = rows.filter((row) => row.keys.includes(key)).map((row) => row.id);
    return ids.length > postingCap(key) ? [] : [{ key, ids }];
  });
}

describe('deciding on the candidates the keys find', () => {
  it('gives the same decision as the whole index for every record of the fixture, in log order', () => {
    const full = new StoryIndex();
    const rows: DedupIndexRow[] = [];
    for (const record of fixture) {
      const ids = new Set(rankCandidates(postingsOver(rows, probeKeys(record)), CANDIDATES_PER_SIGNAL));
      const small = new StoryIndex();
      for (const row of rows) if (ids.has(row.id)) small.add(restoreFeatures(row.id, row.features), full.storyOf(row.id));
      const expected = findDuplicate(full, record);
      const { alsoOf: _ignored, ...decision } = findDuplicate(small, record) as typeof expected & { alsoOf?: string[] };
      const { alsoOf: _too, ...wanted } = expected as typeof expected & { alsoOf?: string[] };
      expect(decision, record.id).toEqual(wanted);
      addWithDedup(full, record);
      rows.push(dedupIndexRow(record));
    }
  });
});
