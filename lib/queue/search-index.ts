/**
 * Search-as-you-type over a whole queue (100k flags stay under 100 ms a
 * keystroke), kept current record by record. fuse.js alone scans every record
 * on every keystroke (0.5 s at 10k over these fields, ../shared/PERFORMANCE.md),
 * so an inverted index of folded words first finds the candidates: every query
 * word must begin a word of the record ("hoan" already finds "Hoàng"). They are
 * ranked by a score the index gives cheaply (field weights, title first; whole
 * words over prefixes; the typed phrase in one field over scattered words), with
 * fuse.js breaking ties when they are few. Typos are tolerated at any size by
 * widening a query word to index words one edit away when nothing matches, and
 * at small sizes by fuse.js over everything.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { FlagRecord } from '../flag-record';

/** "Hoàng Sa", "HOANG SA", "Hoang Sa" → "hoang sa". */
export function foldForSearch(text: string): string {
  // Most tags, outlets and English text are ASCII: skip the costly normalisation.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

type SearchedField = 'title' | 'siteName' | 'tags' | 'note' | 'quote' | 'watchTerms' | 'author' | 'excerpt';

/** What a monitor remembers first weighs most: the headline, then the outlet; the long excerpt least. */
export const SEARCH_FIELDS: readonly { name: SearchedField; weight: number }[] = [
  { name: 'title', weight: 3 },
  { name: 'siteName', weight: 2 },
  { name: 'tags', weight: 1.5 },
  { name: 'note', weight: 1 },
  { name: 'quote', weight: 1 },
  { name: 'watchTerms', weight: 1 },
  { name: 'author', weight: 1 },
  { name: 'excerpt', weight: 0.5 },
];

/**
 * Up to this many candidates, fuse.js breaks ties of the score and the excerpt's phrase counts;
 * beyond, folding and scanning them costs more than a keystroke allows (~15 ms for 300).
 */
export const FUSE_RANK_LIMIT = 300;
const FOLDED_CACHE_SIZE = 4_096;
/** When no record has every query word (even one edit away), fuse.js scans everything up to this size. */
export const FUSE_FALLBACK_LIMIT = 2_000;

export interface SearchOptions {
  /** Only records this accepts are returned (filters); it runs on candidates only. */
  keep?(record: FlagRecord): boolean;
  /** At most this many results, best first. */
  limit?: number;
}

// Where a token occurs: one bit per field of SEARCH_FIELDS, so an entry is (doc << 8) | mask.
const FIELD_BITS = 8;
const MASK_WEIGHT = Float64Array.from({ length: 1 << FIELD_BITS }, (_, mask) =>
  Math.max(0, ...SEARCH_FIELDS.filter((_, bit) => mask & (1 << bit)).map((field) => field.weight)),
);
if (SEARCH_FIELDS.length > FIELD_BITS) throw new Error('SearchIndex: more searched fields than mask bits');
/** Doc numbers must fit beside the mask in a positive int32. */
const MAX_DOCS = 2 ** (31 - FIELD_BITS);

// How much a query word counts when it matches an index word: exactly, as a prefix, one edit away.
const EXACT = 1;
/** The word being typed is likely a prefix: the more of the word typed, the closer to exact. */
const prefixFactor = (query: string, word: string) => 0.5 + 0.4 * (query.length / word.length);
/** A word the monitor finished (a space followed) is meant whole: "hoang sa" is not "Hoàng" and "sáng". */
const FINISHED_PREFIX = 0.3;
const FUZZY = 0.4;
/** A single typed letter says little about which word is meant. */
const INITIAL = 0.6;
// The whole typed phrase in one field outranks the same words scattered anywhere (each word
// gains the most a scattered word can: the headline's weight), most in the headline, then the
// outlet. The excerpt counts only among few candidates (its words are not kept per record:
// that would cost ~40 MB at 100k records; a few candidates are folded on demand).
const PHRASE_BONUS_PER_WORD = 3;
const TITLE_PHRASE_BONUS = 3;
const SITE_PHRASE_BONUS = 2;
const OTHER_PHRASE_BONUS = 1;
const EXCERPT_PHRASE_BONUS = 0.5;
const PHRASE_FIELDS: readonly SearchedField[] = ['tags', 'note', 'quote', 'watchTerms', 'author'];

// Han and kana run without spaces: each character is a word, so "西沙" finds "西沙群岛".
const CJK = /[\u2e80-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const CJK_SPLIT = /[\u2e80-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\u2e80-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;

/** Words of already folded text: runs of letters and digits. */
function splitFolded(folded: string): string[] {
  const words = folded.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!words.some((word) => CJK.test(word))) return words;
  return words.flatMap((word) => (CJK.test(word) ? (word.match(CJK_SPLIT) ?? []) : [word]));
}

// Folding and splitting every field of 100k records through normalize('NFD')
// and Unicode regexes took seconds, so text made only of Latin letters,
// Vietnamese letters and common punctuation (nearly every flag) goes through a
// table instead, filled from foldForSearch itself one character at a time. That
// gives the same words: in these ranges every character folds to at most one
// character, and the only combining marks (U+0300–036F) are dropped anyway, so
// NFD's reordering of them cannot matter (a unit test compares both ways).
const TABLE_TEXT = /^[\u0000-\u036f\u1e00-\u1eff\u2000-\u206f]*$/;
const SEPARATOR = -1;
const DROPPED = -2;
const FOLD_TABLE = (() => {
  const table = new Int32Array(0x2070).fill(SEPARATOR);
  for (const [from, to] of [[0, 0x370], [0x1e00, 0x1f00], [0x2000, 0x2070]] as const) {
    for (let code = from; code < to; code += 1) {
      const folded = foldForSearch(String.fromCharCode(code));
      table[code] = folded === '' ? DROPPED : folded.length === 1 && /[\p{L}\p{N}]/u.test(folded) ? folded.charCodeAt(0) : SEPARATOR;
    }
  }
  return table;
})();

/** The words search compares: `text` folded like foldForSearch, split at anything not a letter or digit. */
export function searchWords(text: string): string[] {
  if (!TABLE_TEXT.test(text)) return splitFolded(foldForSearch(text));
  const words: string[] = [];
  let start = -1;
  // null while the word so far is the text as written (ASCII lower case): then it is sliced, not built.
  let word: string | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const folded = FOLD_TABLE[code]!;
    if (folded === SEPARATOR) {
      if (start >= 0) words.push(word ?? text.slice(start, i));
      start = -1;
      word = null;
    } else if (folded === DROPPED) {
      if (start >= 0 && word === null) word = text.slice(start, i);
    } else if (start < 0) {
      start = i;
      if (folded !== code) word = String.fromCharCode(folded);
    } else if (word !== null) {
      word += String.fromCharCode(folded);
    } else if (folded !== code) {
      word = text.slice(start, i) + String.fromCharCode(folded);
    }
  }
  if (start >= 0) words.push(word ?? text.slice(start));
  return words;
}

function fieldText(record: FlagRecord, field: SearchedField): string {
  const value = record[field];
  return Array.isArray(value) ? value.join('\n') : value;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, n) => item === b[n]);

/** Called for every record each time a caller hands over a re-read list: no joins, no allocation. */
function sameSearchedText(a: FlagRecord, b: FlagRecord): boolean {
  for (const { name } of SEARCH_FIELDS) {
    const x = a[name];
    const y = b[name];
    if (x !== y && !(Array.isArray(x) && Array.isArray(y) && sameList(x, y))) return false;
  }
  return true;
}

/** " hoang sa bien dong": words after a space each, so a phrase is found only at a word start. */
const phraseKey = (words: readonly string[]) => ` ${words.join(' ')}`;

/** The docs one token occurs in, ascending, each with its field mask. */
class Postings {
  entries = new Int32Array(2);
  length = 0;

  /** Records that `doc` has this token in the fields of `mask` (added to the fields already known). */
  mark(doc: number, mask: number): void {
    const last = this.length - 1;
    // Indexing a record visits its words in order: the same doc is the last entry, or a new one at the end.
    if (last >= 0 && this.entries[last]! >>> FIELD_BITS === doc) {
      this.entries[last]! |= mask;
      return;
    }
    let at = this.length;
    if (last >= 0 && this.entries[last]! >>> FIELD_BITS > doc) {
      // An update re-indexes an older doc in place.
      at = this.find(doc);
      if (this.entries[at]! >>> FIELD_BITS === doc) {
        this.entries[at]! |= mask;
        return;
      }
    }
    if (this.length === this.entries.length) {
      const grown = new Int32Array(this.entries.length * 2);
      grown.set(this.entries);
      this.entries = grown;
    }
    if (at < this.length) this.entries.copyWithin(at + 1, at, this.length);
    this.entries[at] = (doc << FIELD_BITS) | mask;
    this.length += 1;
  }

  remove(doc: number): void {
    const at = this.find(doc);
    if (at < this.length && this.entries[at]! >>> FIELD_BITS === doc) {
      this.entries.copyWithin(at, at + 1, this.length);
      this.length -= 1;
    }
  }

  /** First position whose doc is ≥ doc. */
  private find(doc: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid]! >>> FIELD_BITS < doc) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

// FNV-1a over UTF-16 code units: the same hash from a string or from folded codes in a buffer.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function hashWord(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return hash;
}

/**
 * The distinct words, each with its postings. Indexing 100k records meets
 * ~7 million words, nearly all seen before: they are looked up from the folded
 * characters in a buffer, so only a new word becomes a string (a string per
 * word and a Map lookup for it cost more than the rest of the build).
 */
class WordTable {
  readonly words: string[] = [];
  readonly postings: Postings[] = [];
  private readonly hashes: number[] = [];
  /** Open addressing: entry + 1, 0 for an empty slot; at most half full. */
  private slots = new Int32Array(1 << 12);

  /** The entry of the word spelt by codes[0..length), or -1. */
  findCodes(codes: Uint16Array, length: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) return -1;
      if (this.hashes[entry] !== hash) continue;
      const word = this.words[entry]!;
      if (word.length !== length) continue;
      let same = true;
      for (let i = 0; i < length && same; i += 1) same = word.charCodeAt(i) === codes[i];
      if (same) return entry;
    }
  }

  findWord(word: string, hash = hashWord(word)): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) return -1;
      if (this.hashes[entry] === hash && this.words[entry] === word) return entry;
    }
  }

  add(word: string, hash = hashWord(word)): number {
    const entry = this.words.length;
    this.words.push(word);
    this.hashes.push(hash);
    this.postings.push(new Postings());
    if (this.words.length * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let each = 0; each < this.words.length; each += 1) this.place(each);
    } else {
      this.place(entry);
    }
    return entry;
  }

  private place(entry: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[entry]! & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry + 1;
  }
}

/** A query word widened to the index words it stands for, each with how much it counts. */
type Expansion = { postings: Postings; factor: number }[];

/** A candidate folded for fuse.js, with its excerpt's phrase key. */
type FoldedDoc = { [field in SearchedField]: string } & { doc: number; excerptKey: string };

const RANK_OPTIONS: IFuseOptions<FoldedDoc> = {
  keys: SEARCH_FIELDS.map((field) => ({ name: field.name, weight: field.weight })),
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.4,
};

export class SearchIndex {
  /** By doc number; a removed record leaves a hole, so doc numbers (and ties) stay in insertion order. */
  private readonly records: (FlagRecord | undefined)[] = [];
  private readonly titleKeys: string[] = [];
  private readonly siteKeys: string[] = [];
  private readonly otherKeys: string[] = [];
  private readonly siteKeyCache = new Map<string, string>();
  private readonly docById = new Map<string, number>();
  private readonly words = new WordTable();
  /** Folded characters of the word being read (see eachWord). */
  private buffer = new Uint16Array(256);
  /**
   * The docs with a word beginning with each character: the first keystroke
   * ("h") would otherwise merge the postings of thousands of words.
   */
  private readonly initials: (Postings | undefined)[] = [];
  /** Every word ever indexed (its WordTable entry), sorted, for prefix ranges; `pending`: not sorted in yet. */
  private vocabulary: number[] = [];
  private pending: number[] = [];
  // Scratch space for a search, marked with a clock instead of cleared.
  private clock = 0;
  private alive = new Int32Array(0);
  private hit = new Int32Array(0);
  private best = new Float64Array(0);
  private score = new Float64Array(0);
  /**
   * Folded fields for fuse.js ranking: typing narrows to the same few records,
   * so they are folded once. Bounded, or a long session would keep a folded
   * copy of the whole queue.
   */
  private readonly folded = new Map<FlagRecord, FoldedDoc>();

  constructor(records: Iterable<FlagRecord> = []) {
    for (const record of records) this.add(record);
    this.sortVocabulary();
  }

  get size(): number {
    return this.docById.size;
  }

  has(id: string): boolean {
    return this.docById.has(id);
  }

  /** The ids of every indexed record. */
  ids(): IterableIterator<string> {
    return this.docById.keys();
  }

  get(id: string): FlagRecord | undefined {
    const doc = this.docById.get(id);
    return doc === undefined ? undefined : this.records[doc];
  }

  /** Indexes a record; a record whose id is already indexed is updated instead. */
  add(record: FlagRecord): void {
    if (this.docById.has(record.id)) {
      this.update(record);
      return;
    }
    const doc = this.records.length;
    if (doc >= MAX_DOCS) throw new RangeError(`SearchIndex holds at most ${MAX_DOCS} records over its lifetime`);
    this.records.push(record);
    this.titleKeys.push('');
    this.siteKeys.push('');
    this.otherKeys.push('');
    this.docById.set(record.id, doc);
    this.indexDoc(doc, record);
  }

  /** Replaces the record of the same id (adds it when unknown); re-indexes only if its searched text changed. */
  update(record: FlagRecord): void {
    const doc = this.docById.get(record.id);
    const old = doc === undefined ? undefined : this.records[doc];
    if (doc === undefined || !old) {
      this.add(record);
      return;
    }
    this.records[doc] = record;
    if (sameSearchedText(old, record)) return;
    this.unindexDoc(doc, old);
    this.indexDoc(doc, record);
  }

  /** Forgets a record (by record or id); unknown ids are ignored. */
  remove(recordOrId: FlagRecord | string): void {
    const id = typeof recordOrId === 'string' ? recordOrId : recordOrId.id;
    const doc = this.docById.get(id);
    const old = doc === undefined ? undefined : this.records[doc];
    if (doc === undefined || !old) return;
    this.unindexDoc(doc, old);
    this.records[doc] = undefined;
    this.folded.delete(old);
    this.docById.delete(id);
  }

  /**
   * Makes the index hold exactly `records` (a list re-read from the database):
   * unknown ids are added, changed records updated, missing ones removed.
   * One pass and no rebuild: ~1 µs a record when little changed.
   */
  sync(records: Iterable<FlagRecord>): void {
    // The search scratch marks which docs the list still holds: a fresh clock value never matches an old mark.
    const stamp = ++this.clock;
    for (const record of records) {
      let doc = this.docById.get(record.id);
      if (doc === undefined) {
        this.add(record);
        doc = this.records.length - 1;
      } else if (this.records[doc] !== record) {
        this.update(record);
      }
      if (doc >= this.alive.length) this.growScratch();
      this.alive[doc] = stamp;
    }
    for (let doc = 0; doc < this.records.length; doc += 1) {
      const record = this.records[doc];
      if (record && this.alive[doc] !== stamp) this.remove(record);
    }
  }

  /**
   * Records matching the query, best first. An empty query returns every
   * (kept) record in insertion order.
   */
  search(query: string, options: SearchOptions = {}): FlagRecord[] {
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const tokens = [...new Set(searchWords(query))];
    if (tokens.length === 0) return this.everything(options.keep).slice(0, limit);
    // Every word but the last is finished, and the last too once a space or punctuation follows it.
    const typing = /[\s\p{P}\p{S}]$/u.test(query) ? undefined : tokens[tokens.length - 1];
    this.sortVocabulary();
    this.growScratch();

    let docs = this.candidates(tokens, typing, false);
    if (docs.length === 0) docs = this.candidates(tokens, typing, true);
    if (docs.length === 0) {
      return this.size <= FUSE_FALLBACK_LIMIT ? this.fuseOverEverything(tokens.join(' '), options.keep, limit) : [];
    }
    const keep = options.keep;
    if (keep) docs = docs.filter((doc) => keep(this.records[doc]!));
    const few = docs.length <= FUSE_RANK_LIMIT;
    this.addPhraseBonus(docs, tokens, few);
    return few ? this.rankWithFuse(docs, tokens.join(' '), limit) : this.rankByScore(docs, limit);
  }

  private indexDoc(doc: number, record: FlagRecord): void {
    let other = '';
    for (let bit = 0; bit < SEARCH_FIELDS.length; bit += 1) {
      const field = SEARCH_FIELDS[bit]!.name;
      const text = fieldText(record, field);
      if (!text) continue;
      const mask = 1 << bit;
      const phrase: string[] | undefined = field === 'title' || PHRASE_FIELDS.includes(field) ? [] : undefined;
      this.eachWord(text, true, (postings, word) => {
        postings.mark(doc, mask);
        this.initialPostings(word).mark(doc, mask);
        phrase?.push(word);
      });
      // Each field's phrase key on a line of its own, so no phrase spans two fields.
      if (field === 'title') this.titleKeys[doc] = phraseKey(phrase!);
      else if (phrase) other += `${phraseKey(phrase)}\n`;
    }
    this.siteKeys[doc] = this.siteKey(record.siteName);
    this.otherKeys[doc] = other;
  }

  private unindexDoc(doc: number, record: FlagRecord): void {
    // The old record still holds the old text, so its words are found again rather than stored.
    for (const field of SEARCH_FIELDS) {
      this.eachWord(fieldText(record, field.name), false, (postings, word) => {
        postings.remove(doc);
        this.initialPostings(word).remove(doc);
      });
    }
    this.titleKeys[doc] = '';
    this.siteKeys[doc] = '';
    this.otherKeys[doc] = '';
  }

  /**
   * Calls `visit` with the postings and the folded form of every word of
   * `text` (the words of searchWords), adding words not seen before when `create`.
   */
  private eachWord(text: string, create: boolean, visit: (postings: Postings, word: string) => void): void {
    const table = this.words;
    if (!TABLE_TEXT.test(text)) {
      for (const word of splitFolded(foldForSearch(text))) {
        let entry = table.findWord(word);
        if (entry < 0 && create) entry = this.addWord(word);
        if (entry >= 0) visit(table.postings[entry]!, word);
      }
      return;
    }
    if (this.buffer.length < text.length) this.buffer = new Uint16Array(text.length * 2);
    const buffer = this.buffer;
    let length = 0;
    let hash = FNV_OFFSET;
    // One step past the end acts as a separator, so the last word is visited too.
    for (let i = 0; i <= text.length; i += 1) {
      const folded = i < text.length ? FOLD_TABLE[text.charCodeAt(i)]! : SEPARATOR;
      if (folded >= 0) {
        buffer[length] = folded;
        length += 1;
        hash = Math.imul(hash ^ folded, FNV_PRIME);
      } else if (folded === SEPARATOR && length > 0) {
        let entry = table.findCodes(buffer, length, hash);
        if (entry < 0 && create) entry = this.addWord(String.fromCharCode(...buffer.subarray(0, length)), hash);
        if (entry >= 0) visit(table.postings[entry]!, table.words[entry]!);
        length = 0;
        hash = FNV_OFFSET;
      }
    }
  }

  private addWord(word: string, hash?: number): number {
    const entry = this.words.add(word, hash);
    this.pending.push(entry);
    return entry;
  }

  private initialPostings(word: string): Postings {
    // Indexed by character code: a Map lookup per word of every record adds up at 100k records.
    const code = word.charCodeAt(0);
    let postings = this.initials[code];
    if (!postings) {
      postings = new Postings();
      this.initials[code] = postings;
    }
    return postings;
  }

  /** Outlets repeat across thousands of records: one key string each. */
  private siteKey(siteName: string): string {
    let key = this.siteKeyCache.get(siteName);
    if (key === undefined) {
      key = phraseKey(searchWords(siteName));
      if (this.siteKeyCache.size > 10_000) this.siteKeyCache.clear();
      this.siteKeyCache.set(siteName, key);
    }
    return key;
  }

  private sortVocabulary(): void {
    if (this.pending.length === 0) return;
    // A few new words (a live add) are spliced in; a batch is cheaper to sort once.
    const words = this.words.words;
    if (this.pending.length > 64) {
      this.vocabulary = this.vocabulary.concat(this.pending).sort((a, b) => (words[a]! < words[b]! ? -1 : words[a]! > words[b]! ? 1 : 0));
    } else {
      for (const entry of this.pending) this.vocabulary.splice(this.lowerBound(words[entry]!), 0, entry);
    }
    this.pending = [];
  }

  /** First position in the vocabulary whose word is ≥ token. */
  private lowerBound(token: string): number {
    const words = this.words.words;
    let lo = 0;
    let hi = this.vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (words[this.vocabulary[mid]!]! < token) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private growScratch(): void {
    const size = this.records.length;
    if (this.alive.length >= size) return;
    const capacity = Math.max(size, this.alive.length * 2, 1024);
    const alive = new Int32Array(capacity);
    alive.set(this.alive);
    this.alive = alive;
    const hit = new Int32Array(capacity);
    hit.set(this.hit);
    this.hit = hit;
    this.best = new Float64Array(capacity);
    this.score = new Float64Array(capacity);
  }

  /** The index words a query word stands for: those it begins, and with `fuzzy`, those one typo away. */
  private expand(token: string, finished: boolean, fuzzy: boolean): Expansion {
    if (token.length === 1) {
      const postings = this.initials[token.charCodeAt(0)];
      return postings ? [{ postings, factor: INITIAL }] : [];
    }
    const { words, postings: postingsOf } = this.words;
    const vocabulary = this.vocabulary;
    const expansion: Expansion = [];
    const start = this.lowerBound(token);
    let end = start;
    for (; end < vocabulary.length && words[vocabulary[end]!]!.startsWith(token); end += 1) {
      const word = words[vocabulary[end]!]!;
      const postings = postingsOf[vocabulary[end]!]!;
      if (postings.length > 0) expansion.push({ postings, factor: word === token ? EXACT : finished ? FINISHED_PREFIX : prefixFactor(token, word) });
    }
    // Short words have too many neighbours one edit away to mean anything.
    if (!fuzzy || token.length < 4) return expansion;
    const maxEdits = token.length >= 8 ? 2 : 1;
    // A typo rarely hits the first letter: only words sharing it are compared, a small slice of the vocabulary.
    const first = token[0]!;
    for (let at = this.lowerBound(first); at < vocabulary.length && words[vocabulary[at]!]![0] === first; at += 1) {
      if (at >= start && at < end) continue; // already taken as prefixes
      const word = words[vocabulary[at]!]!;
      const postings = postingsOf[vocabulary[at]!]!;
      if (postings.length > 0 && prefixEditDistance(token, word, maxEdits) <= maxEdits) expansion.push({ postings, factor: FUZZY });
    }
    return expansion;
  }

  /**
   * Docs in which every query word matches a word (see `expand`), with
   * `score[doc]` the sum over query words of their best field weight × factor.
   */
  private candidates(tokens: readonly string[], typing: string | undefined, fuzzy: boolean): number[] {
    // The longest word first: usually the rarest, so fewer docs are carried to the next word.
    const ordered = [...tokens].sort((a, b) => b.length - a.length);
    let survivors: number[] = [];
    let aliveMark = 0;
    for (let i = 0; i < ordered.length; i += 1) {
      const hitMark = ++this.clock;
      const next: number[] = [];
      const token = ordered[i]!;
      for (const { postings, factor } of this.expand(token, token !== typing, fuzzy)) {
        const entries = postings.entries;
        for (let k = 0; k < postings.length; k += 1) {
          const entry = entries[k]!;
          const doc = entry >>> FIELD_BITS;
          if (i > 0 && this.alive[doc] !== aliveMark) continue;
          const weight = MASK_WEIGHT[entry & 0xff]! * factor;
          if (this.hit[doc] !== hitMark) {
            this.hit[doc] = hitMark;
            this.best[doc] = weight;
            next.push(doc);
          } else if (weight > this.best[doc]!) {
            this.best[doc] = weight;
          }
        }
      }
      if (next.length === 0) return [];
      aliveMark = ++this.clock;
      for (const doc of next) {
        this.score[doc] = (i === 0 ? 0 : this.score[doc]!) + this.best[doc]!;
        this.alive[doc] = aliveMark;
      }
      survivors = next;
    }
    return survivors;
  }

  private addPhraseBonus(docs: readonly number[], tokens: readonly string[], withExcerpt: boolean): void {
    if (tokens.length < 2) return;
    const phrase = ` ${tokens.join(' ')}`;
    const base = PHRASE_BONUS_PER_WORD * tokens.length;
    for (const doc of docs) {
      const field = this.titleKeys[doc]!.includes(phrase)
        ? TITLE_PHRASE_BONUS
        : this.siteKeys[doc]!.includes(phrase)
          ? SITE_PHRASE_BONUS
          : this.otherKeys[doc]!.includes(phrase)
            ? OTHER_PHRASE_BONUS
            : withExcerpt && this.foldedDoc(doc).excerptKey.includes(phrase)
              ? EXCERPT_PHRASE_BONUS
              : 0;
      if (field > 0) this.score[doc] = this.score[doc]! + base + field;
    }
  }

  /** Best score first, ties in insertion order. */
  private rankByScore(docs: readonly number[], limit: number): FlagRecord[] {
    // One numeric key per doc sorts far faster than a comparator: −score (to 1/1000) above, doc below.
    const keys = new Float64Array(docs.length);
    for (let k = 0; k < docs.length; k += 1) {
      const doc = docs[k]!;
      keys[k] = -milli(this.score[doc]!) * MAX_DOCS + doc;
    }
    const count = Math.min(limit, keys.length);
    // With a limit, only the best `count` keys need sorting: select them first (linear time).
    if (count < keys.length) selectSmallest(keys, count);
    keys.subarray(0, count).sort();
    const ranked: FlagRecord[] = new Array<FlagRecord>(count);
    for (let k = 0; k < count; k += 1) {
      const key = keys[k]!;
      ranked[k] = this.records[((key % MAX_DOCS) + MAX_DOCS) % MAX_DOCS]!;
    }
    return ranked;
  }

  /**
   * Score first, then fuse.js's closeness for equal scores (shorter fields, tighter matches).
   * fuse.js alone misorders: its weights and field-length norms put "Hoàng" (an author) with
   * "sáng" (in a headline) above "Hoàng Sa" in a note (see the unit tests).
   */
  private rankWithFuse(docs: readonly number[], query: string, limit: number): FlagRecord[] {
    const fuse = new Fuse(
      docs.map((doc) => this.foldedDoc(doc)),
      RANK_OPTIONS,
    );
    const closeness = new Map<number, number>();
    for (const result of fuse.search(query)) closeness.set(result.item.doc, result.score ?? 1);
    const ranked = [...docs].sort(
      (a, b) => milli(this.score[b]!) - milli(this.score[a]!) || (closeness.get(a) ?? 1) - (closeness.get(b) ?? 1) || a - b,
    );
    return ranked.slice(0, limit).map((doc) => this.records[doc]!);
  }

  private fuseOverEverything(query: string, keep: SearchOptions['keep'], limit: number): FlagRecord[] {
    const docs: number[] = [];
    this.records.forEach((record, doc) => {
      if (record && (!keep || keep(record))) docs.push(doc);
    });
    const fuse = new Fuse(
      docs.map((doc) => this.foldedDoc(doc)),
      { ...RANK_OPTIONS, threshold: 0.3, minMatchCharLength: 2 },
    );
    return fuse.search(query, Number.isFinite(limit) ? { limit } : undefined).map((result) => this.records[result.item.doc]!);
  }

  private foldedDoc(doc: number): FoldedDoc {
    const record = this.records[doc]!;
    let folded = this.folded.get(record);
    // A record removed and added back (restored from the trash) has a new doc number.
    if (!folded || folded.doc !== doc) {
      const fold = (field: SearchedField) => foldForSearch(fieldText(record, field));
      folded = {
        doc,
        title: fold('title'),
        siteName: fold('siteName'),
        tags: fold('tags'),
        note: fold('note'),
        quote: fold('quote'),
        watchTerms: fold('watchTerms'),
        author: fold('author'),
        excerpt: fold('excerpt'),
        excerptKey: phraseKey(searchWords(record.excerpt)),
      };
      if (this.folded.size >= FOLDED_CACHE_SIZE) this.folded.clear();
      this.folded.set(record, folded);
    }
    return folded;
  }

  private everything(keep: SearchOptions['keep']): FlagRecord[] {
    const all: FlagRecord[] = [];
    for (const record of this.records) if (record && (!keep || keep(record))) all.push(record);
    return all;
  }
}

/** Scores compared to 1/1000, so sums of the same weights in another order still tie. */
const milli = (score: number) => Math.round(score * 1000);

/** Reorders `keys` so that its `count` smallest values come first, in no order (quickselect). */
function selectSmallest(keys: Float64Array, count: number): void {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo < hi) {
    const pivot = keys[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[i]! < pivot) i += 1;
      while (keys[j]! > pivot) j -= 1;
      if (i <= j) {
        const swap = keys[i]!;
        keys[i] = keys[j]!;
        keys[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    // Now keys[lo..j] ≤ pivot ≤ keys[i..hi]: keep to the side holding position `count`.
    if (count <= j) hi = j;
    else if (count > i) lo = i;
    else return;
  }
}

// Rows of the edit-distance table, reused: a search compares thousands of words.
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);
let beforeRow = new Int32Array(64);

/**
 * Fewest edits (insert, delete, substitute, swap two neighbours) turning
 * `query` into some prefix of `word`, or `max + 1` once it must exceed `max`:
 * the user is still typing, so "truogn" is one swap from "truong" and "thnh"
 * one insertion from "thanh".
 */
export function prefixEditDistance(query: string, word: string, max: number): number {
  const m = query.length;
  const n = Math.min(word.length, m + max);
  if (n + max < m) return max + 1;
  if (previousRow.length <= n) {
    previousRow = new Int32Array(n + 1);
    currentRow = new Int32Array(n + 1);
    beforeRow = new Int32Array(n + 1);
  }
  for (let j = 0; j <= n; j += 1) previousRow[j] = j;
  for (let i = 1; i <= m; i += 1) {
    currentRow[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j += 1) {
      const cost = query.charCodeAt(i - 1) === word.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previousRow[j]! + 1, currentRow[j - 1]! + 1, previousRow[j - 1]! + cost);
      if (i > 1 && j > 1 && query.charCodeAt(i - 1) === word.charCodeAt(j - 2) && query.charCodeAt(i - 2) === word.charCodeAt(j - 1)) {
        value = Math.min(value, beforeRow[j - 2]! + 1);
      }
      currentRow[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [beforeRow, previousRow, currentRow] = [previousRow, currentRow, beforeRow];
  }
  let best = max + 1;
  for (let j = 0; j <= n; j += 1) best = Math.min(best, previousRow[j]!);
  return best;
}
