/**
 * Scores the article extractor on a labelled folder laid out like
 * shared/fixtures (pages/ + labels.json), field by field, beside
 * @mozilla/readability's own metadata on the same pages.
 *
 *   npx tsx scripts/eval-extract.ts DIR          per-field accuracy, both columns, then the failures
 *   npx tsx scripts/eval-extract.ts DIR --json   one JSON array of what the extractor returned
 *
 * Values are compared as the fixtures' README says: titles whitespace-collapsed,
 * published_at as instants, `expected_alternates` count, a null title accepts
 * any fallback, a canonical starting with "/" is relative to the test server.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../lib/page/extract-article';
import { loadDocument } from './support/load-document';

const SERVER_ORIGIN = 'http://127.0.0.1:8000';
const FIELDS = ['title', 'site_name', 'author', 'published_at', 'lang', 'canonical_url'] as const;
type Field = (typeof FIELDS)[number];
type Extracted = Record<Field, string | null>;

interface Label {
  file: string;
  served_as: string[];
  expected: Record<Field, string | null>;
  expected_alternates?: Partial<Record<Field, Array<string | null>>>;
}

function collapse(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function instant(value: string): number {
  return Date.parse(value);
}

function absoluteCanonical(value: string): string {
  return value.startsWith('/') ? SERVER_ORIGIN + value : value;
}

/** One value against one expected value, by the field's rule. */
function matches(field: Field, expected: string | null, got: string | null): boolean {
  if (expected === null) return got === null || (field === 'title');
  if (got === null) return false;
  switch (field) {
    case 'published_at': {
      const a = instant(expected);
      return !Number.isNaN(a) && a === instant(got);
    }
    case 'canonical_url':
      return absoluteCanonical(expected) === got;
    case 'lang':
      return expected.toLowerCase() === got.toLowerCase();
    default:
      return collapse(expected) === collapse(got);
  }
}

function correct(label: Label, field: Field, got: string | null): boolean {
  const accepted = [label.expected[field], ...(label.expected_alternates?.[field] ?? [])];
  return accepted.some((expected) => matches(field, expected, got));
}

function ours(document: Document, url: string): Extracted {
  const article = extractArticle(document, url);
  return {
    title: article.title,
    site_name: article.siteName,
    author: article.author,
    published_at: article.publishedAt,
    lang: article.lang,
    canonical_url: article.canonicalUrl,
  };
}

/** Readability's own metadata; it declares no canonical, so the page URL stands for it. */
function readabilityBaseline(document: Document, url: string): Extracted {
  const parsed = new Readability(document.cloneNode(true) as Document).parse();
  const lang = parsed?.lang?.trim().toLowerCase().split(/[-_]/)[0] || null;
  return {
    title: parsed?.title || null,
    site_name: parsed?.siteName || null,
    author: parsed?.byline || null,
    published_at: parsed?.publishedTime || null,
    lang,
    canonical_url: url,
  };
}

function percent(n: number, total: number): string {
  return total === 0 ? '–' : `${((100 * n) / total).toFixed(1)}%`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const skipBaseline = args.includes('--no-readability');
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) {
    process.stderr.write('usage: npx tsx scripts/eval-extract.ts DIR [--json] [--no-readability]\n');
    process.exit(2);
  }
  const root = resolve(dir);
  const labels = JSON.parse(readFileSync(join(root, 'labels.json'), 'utf8')) as Label[];

  const results: Array<{ label: Label; ours: Extracted; baseline: Extracted | null; ms: number }> = [];
  for (const label of labels) {
    const url = SERVER_ORIGIN + (label.served_as[0] ?? `/${label.file}`);
    const html = readFileSync(join(root, label.file), 'utf8');
    const page = loadDocument(html, url);
    const started = performance.now();
    let extracted: Extracted;
    try {
      extracted = ours(page.document, url);
    } catch (error) {
      // A crash is a failure on every field, not the end of the run.
      process.stderr.write(`extractor crashed on ${label.file}: ${String(error)}\n`);
      extracted = { title: null, site_name: null, author: null, published_at: null, lang: null, canonical_url: '' };
    }
    const ms = performance.now() - started;
    let baseline: Extracted | null = null;
    if (!json && !skipBaseline) {
      try {
        baseline = readabilityBaseline(page.document, url);
      } catch {
        baseline = { title: null, site_name: null, author: null, published_at: null, lang: null, canonical_url: url };
      }
    }
    await page.close();
    results.push({ label, ours: extracted, baseline, ms });
  }

  if (json) {
    process.stdout.write(`${JSON.stringify(results.map((r) => ({ file: r.label.file, ...r.ours })), null, 2)}\n`);
    return;
  }

  const lines: string[] = [];
  lines.push(`${labels.length} pages in ${root}`);
  lines.push('');
  lines.push(`${'field'.padEnd(14)} ${'extractArticle'.padStart(16)} ${'Readability'.padStart(16)}`);
  for (const field of FIELDS) {
    const ok = results.filter((r) => correct(r.label, field, r.ours[field])).length;
    const base = results.filter((r) => r.baseline && correct(r.label, field, r.baseline[field])).length;
    lines.push(
      `${field.padEnd(14)} ${`${ok}/${results.length} ${percent(ok, results.length)}`.padStart(16)} ${
        skipBaseline ? '–'.padStart(16) : `${base}/${results.length} ${percent(base, results.length)}`.padStart(16)
      }`,
    );
  }
  const slowest = [...results].sort((a, b) => b.ms - a.ms)[0];
  if (slowest) lines.push(`\nslowest page: ${slowest.label.file} ${slowest.ms.toFixed(0)} ms`);

  lines.push('\nfailures (extractArticle):');
  let failures = 0;
  for (const r of results) {
    for (const field of FIELDS) {
      if (correct(r.label, field, r.ours[field])) continue;
      failures += 1;
      lines.push(`  ${r.label.file} ${field}: expected ${JSON.stringify(r.label.expected[field])}, got ${JSON.stringify(r.ours[field])}`);
    }
  }
  if (failures === 0) lines.push('  none');
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
