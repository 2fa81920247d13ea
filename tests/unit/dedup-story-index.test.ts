import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DedupInput, StoryIndex, addWithDedup, findDuplicate } from '@/lib/dedup/find-duplicate';

const inputs: DedupInput[] = readFileSync(resolve(import.meta.dirname, '../fixtures/dedup/stories.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line, at) => {
    const record = JSON.parse(line) as { url: string; title: string; site: string; published_at: string | null; excerpt: string };
    return { id: `r${at}`, url: record.url, title: record.title, siteName: record.site, publishedAt: record.published_at, text: record.excerpt };
  });

function built(): StoryIndex {
  const index = new StoryIndex();
  for (const record of inputs) addWithDedup(index, record);
  return index;
}

const probes: DedupInput[] = [
  { id: 'p1', url: 'https://other.example/x', title: 'Cảng cá Vĩnh Quang đón 40 tàu trong ngày đầu hoạt động', publishedAt: '2025-03-04T20:00:00+07:00' },
  { id: 'p2', url: 'https://songnuoc.example/thi-truong/gia-ca-ngu-hom-nay-6-3-tang-nhe#top', title: '' },
  { id: 'p3', url: 'https://nowhere.example/1', title: 'Một tin hoàn toàn khác', text: 'Không liên quan gì đến các bài trên cả.' },
];

describe('StoryIndex serialisation', () => {
  it('round-trips through JSON text with the same stories, candidates and decisions', () => {
    const index = built();
    const restored = StoryIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    expect(restored.size).toBe(index.size);
    for (const record of inputs) expect(restored.storyOf(record.id)).toBe(index.storyOf(record.id));
    for (const probe of probes) {
      expect(restored.candidates(probe).sort()).toEqual(index.candidates(probe).sort());
      expect(findDuplicate(restored, probe)).toEqual(findDuplicate(index, probe));
    }
    expect(restored.toJSON()).toEqual(index.toJSON());
  });

  it('a restored index keeps growing incrementally', () => {
    const restored = StoryIndex.fromJSON(built().toJSON());
    const decision = addWithDedup(restored, probes[0] as DedupInput);
    expect(decision.kind).toBe('copy');
    expect(restored.size).toBe(inputs.length + 1);
  });

  it.each([
    ['null', null],
    ['another format', { format: 'other', version: 1, records: [] }],
    ['a future version', { format: 'canh-tin/dedup-index', version: 99, records: [] }],
    ['a malformed row', { format: 'canh-tin/dedup-index', version: 1, records: [['id-only']] }],
  ])('rejects %s', (_name, data) => {
    expect(() => StoryIndex.fromJSON(data)).toThrow(/dedup index/);
  });
});

describe('StoryIndex maintenance', () => {
  it('candidates are a few records, not all of them', () => {
    const index = built();
    const found = index.candidates(probes[0] as DedupInput);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(inputs.length);
  });

  it('removing a record removes it from lookups', () => {
    const index = new StoryIndex();
    index.add({ id: 'a', url: 'https://s.example/tin/cang-ca-moi-khanh-thanh', title: 'Cảng cá mới khánh thành ở Rạch Giá' });
    expect(index.remove('a')).toBe(true);
    expect(index.remove('a')).toBe(false);
    expect(index.size).toBe(0);
    expect(findDuplicate(index, { id: 'b', url: 'https://s.example/tin/cang-ca-moi-khanh-thanh', title: '' })).toEqual({ kind: 'new' });
  });

  it('a hand merge and its undo (split) round-trip', () => {
    const index = new StoryIndex();
    index.add({ id: 'a', url: 'https://s.example/1', title: 'Một' });
    index.add({ id: 'b', url: 'https://s.example/2', title: 'Hai' });
    index.add({ id: 'c', url: 'https://s.example/3', title: 'Ba' }, 'b');
    const moved = index.mergeStories('b', 'a');
    expect(moved.sort()).toEqual(['b', 'c']);
    expect(index.storyMembers('a').sort()).toEqual(['a', 'b', 'c']);
    for (const id of moved) index.moveToStory(id, 'b');
    expect(index.storyMembers('a')).toEqual(['a']);
    expect(index.storyMembers('b').sort()).toEqual(['b', 'c']);
  });

  it('re-adding an id replaces the old entry', () => {
    const index = new StoryIndex();
    index.add({ id: 'a', url: 'https://s.example/1', title: 'Một' });
    index.add({ id: 'a', url: 'https://s.example/2', title: 'Một' });
    expect(index.size).toBe(1);
    expect(index.byUrlKeys(['https://s.example/1'])).toEqual([]);
    expect(index.byUrlKeys(['https://s.example/2']).map((entry) => entry.id)).toEqual(['a']);
  });
});
