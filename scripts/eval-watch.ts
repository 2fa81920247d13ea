// `npm run eval:watch -- DIR [--json]`: runs the watchlist matcher over the
// article text of every labelled page in DIR (laid out like shared/fixtures:
// pages/, labels.json, watchlist.json) and scores it against `watchlist_hits`,
// next to a naive case-insensitive substring search over the same text.
// With --json, prints only [{ file, hits }] from the matcher.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { extractArticleText } from '../lib/page/article-text';
import { compileWatchlist, matchWatchlist, termsFound, type TermHit } from '../lib/watchlist/match-terms';
import { formsOf, type WatchTerm } from '../lib/watchlist/watchlist';

interface Label {
  file: string;
  watchlist_hits: string[];
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const dir = args.find((arg) => !arg.startsWith('--'));
if (!dir) {
  console.error('usage: tsx scripts/eval-watch.ts DIR [--json]');
  process.exit(2);
}
const root = resolve(dir);

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function parseWatchlist(data: unknown): WatchTerm[] {
  if (!Array.isArray(data)) throw new Error('watchlist.json: expected an array of terms');
  return data.map((entry: unknown, index) => {
    const item = entry as { term?: unknown; variants?: unknown; lang?: unknown; concept?: unknown };
    if (typeof item.term !== 'string') throw new Error(`watchlist.json[${index}]: term is not a string`);
    const variants = Array.isArray(item.variants) ? item.variants.filter((v): v is string => typeof v === 'string') : [];
    return {
      term: item.term,
      variants,
      ...(typeof item.lang === 'string' ? { lang: item.lang } : {}),
      ...(typeof item.concept === 'string' ? { concept: item.concept } : {}),
    };
  });
}

function parseLabels(data: unknown): Label[] {
  if (!Array.isArray(data)) throw new Error('labels.json: expected an array');
  return data.map((entry: unknown, index) => {
    const item = entry as { file?: unknown; watchlist_hits?: unknown };
    if (typeof item.file !== 'string') throw new Error(`labels.json[${index}]: file is not a string`);
    const hits = Array.isArray(item.watchlist_hits) ? item.watchlist_hits.filter((h): h is string => typeof h === 'string') : [];
    return { file: item.file, watchlist_hits: hits };
  });
}

/** The baseline the issue asks to beat: each form, lower-cased, as a plain substring. */
function naiveTerms(watchlist: WatchTerm[], text: string): string[] {
  const haystack = text.toLowerCase();
  return watchlist.filter((term) => formsOf(term).some((form) => form && haystack.includes(form.toLowerCase()))).map((t) => t.term);
}

/** Where the naive search finds each form: [start, end) in `text`. */
function naiveOccurrences(watchlist: WatchTerm[], text: string): [number, number][] {
  const haystack = text.toLowerCase();
  const spans: [number, number][] = [];
  for (const term of watchlist) {
    for (const form of formsOf(term)) {
      const needle = form.toLowerCase();
      if (!needle) continue;
      for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) spans.push([at, at + needle.length]);
    }
  }
  return spans;
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];

/** Occurrence-level disagreement: page-level labels hide a missed occurrence when the term also occurs elsewhere. */
function compareOccurrences(hits: TermHit[], naive: [number, number][], text: string): { naiveMissed: string[]; naiveOnly: string[] } {
  const hitSpans = hits.map((hit): [number, number] => [hit.start, hit.end]);
  const show = ([start, end]: [number, number]) => JSON.stringify(text.slice(Math.max(0, start - 8), end + 8));
  return {
    naiveMissed: hitSpans.filter((span) => !naive.some((other) => overlaps(span, other))).map(show),
    naiveOnly: naive.filter((span) => !hitSpans.some((other) => overlaps(span, other))).map(show),
  };
}

function parsePage(path: string): { article: string; page: string } {
  const window = new Window({ url: 'http://127.0.0.1:8000/', settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true } });
  try {
    const doc = new window.DOMParser().parseFromString(readFileSync(path, 'utf8'), 'text/html') as unknown as Document;
    return { article: extractArticleText(doc), page: doc.body?.textContent ?? '' };
  } finally {
    void window.happyDOM.close();
  }
}

interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

function score(expected: string[], found: string[], total: Score): { missed: string[]; extra: string[] } {
  const missed = expected.filter((term) => !found.includes(term));
  const extra = found.filter((term) => !expected.includes(term));
  total.truePositives += expected.length - missed.length;
  total.falseNegatives += missed.length;
  total.falsePositives += extra.length;
  return { missed, extra };
}

const ratio = (num: number, den: number) => (den === 0 ? 1 : num / den);

const watchlist = parseWatchlist(readJson(join(root, 'watchlist.json')));
const labels = parseLabels(readJson(join(root, 'labels.json')));
const compiled = compileWatchlist(watchlist);

const matcher: Score = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
const naive: Score = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
const wholePage: Score = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
const disagreements: { file: string; 'found only by the matcher': string; 'found only by naive': string }[] = [];
const output: { file: string; hits: string[] }[] = [];
const rows: { file: string; matcher: string; naive: string }[] = [];
const started = performance.now();
let matchMs = 0;

for (const label of labels) {
  const { article: text, page } = parsePage(join(root, label.file));
  const t0 = performance.now();
  const { hits, terms: found } = matchWatchlist(compiled, text);
  matchMs += performance.now() - t0;
  score(label.watchlist_hits, termsFound(compiled, page), wholePage);
  const occurrences = compareOccurrences(hits, naiveOccurrences(watchlist, text), text);
  if (occurrences.naiveMissed.length || occurrences.naiveOnly.length) {
    disagreements.push({
      file: label.file.replace(/^.*pages\//, ''),
      'found only by the matcher': occurrences.naiveMissed.join(' '),
      'found only by naive': occurrences.naiveOnly.join(' '),
    });
  }
  output.push({ file: label.file, hits: found });
  const mine = score(label.watchlist_hits, found, matcher);
  const base = score(label.watchlist_hits, naiveTerms(watchlist, text), naive);
  const describe = (s: { missed: string[]; extra: string[] }) =>
    [s.missed.length ? `missed ${s.missed.join(', ')}` : '', s.extra.length ? `extra ${s.extra.join(', ')}` : ''].filter(Boolean).join('; ') || 'ok';
  rows.push({ file: label.file.replace(/^.*pages\//, ''), matcher: describe(mine), naive: describe(base) });
}

if (json) {
  console.log(JSON.stringify(output, null, 2));
} else {
  const metrics = (s: Score) => ({
    recall: ratio(s.truePositives, s.truePositives + s.falseNegatives),
    precision: ratio(s.truePositives, s.truePositives + s.falsePositives),
  });
  const m = metrics(matcher);
  const n = metrics(naive);
  console.log(`${labels.length} labelled pages in ${root} (${watchlist.length} terms)\n`);
  console.table(rows);
  console.table({
    matcher: { recall: m.recall.toFixed(4), precision: m.precision.toFixed(4), TP: matcher.truePositives, FP: matcher.falsePositives, FN: matcher.falseNegatives },
    'naive substring': { recall: n.recall.toFixed(4), precision: n.precision.toFixed(4), TP: naive.truePositives, FP: naive.falsePositives, FN: naive.falseNegatives },
    'matcher, whole page (no article extraction)': {
      recall: metrics(wholePage).recall.toFixed(4),
      precision: metrics(wholePage).precision.toFixed(4),
      TP: wholePage.truePositives,
      FP: wholePage.falsePositives,
      FN: wholePage.falseNegatives,
    },
  });
  console.log('\nOccurrences where the matcher and naive search disagree (article text):');
  if (disagreements.length) console.table(disagreements);
  else console.log('none');
  console.log(`matching time ${matchMs.toFixed(1)} ms for all pages; total ${(performance.now() - started).toFixed(0)} ms incl. parsing`);
}
