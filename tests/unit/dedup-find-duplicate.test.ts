import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DedupInput, StoryIndex, addWithDedup, findDuplicate } from '@/lib/dedup/find-duplicate';

interface FixtureRecord {
  url: string;
  title: string;
  site: string;
  published_at: string | null;
  excerpt: string;
  story: string;
}

const fixture: FixtureRecord[] = readFileSync(resolve(import.meta.dirname, '../fixtures/dedup/stories.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as FixtureRecord);

const input = (record: FixtureRecord, id: string): DedupInput => ({
  id,
  url: record.url,
  title: record.title,
  siteName: record.site,
  publishedAt: record.published_at,
  text: record.excerpt,
});

function byStory(story: string): FixtureRecord[] {
  return fixture.filter((record) => record.story === story);
}

function first(story: string): FixtureRecord {
  const record = byStory(story)[0];
  if (!record) throw new Error(`no record for ${story}`);
  return record;
}

/** Feeds records in the given order; returns the cluster of each fixture record. */
function cluster(order: readonly number[]): Map<number, string> {
  const index = new StoryIndex();
  for (const at of order) addWithDedup(index, input(fixture[at] as FixtureRecord, `r${at}`));
  return new Map(order.map((at) => [at, index.storyOf(`r${at}`) ?? '']));
}

describe('findDuplicate on the fictional fixture', () => {
  const forward = fixture.map((_, at) => at);
  it.each([
    ['in log order', forward],
    ['in reverse order', [...forward].reverse()],
    ['interleaved', [...forward.filter((at) => at % 2 === 1), ...forward.filter((at) => at % 2 === 0)]],
  ])('clusters exactly by story %s', (_name, order) => {
    const clusters = cluster(order);
    for (let a = 0; a < fixture.length; a += 1) {
      for (let b = a + 1; b < fixture.length; b += 1) {
        const same = clusters.get(a) === clusters.get(b);
        expect(same, `#${a} ${fixture[a]?.story} vs #${b} ${fixture[b]?.story}`).toBe(fixture[a]?.story === fixture[b]?.story);
      }
    }
  });
});

describe('findDuplicate decisions', () => {
  it('an empty index has no duplicates', () => {
    expect(findDuplicate(new StoryIndex(), input(first('a-port-opens'), 'x'))).toEqual({ kind: 'new' });
  });

  it('the same article under a tracking/mobile URL variant is a URL copy', () => {
    const index = new StoryIndex();
    const [original, variant] = byStory('a-port-opens');
    index.add(input(original as FixtureRecord, 'orig'));
    expect(findDuplicate(index, input(variant as FixtureRecord, 'v'))).toMatchObject({ kind: 'copy', of: 'orig', reason: 'url', score: 1 });
  });

  it('matches on a canonical the page declares on its own site (mobile, AMP or section host)', () => {
    const index = new StoryIndex();
    index.add({ id: 'orig', url: 'https://songnuoc.example/a/cang-ca-moi-khanh-thanh-1.html', title: 'A', siteName: '' });
    for (const url of ['https://m.songnuoc.example/x/99', 'https://tintuc.songnuoc.example/x/99']) {
      const decision = findDuplicate(index, {
        id: 'variant',
        url,
        canonicalUrl: 'https://songnuoc.example/a/cang-ca-moi-khanh-thanh-1.html?utm_source=rss',
        title: 'B',
      });
      expect(decision).toMatchObject({ kind: 'copy', of: 'orig', reason: 'canonical-url' });
    }
  });

  it("takes no canonical on another site as the page's identity: a hostile page cannot pass for another outlet's article", () => {
    const index = new StoryIndex();
    index.add({ id: 'real', url: 'https://vnexpress.net/thoi-su/tau-ca-gap-nan-o-truong-sa-4800000.html', title: 'Tàu cá gặp nạn ở Trường Sa', siteName: 'VnExpress' });
    const hostile = {
      id: 'hostile',
      url: 'https://fake-outlet.example/bai-viet-12345.html',
      canonicalUrl: 'https://vnexpress.net/thoi-su/tau-ca-gap-nan-o-truong-sa-4800000.html',
      title: 'Bài xuyên tạc hoàn toàn khác về chủ quyền',
    };
    expect(findDuplicate(index, hostile)).toMatchObject({ kind: 'new' });
    // Nor the other way round: flagged first, it does not swallow the real article.
    const other = new StoryIndex();
    other.add(hostile);
    expect(findDuplicate(other, { id: 'real', url: 'https://vnexpress.net/thoi-su/tau-ca-gap-nan-o-truong-sa-4800000.html', title: 'Tàu cá gặp nạn ở Trường Sa' })).toMatchObject({ kind: 'new' });
  });

  it("does not merge a site's articles that all declare its home page as canonical (a common CMS mistake)", () => {
    const index = new StoryIndex();
    index.add({ id: 'first', url: 'https://baoxyz.example/thoi-su/tau-ca-gap-nan-123.html', canonicalUrl: 'https://baoxyz.example/', title: 'Tàu cá gặp nạn ngoài khơi' });
    const decision = findDuplicate(index, { id: 'second', url: 'https://baoxyz.example/kinh-te/gia-xang-tang-456.html', canonicalUrl: 'https://www.baoxyz.example/', title: 'Giá xăng tăng mạnh' });
    expect(decision).toMatchObject({ kind: 'new' });
  });

  it('a repost with the same headline on another site, hours later, is a title copy', () => {
    const index = new StoryIndex();
    index.add({ id: 'orig', url: 'https://a.example/x-y-z', title: 'Cảng cá Vĩnh Quang đón 40 tàu trong ngày đầu', publishedAt: '2025-03-04T10:00:00+07:00' });
    const decision = findDuplicate(index, {
      id: 'repost',
      url: 'https://b.test/p/1',
      title: 'CANG CA VINH QUANG DON 40 TAU TRONG NGAY DAU - Tin B',
      siteName: 'Tin B',
      publishedAt: '2025-03-04T18:00:00+07:00',
    });
    expect(decision).toMatchObject({ kind: 'copy', of: 'orig', reason: 'title' });
  });

  it('a record with another headline but the same lead is a text copy', () => {
    const index = new StoryIndex();
    const [original] = byStory('a-port-opens');
    index.add(input(original as FixtureRecord, 'orig'));
    const forum = byStory('a-port-opens').find((record) => record.url.includes('diendanbien'));
    expect(findDuplicate(index, input(forum as FixtureRecord, 'forum'))).toMatchObject({ kind: 'copy', of: 'orig', reason: 'text' });
  });

  it('a record that bridges two stories indexed apart names both', () => {
    const index = new StoryIndex();
    index.add({ id: 'by-url', url: 'https://a.example/tin/cang-ca-moi-khanh-thanh-hom-nay', title: '', publishedAt: null });
    index.add({ id: 'by-title', url: 'https://b.example/1', title: 'Cảng cá mới khánh thành hôm nay ở Rạch Giá', publishedAt: null });
    const decision = addWithDedup(index, {
      id: 'bridge',
      url: 'https://a.example/tin/cang-ca-moi-khanh-thanh-hom-nay?utm_source=x',
      title: 'Cảng cá mới khánh thành hôm nay ở Rạch Giá',
    });
    expect(decision).toMatchObject({ kind: 'copy', of: 'by-url', reason: 'url', alsoOf: ['by-title'] });
    expect(index.storyOf('by-title')).toBe('by-url');
  });
});

describe('hard negatives stay separate stories', () => {
  const separate = (a: DedupInput, b: DedupInput) => {
    const index = new StoryIndex();
    index.add(a);
    return findDuplicate(index, b);
  };

  it('same outlet, follow-up whose headline starts with the first report’s words', () => {
    expect(separate(input(first('a-port-opens'), 'a'), input(first('b-port-followup'), 'b'))).toEqual({ kind: 'new' });
  });

  it('same outlet, daily series whose headlines differ only in the date', () => {
    expect(separate(input(first('c-tuna-price-5-3'), 'c'), input(first('d-tuna-price-6-3'), 'd'))).toEqual({ kind: 'new' });
  });

  it('identical headlines six weeks apart are two incidents', () => {
    expect(separate(input(first('e-fire-january'), 'e'), input(first('f-fire-february'), 'f'))).toEqual({ kind: 'new' });
  });

  it('near-identical headlines with different numbers on the same day', () => {
    const a = { id: 'a', url: 'https://s.example/1', title: 'Tàu cá gặp nạn gần Thổ Chu, 7 ngư dân được cứu', publishedAt: '2025-01-05T08:00:00+07:00' };
    const b = { id: 'b', url: 'https://s.example/2', title: 'Tàu cá gặp nạn gần Thổ Chu, 5 ngư dân được cứu', publishedAt: '2025-01-05T09:00:00+07:00' };
    expect(separate(a, b)).toEqual({ kind: 'new' });
  });

  it('a cut headline that fits two stories is not enough on its own', () => {
    const index = new StoryIndex();
    index.add({ id: 'rescue', url: 'https://s.example/1', title: 'Tàu cá gặp nạn gần Thổ Chu, 7 ngư dân được cứu', publishedAt: '2025-01-05T08:00:00+07:00' });
    index.add({ id: 'home', url: 'https://s.example/2', title: 'Tàu cá gặp nạn gần Thổ Chu: 7 ngư dân đã về bờ', publishedAt: '2025-01-07T08:00:00+07:00' });
    const decision = findDuplicate(index, { id: 'cut', url: 'https://t.example/9', title: 'Tàu cá gặp nạn gần Thổ Chu…', publishedAt: '2025-01-06T08:00:00+07:00' });
    expect(decision).toEqual({ kind: 'new' });
  });

  it('the same language-neutral story in two languages is two stories', () => {
    expect(separate(input(first('g-ferry-en'), 'en'), input(first('h-ferry-zh'), 'zh'))).toEqual({ kind: 'new' });
  });
});
