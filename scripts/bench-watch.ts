// `npx tsx scripts/bench-watch.ts`: times the watchlist matcher against mark.js
// (the usual highlighting library) on the same ~1.5 MB article text and the
// same 40 terms in the same run, and the matcher on a typical 100 KB article
// with no hits. The text is built from tests/fixtures/watchlist, so the bench
// runs on a fresh clone. A measurement, not a test: it never fails.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import type MarkJs from 'mark.js';
import { extractArticleText } from '../lib/page/article-text';
import { DEFAULT_WATCHLIST } from '../lib/watchlist/default-watchlist';
import { compileWatchlist, findTermHits } from '../lib/watchlist/match-terms';
import { formsOf } from '../lib/watchlist/watchlist';

const LONG_BYTES = 1_500_000;
const TYPICAL_BYTES = 100_000;
const TERM_COUNT = 40;

const fixtureDir = resolve(import.meta.dirname, '../tests/fixtures/extract/pages');

function parse(window: Window, html: string): Document {
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** Paragraphs of the fixture articles (Vietnamese, English, Chinese, Khmer), in a fixed order. */
function fixtureParagraphs(): string[] {
  const window = new Window();
  const paragraphs = readdirSync(fixtureDir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .flatMap((file) => extractArticleText(parse(window, readFileSync(join(fixtureDir, file), 'utf8'))).split('\n'))
    .filter((line) => line.length > 40);
  void window.happyDOM.close();
  return paragraphs;
}

/** Cycles through the paragraphs with a fixed stride (a deterministic shuffle) until `bytes` UTF-8 bytes. */
function buildText(paragraphs: string[], bytes: number): string[] {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const paragraph = paragraphs[(i * 7) % paragraphs.length]!;
    out.push(paragraph);
    size += Buffer.byteLength(paragraph, 'utf8') + 1;
  }
  return out;
}

function stats(samples: number[]): { median: number; p95: number; min: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95), min: sorted[0]! };
}

function time(runs: number, fn: () => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

const terms = DEFAULT_WATCHLIST.flatMap((group) => group.terms).slice(0, TERM_COUNT);
const keywords = terms.flatMap(formsOf);
const compiled = compileWatchlist(terms);
const paragraphs = fixtureParagraphs();
const longParagraphs = buildText(paragraphs, LONG_BYTES);
const longText = longParagraphs.join('\n');

// --- the matcher on the long text -------------------------------------------
const compileMs = stats(time(20, () => compileWatchlist(terms)));
time(3, () => findTermHits(compiled, longText)); // warm-up: JIT and the folding tables
const matcherSamples = time(15, () => findTermHits(compiled, longText));
const hitCount = findTermHits(compiled, longText).length;

// --- mark.js on a happy-dom document of the same text -------------------------
// mark.js reads `window`, `document`, `NodeFilter`, `Node`, `NodeList` as globals.
const window = new Window();
const globals = globalThis as unknown as Record<string, unknown>;
Object.assign(globals, { window, document: window.document, NodeFilter: window.NodeFilter, Node: window.Node, NodeList: window.NodeList, HTMLElement: window.HTMLElement });
const { default: Mark } = await import('mark.js');
const doc = window.document as unknown as Document;
const body = doc.body;
for (const paragraph of longParagraphs) {
  const p = doc.createElement('p');
  p.textContent = paragraph;
  body.appendChild(p);
}
let markCount = 0;
// filter → false: mark.js searches every text node but wraps nothing, so the
// document can be reused and both sides measure finding, not DOM surgery.
const markOptions: MarkJs.MarkOptions = {
  accuracy: { value: 'exactly', limiters: [',', '.', ':', ';', '!', '?', '(', ')', '“', '”', '"', '’', "'", '«', '»', '，', '。', '、', '：'] },
  separateWordSearch: false,
  diacritics: true,
  caseSensitive: false,
  ignoreJoiners: true,
  filter: () => {
    markCount += 1;
    return false;
  },
};
const marker = new Mark(body as unknown as HTMLElement);
const markSamples = time(3, () => {
  markCount = 0;
  marker.mark(keywords, markOptions);
});

// The matcher on that same document: walk its text nodes, join them, match.
function textOfDocument(): string {
  const parts: string[] = [];
  const walker = doc.createTreeWalker(body, 0x4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push((node as Text).data);
  return parts.join('\n');
}
time(2, () => findTermHits(compiled, textOfDocument()));
const matcherDomSamples = time(5, () => findTermHits(compiled, textOfDocument()));
void window.happyDOM.close();

// --- a typical article with no hits ------------------------------------------
const quiet = paragraphs.filter((paragraph) => findTermHits(compiled, paragraph).length === 0);
const typicalText = buildText(quiet, TYPICAL_BYTES).join('\n');
const typicalHits = findTermHits(compiled, typicalText).length;
time(5, () => findTermHits(compiled, typicalText));
const typicalSamples = time(50, () => findTermHits(compiled, typicalText));

// --- report ------------------------------------------------------------------
const fmt = (ms: number) => ms.toFixed(2);
const matcher = stats(matcherSamples);
const mark = stats(markSamples);
const matcherDom = stats(matcherDomSamples);
const typical = stats(typicalSamples);
console.log(
  `long text: ${(Buffer.byteLength(longText, 'utf8') / 1e6).toFixed(2)} MB UTF-8, ${longText.length.toLocaleString('en')} UTF-16 units, ` +
    `${longParagraphs.length} paragraphs; ${terms.length} terms, ${keywords.length} forms; compile ${fmt(compileMs.median)} ms`,
);
console.table([
  { case: 'findTermHits, 1.5 MB string', runs: matcherSamples.length, 'median ms': fmt(matcher.median), 'p95 ms': fmt(matcher.p95), 'min ms': fmt(matcher.min), hits: hitCount },
  { case: 'text nodes + findTermHits, same document', runs: matcherDomSamples.length, 'median ms': fmt(matcherDom.median), 'p95 ms': fmt(matcherDom.p95), 'min ms': fmt(matcherDom.min), hits: hitCount },
  { case: "mark.js (accuracy 'exactly', search only)", runs: markSamples.length, 'median ms': fmt(mark.median), 'p95 ms': fmt(mark.p95), 'min ms': fmt(mark.min), hits: markCount },
  { case: 'findTermHits, 100 KB article, no hits', runs: typicalSamples.length, 'median ms': fmt(typical.median), 'p95 ms': fmt(typical.p95), 'min ms': fmt(typical.min), hits: typicalHits },
]);
console.log(`mark.js / findTermHits (median): ${(mark.median / matcher.median).toFixed(1)}× slower`);
console.log(`mark.js / (text nodes + findTermHits) (median): ${(mark.median / matcherDom.median).toFixed(1)}× slower`);
console.log(`load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).availableParallelism()} cores (timings on a shared machine inflate with it)`);
console.log(`targets: 1.5 MB < 30 ms → ${matcher.median < 30 ? 'met' : 'NOT met'}; faster than mark.js → ${matcher.median < mark.median ? 'met' : 'NOT met'}; 100 KB no hits < 5 ms → ${typical.median < 5 ? 'met' : 'NOT met'}`);
