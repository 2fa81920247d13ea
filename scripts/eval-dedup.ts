/**
 * Scores the dedup decision against labelled records (JSONL: url, title, site,
 * published_at, excerpt, story), next to simple baselines, in one run.
 *
 *   npx tsx scripts/eval-dedup.ts FILE.jsonl          figures + every wrong merge
 *   npx tsx scripts/eval-dedup.ts DIR                 the same for DIR/records.jsonl (like the other eval:* scripts)
 *   npx tsx scripts/eval-dedup.ts FILE.jsonl --json   [{ index, cluster }] only
 *   npx tsx scripts/eval-dedup.ts FILE.jsonl --db     the same, through the extension's own
 *                                                     write path (saveFlag on fake-indexeddb)
 *   npx tsx scripts/eval-dedup.ts DIR --pages         DIR/labels.json's pages instead, each read as
 *                                                     the extension reads it when flagged (capturePage,
 *                                                     buildFlagRecord) at its public_url; with --local
 *                                                     at the test server's address (127.0.0.1:8000/…)
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { buildFlagRecord } from '../lib/flagging/build-flag-record';
import { capturePage } from '../lib/page/page-metadata';
import { loadDocument } from './support/load-document';
import { type DedupDecision, type DedupInput, StoryIndex, addWithDedup } from '../lib/dedup/find-duplicate';
import type { FlagRecord } from '../lib/flag-record';

interface LabelledRecord {
  url: string;
  title: string;
  site: string;
  published_at: string | null;
  excerpt: string;
  story?: string;
  /** The canonical URL the page declared (records read from pages only). */
  canonical?: string;
}

function readRecords(file: string): LabelledRecord[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, at) => {
      const value: unknown = JSON.parse(line);
      if (typeof value !== 'object' || value === null || typeof (value as { url?: unknown }).url !== 'string') {
        throw new Error(`line ${at + 1}: not a record with a url`);
      }
      const row = value as Partial<LabelledRecord>;
      return {
        url: row.url ?? '',
        title: typeof row.title === 'string' ? row.title : '',
        site: typeof row.site === 'string' ? row.site : '',
        published_at: typeof row.published_at === 'string' ? row.published_at : null,
        excerpt: typeof row.excerpt === 'string' ? row.excerpt : '',
        ...(typeof row.story === 'string' ? { story: row.story } : {}),
      };
    });
}

/** A labelled page of a fixtures folder (labels.json), as much of it as this script reads. */
interface PageLabel {
  file: string;
  story: string;
  public_url?: string;
}

/** Each labelled page flagged as the extension would flag it, in labels.json's order. */
async function readPages(dir: string, local: boolean): Promise<LabelledRecord[]> {
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as PageLabel[];
  const records: LabelledRecord[] = [];
  for (const [at, label] of labels.entries()) {
    const url = !local && label.public_url ? label.public_url : `http://127.0.0.1:8000/${label.file}`;
    const { document, close } = loadDocument(readFileSync(join(dir, label.file), 'utf8'), url);
    const flag = buildFlagRecord(capturePage(document, url), { id: `r${at}`, now: 0, monitor: 'eval', trigger: 'automation' });
    await close();
    records.push({ url, canonical: flag.canonicalUrl, title: flag.title, site: flag.siteName, published_at: flag.publishedAt || null, excerpt: flag.excerpt, story: label.story });
  }
  return records;
}

function toInput(record: LabelledRecord, at: number): DedupInput {
  return {
    id: `r${at}`,
    url: record.url,
    ...(record.canonical ? { canonicalUrl: record.canonical } : {}),
    title: record.title,
    siteName: record.site,
    publishedAt: record.published_at,
    text: record.excerpt,
  };
}

/** Our method: records in order, each decided against the ones before it, then indexed. */
function runDedup(records: LabelledRecord[]): { clusters: string[]; decisions: DedupDecision[] } {
  const index = new StoryIndex();
  const decisions = records.map((record, at) => addWithDedup(index, toInput(record, at)));
  return { clusters: records.map((_, at) => index.storyOf(`r${at}`) ?? `r${at}`), decisions };
}

/** A labelled record as the extension would have stored it when flagged. */
function toFlag(record: LabelledRecord, at: number): FlagRecord {
  const now = Date.parse('2025-06-01T00:00:00Z') + at * 60_000;
  return {
    id: `r${at}`,
    url: record.url,
    canonicalUrl: record.canonical ?? '',
    title: record.title,
    siteName: record.site,
    description: '',
    lang: '',
    quote: '',
    foundOnUrl: '',
    capturedAt: now,
    lastFlaggedAt: now,
    timesFlagged: 1,
    monitor: 'eval',
    trigger: 'automation',
    status: 'new',
    category: '',
    watchTerms: [],
    author: '',
    publishedAt: record.published_at ?? '',
    publishedAtZoneAssumed: false,
    modifiedAt: '',
    excerpt: record.excerpt,
    wordCount: 0,
    copyCount: 1,
    severity: 0,
    tags: [],
    note: '',
    exportedAt: 0,
  };
}

/**
 * The browser's path: each record through saveFlag (exact-URL check, then the
 * decision over the persistent Dexie index) on a fresh fake-indexeddb database.
 * Decisions are read back from the copies: a copy's matchedBy is its reason.
 */
async function runDedupInDatabase(records: LabelledRecord[]): Promise<{ clusters: string[]; decisions: DedupDecision[] }> {
  const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
  const { createDatabase } = await import('../lib/db/schema');
  const { saveFlag } = await import('../lib/db/flag-repository');
  const db = createDatabase({ name: `eval-dedup-${Date.now()}`, indexedDB, IDBKeyRange });
  const clusters: string[] = [];
  const decisions: DedupDecision[] = [];
  for (const [at, record] of records.entries()) {
    const saved = await saveFlag(db, toFlag(record, at));
    clusters.push(saved.id);
    const copy = await db.copies.get(`r${at}`);
    if (!saved.duplicateOf) decisions.push({ kind: 'new' });
    else {
      // No copy of its own: a sighting of a copy with the same canonical address.
      const reason = copy && copy.matchedBy !== 'first' && copy.matchedBy !== 'manual' && copy.matchedBy !== 'imported' ? copy.matchedBy : 'url';
      decisions.push({ kind: 'copy', of: saved.id, matched: saved.id, reason, score: 1 });
    }
  }
  db.close();
  return { clusters, decisions };
}

function clusterByKey(keys: string[]): string[] {
  const first = new Map<string, string>();
  return keys.map((key, at) => {
    if (!key) return `r${at}`;
    const existing = first.get(key);
    if (existing) return existing;
    first.set(key, `r${at}`);
    return `r${at}`;
  });
}

/** What normalize-url does by default: no https folding, no AMP/mobile hosts, utm_* only. */
function normalizeUrlStyle(raw: string): string {
  try {
    const url = new URL(raw.trim());
    url.hash = '';
    url.hostname = url.hostname.toLowerCase().replace(/^www\./, '');
    for (const name of [...url.searchParams.keys()]) if (/^utm_\w+/i.test(name)) url.searchParams.delete(name);
    url.searchParams.sort();
    let text = url.href.replace(/\?$/, '');
    if (url.pathname.endsWith('/') && !url.search) text = text.replace(/\/$/, '');
    return text;
  } catch {
    return raw;
  }
}

/** fuse.js over every earlier title: join the best hit's cluster when its score is under the threshold. */
function fuseBaseline(records: LabelledRecord[], threshold = 0.3): string[] {
  const fuse = new Fuse<{ at: number; title: string }>([], { keys: ['title'], includeScore: true, threshold, ignoreLocation: true });
  const clusters: string[] = [];
  records.forEach((record, at) => {
    const title = record.title.trim();
    const hit = title ? fuse.search(title, { limit: 1 })[0] : undefined;
    clusters.push(hit && (hit.score ?? 1) <= threshold ? (clusters[hit.item.at] ?? `r${at}`) : `r${at}`);
    if (title) fuse.add({ at, title });
  });
  return clusters;
}

interface Scores {
  precision: number;
  recall: number;
  f1: number;
  predictedPairs: number;
  truePairs: number;
  clusters: number;
}

function pairwise(predicted: string[], truth: string[]): Scores {
  let tp = 0;
  let predictedPairs = 0;
  let truePairs = 0;
  for (let i = 0; i < predicted.length; i += 1) {
    for (let j = i + 1; j < predicted.length; j += 1) {
      const same = predicted[i] === predicted[j];
      const really = truth[i] === truth[j];
      if (same) predictedPairs += 1;
      if (really) truePairs += 1;
      if (same && really) tp += 1;
    }
  }
  const precision = predictedPairs === 0 ? 1 : tp / predictedPairs;
  const recall = truePairs === 0 ? 1 : tp / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, predictedPairs, truePairs, clusters: new Set(predicted).size };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const given = args.find((arg) => !arg.startsWith('--'));
  if (!given) {
    console.error('usage: npx tsx scripts/eval-dedup.ts FILE.jsonl|DIR [--json] [--db] | DIR --pages [--local] [--json] [--db]');
    process.exit(2);
  }
  const fromPages = args.includes('--pages');
  if (fromPages && !existsSync(join(given, 'labels.json'))) {
    console.error(`eval-dedup: --pages needs a folder with labels.json: ${given}`);
    process.exit(2);
  }
  // A fixtures folder, as eval:extract and eval:watch take, holds its labelled records in records.jsonl.
  const file = existsSync(given) && statSync(given).isDirectory() ? join(given, 'records.jsonl') : given;
  if (!fromPages && !existsSync(file)) {
    console.error(`eval-dedup: no such file: ${file}`);
    process.exit(2);
  }
  const records = fromPages ? await readPages(given, args.includes('--local')) : readRecords(file);
  const inDatabase = args.includes('--db');
  const ours = inDatabase ? await runDedupInDatabase(records) : runDedup(records);
  if (args.includes('--json')) {
    console.log(JSON.stringify(ours.clusters.map((cluster, index) => ({ index, cluster }))));
    return;
  }
  const truth = records.map((record, at) => record.story ?? `unlabelled-${at}`);
  const rows: Array<[string, Scores]> = [
    [inDatabase ? 'canh-tin saveFlag (Dexie index)' : 'canh-tin findDuplicate', pairwise(ours.clusters, truth)],
    ['baseline: exact URL', pairwise(clusterByKey(records.map((r) => r.url)), truth)],
    ['baseline: normalize-url style', pairwise(clusterByKey(records.map((r) => normalizeUrlStyle(r.url))), truth)],
    ['baseline: fuse.js titles (0.3)', pairwise(fuseBaseline(records), truth)],
  ];
  const pct = (value: number) => value.toFixed(3);
  const mode = inDatabase ? 'through saveFlag and the persistent Dexie index (fake-indexeddb)' : 'in memory (StoryIndex)';
  console.log(`${records.length} ${fromPages ? 'pages read as flagged' : 'records'}, ${new Set(truth).size} stories, ${pairwise(truth, truth).truePairs} same-story pairs; ours ${mode}\n`);
  console.log('method                           precision  recall  F1     clusters');
  for (const [name, s] of rows) {
    console.log(`${name.padEnd(32)} ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}  ${pct(s.f1)}  ${String(s.clusters).padStart(8)}`);
  }

  const reasons = new Map<string, number>();
  for (const d of ours.decisions) reasons.set(d.kind === 'copy' ? d.reason : 'new', (reasons.get(d.kind === 'copy' ? d.reason : 'new') ?? 0) + 1);
  console.log(`\ndecisions: ${[...reasons].map(([k, v]) => `${k} ${v}`).join(', ')}`);

  const short = (text: string) => JSON.stringify(text.length > 70 ? `${text.slice(0, 70)}…` : text);
  // A wrong merge: the record joined (or bridged) a cluster whose founding record is another story.
  const storyOfId = (id: string) => truth[Number(id.slice(1))];
  const wrong = ours.decisions.flatMap((decision, at) =>
    decision.kind === 'copy'
      ? [decision.matched, ...(decision.alsoOf ?? [])].filter((id) => storyOfId(id) !== truth[at]).map((id) => ({ decision, at, id }))
      : [],
  );
  // In --db mode `matched` is the story's first record: a wrong merge shows against it.
  console.log(`\nwrong merges (${wrong.length}):`);
  for (const { decision, at, id } of wrong) {
    if (decision.kind !== 'copy') continue;
    const other = Number(id.slice(1));
    const how = id === decision.matched ? `${decision.reason}, ${decision.score}` : 'bridged stories';
    console.log(`  #${at} [${truth[at]}] ${short(records[at]?.title ?? '')}`);
    console.log(`    → #${other} [${truth[other]}] ${short(records[other]?.title ?? '')} (${how})`);
  }
  // Splits are the recall loss: stories that ended up in more than one cluster.
  const split = new Map<string, Set<string>>();
  truth.forEach((story, at) => {
    const set = split.get(story) ?? new Set<string>();
    set.add(ours.clusters[at] ?? '');
    split.set(story, set);
  });
  const splitStories = [...split].filter(([, set]) => set.size > 1);
  console.log(`\nstories split over several clusters (${splitStories.length}):`);
  for (const [story, set] of splitStories) {
    const parts = [...set].map((cluster) =>
      ours.clusters.flatMap((c, at) => (c === cluster && truth[at] === story ? [`#${at}`] : [])).join(' '),
    );
    console.log(`  ${story}: ${parts.map((p) => `{${p}}`).join(' ')}`);
  }
}

void main();
