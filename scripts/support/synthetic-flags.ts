/**
 * Synthetic flag records for benchmarks (never for tests: tests name their
 * real-world cases). Vietnamese and English headlines drawn from a Zipf
 * vocabulary, ~200 outlets, lead paragraphs, and on some records the things a
 * monitor adds (note, tags, quote, watchlist terms, author), plus the phrases
 * the search bench types ("Hoàng Sa", "Trường Sa", "biển Đông") at a realistic
 * rate. Deterministic: the same seed gives the same records, so runs compare.
 */
import { CATEGORY_IDS } from '../../lib/categories';
import type { FlagRecord } from '../../lib/flag-record';

export type Random = () => number;

/** mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VI_INITIALS = ['b', 'c', 'ch', 'd', 'đ', 'g', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'nh', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x', ''];
const VI_RHYMES = ['a', 'à', 'á', 'ả', 'ã', 'ạ', 'an', 'ăn', 'âm', 'anh', 'ao', 'ay', 'ây', 'e', 'ê', 'em', 'ên', 'i', 'in', 'inh', 'o', 'ô', 'ơ', 'oa', 'oan', 'ong', 'ông', 'u', 'ư', 'uân', 'ương', 'ươc', 'ướ', 'ui', 'uy', 'yên', 'ịnh', 'ồng', 'ời', 'ược', 'ứng', 'ải', 'ấu', 'ệt'];
const EN_ONSETS = ['b', 'br', 'c', 'cl', 'd', 'dr', 'f', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'st', 't', 'tr', 'v', 'w'];
const EN_NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'oo'];
const EN_CODAS = ['', 'n', 'r', 's', 't', 'nd', 'ng', 'st', 'rk', 'll'];

/** Phrases real flags are about; a few percent of records carry one. */
const VI_TOPICS = ['quần đảo Hoàng Sa', 'quần đảo Trường Sa', 'biển Đông', 'Trường Sa biển đảo', 'biên giới Tây Nam', 'cột mốc biên giới'];
const EN_TOPICS = ['the Paracel Islands', 'the Spratly Islands', 'the South China Sea', 'Hoang Sa', 'Truong Sa'];
const WATCH_TERMS = ['Hoàng Sa', 'Trường Sa', 'biển Đông', 'đường lưỡi bò', 'biên giới', 'Paracel', 'Spratly'];
const TAGS = ['facebook', 'video', 'tiktok', 'youtube', 'chiến dịch A', 'ảnh cắt ghép', 'bình luận', 'diễn đàn'];
const AUTHORS = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng', 'Phạm Minh Đức', 'Howard Lim', 'Jane Doe', 'Đặng Quốc Việt', 'Vũ Thu Hà'];
const NOTES = ['Xuyên tạc chủ quyền, cần phản bác gấp', 'Ảnh cắt ghép từ năm 2019', 'Đăng lại từ trang nước ngoài', 'Bình luận kích động', 'Check with the rebuttal team', 'Số liệu sai so với báo cáo tỉnh'];

export interface SyntheticFlags {
  /** The next record; n makes the id and URL unique. */
  record(n: number): FlagRecord;
  /** The ~200 outlet names, for queries. */
  outlets: readonly string[];
  /** A common Vietnamese word of the vocabulary, for queries. */
  viWord(): string;
  random: Random;
}

/** An outlet of the synthetic press: Vietnamese two times in three. */
export interface SyntheticOutlet {
  host: string;
  name: string;
  vi: boolean;
}

/** Words, sentences and outlets drawn from `random` (the dedup bench uses them on their own). */
export interface SyntheticText {
  outlets: readonly SyntheticOutlet[];
  viWord(): string;
  sentence(vi: boolean, words: number): string;
  pick<T>(items: readonly T[]): T;
  capitalise(text: string): string;
}

export function syntheticText(random: Random): SyntheticText {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  function vocabulary(make: () => string, size: number): string[] {
    const words = new Set<string>();
    while (words.size < size) words.add(make());
    return [...words];
  }
  const viWords = vocabulary(() => pick(VI_INITIALS) + pick(VI_RHYMES), 900);
  const enWords = vocabulary(() => pick(EN_ONSETS) + pick(EN_NUCLEI) + pick(EN_CODAS) + (random() < 0.5 ? pick(EN_NUCLEI) + pick(EN_CODAS) : ''), 4000);

  /** Zipf-distributed word: a few very common words, a long tail of rare ones. */
  function zipfPicker(words: readonly string[]): () => string {
    const cumulative: number[] = [];
    const total = words.reduce((sum, _, rank) => sum + 1 / (rank + 1), 0);
    let running = 0;
    for (let rank = 0; rank < words.length; rank += 1) cumulative.push((running += 1 / (rank + 1) / total));
    return () => {
      const x = random();
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] ?? 1) < x) lo = mid + 1;
        else hi = mid;
      }
      return words[lo] ?? '';
    };
  }
  const viWord = zipfPicker(viWords);
  const enWord = zipfPicker(enWords);
  const capitalise = (text: string) => text.replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());

  const outlets = Array.from({ length: 200 }, (_, n) => {
    const vi = n % 3 !== 0;
    const name = vi ? capitalise(`Báo ${viWord()} ${viWord()}`) : capitalise(`The ${enWord()} ${enWord()} Post`);
    return { host: `outlet${n}.example`, name, vi };
  });

  function sentence(vi: boolean, words: number): string {
    const parts: string[] = [];
    for (let i = 0; i < words; i += 1) parts.push(random() < 0.06 ? String(Math.floor(random() * 500)) : vi ? viWord() : enWord());
    return parts.join(' ');
  }

  return { outlets, viWord, sentence, pick, capitalise };
}

export function syntheticFlags(seed = 20241105): SyntheticFlags {
  const random = seededRandom(seed);
  const { outlets, viWord, sentence, pick, capitalise } = syntheticText(random);

  const DAY = 24 * 3600 * 1000;
  const START = Date.parse('2024-01-01T00:00:00+07:00');

  function record(n: number): FlagRecord {
    const outlet = pick(outlets);
    let title = capitalise(sentence(outlet.vi, 8 + Math.floor(random() * 9)));
    // ~4% of headlines are about the seas and islands, as real queues are.
    if (random() < 0.04) {
      const words = title.split(' ');
      words.splice(Math.floor(random() * words.length), 0, pick(outlet.vi ? VI_TOPICS : EN_TOPICS));
      title = words.join(' ');
    }
    if (random() < 0.3) title = `${title} - ${outlet.name}`;
    // A few hostile cells, as pages really contain: quotes, commas, a leading "=" or "-".
    if (random() < 0.02) title = `"${title}", ${outlet.name} viết`;
    if (random() < 0.005) title = `=HYPERLINK("http://evil.example/","${title}")`;
    const slug = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/\W+/g, '-').toLowerCase().slice(0, 80);
    const capturedAt = START + Math.floor(random() * 365 * DAY);
    const url = `https://${outlet.host}/${outlet.vi ? 'tin-tuc' : 'news'}/${slug}-${n}.html`;
    const id = `${(0x10000000 + n).toString(16)}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
    return {
      id,
      url: random() < 0.2 ? `${url}?utm_source=zalo&zarsrc=30` : url,
      canonicalUrl: url,
      title,
      siteName: outlet.name,
      description: random() < 0.5 ? sentence(outlet.vi, 15 + Math.floor(random() * 10)) : '',
      lang: outlet.vi ? 'vi' : 'en',
      quote: random() < 0.2 ? sentence(outlet.vi, 6 + Math.floor(random() * 12)) : '',
      foundOnUrl: '',
      capturedAt,
      lastFlaggedAt: capturedAt + (random() < 0.1 ? Math.floor(random() * 10 * DAY) : 0),
      timesFlagged: random() < 0.1 ? 2 : 1,
      monitor: pick(['Lan', 'Minh', 'Hùng', 'Thảo']),
      trigger: pick(['popup', 'menu_page', 'menu_link', 'menu_selection', 'shortcut'] as const),
      status: pick(['new', 'confirmed', 'sent_to_rebuttal', 'rebutted', 'dismissed'] as const),
      category: random() < 0.2 ? '' : pick(CATEGORY_IDS),
      watchTerms: random() < 0.3 ? [pick(WATCH_TERMS)] : [],
      author: random() < 0.5 ? pick(AUTHORS) : '',
      publishedAt: random() < 0.8 ? new Date(capturedAt - Math.floor(random() * 3 * DAY)).toISOString().replace('Z', '+00:00') : '',
      publishedAtZoneAssumed: false,
      modifiedAt: '',
      excerpt: sentence(outlet.vi, 30 + Math.floor(random() * 30)),
      wordCount: 300 + Math.floor(random() * 1200),
      copyCount: 1,
      severity: pick([0, 1, 2, 3] as const),
      tags: random() < 0.3 ? [pick(TAGS)] : [],
      note: random() < 0.25 ? pick(NOTES) : '',
      exportedAt: random() < 0.5 ? capturedAt + DAY : 0,
    };
  }

  return { record, outlets: outlets.map((outlet) => outlet.name), viWord, random };
}

/** n records from a fresh generator with the default seed. */
export function syntheticFlagRecords(count: number, seed?: number): FlagRecord[] {
  const generator = syntheticFlags(seed);
  return Array.from({ length: count }, (_, n) => generator.record(n));
}
