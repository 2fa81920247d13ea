/**
 * The dashboard benches' year of flags: 36,000 synthetic flags, 700 of them in
 * one ISO week, written into an extension page's database through the
 * project's own Dexie code (so the day digest is kept as in real use).
 * Shared by scripts/bench-dashboard.ts and scripts/ab-dashboard.ts.
 */
import { resolve } from 'node:path';
// esbuild comes with tsx (which runs the scripts); it bundles the project's code for the page.
import { build } from 'esbuild';
import type { Page } from 'playwright-core';

export const YEAR_FLAGS = 36_000;
export const WEEK_FLAGS = 700;
export const WEEK = '2026-W48';
export const YEAR = '2026-01-01_2026-12-31';
/** This checkout; another one (--a-src) when a build expects another database schema. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/**
 * Runs in the dashboard page: writes `total` synthetic flags straight into the
 * extension's IndexedDB (opened at its current version, which the page created),
 * `inWeek` of them inside [weekStart, weekEnd) and the rest over the rest of the year.
 */
function fillDatabase(args: { total: number; inWeek: number; yearStart: number; yearEnd: number; weekStart: number; weekEnd: number }): Promise<number> {
  const { total, inWeek, yearStart, yearEnd, weekStart, weekEnd } = args;
  const words = 'tin giả bản đồ chủ quyền biển đảo Trường Sa Hoàng Sa biên giới cột mốc Phú Quốc ngư dân tàu cá chính sách đất đai xuyên tạc lan truyền mạng xã hội video cắt ghép'.split(' ');
  const categories = ['sovereignty-sea-islands', 'border', 'provincial-image', 'policy-distortion', 'other', ''];
  const statuses = ['new', 'new', 'confirmed', 'sent_to_rebuttal', 'rebutted', 'dismissed'];
  const langs = ['vi', 'vi', 'vi', 'vi', 'en', 'zh', 'km', ''];
  const terms = ['Trường Sa', 'Hoàng Sa', 'Phú Quốc', 'cột mốc', 'Spratly', 'Paracel', '西沙'];
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const pick = <T,>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ');
  const rest = yearEnd - yearStart - (weekEnd - weekStart);
  const flag = (i: number) => {
    let capturedAt: number;
    if (i < inWeek) capturedAt = weekStart + Math.floor(((i + random()) / inWeek) * (weekEnd - weekStart));
    else {
      // Spread over the year, skipping the week so that it holds exactly `inWeek`.
      const offset = Math.floor(((i - inWeek + random()) / (total - inWeek)) * rest);
      capturedAt = yearStart + offset;
      if (capturedAt >= weekStart) capturedAt += weekEnd - weekStart;
    }
    const outlet = `Trang tin ${Math.floor(random() * 200)}`;
    const url = `https://outlet${i % 200}.example/bai/${i}-${sentence(3).replace(/\s+/g, '-')}`;
    return {
      id: `bench-${String(i).padStart(6, '0')}`,
      url,
      canonicalUrl: url,
      title: sentence(12 + Math.floor(random() * 8)),
      siteName: outlet,
      description: sentence(30),
      lang: pick(langs),
      quote: random() < 0.3 ? sentence(20) : '',
      foundOnUrl: '',
      capturedAt,
      lastFlaggedAt: capturedAt,
      timesFlagged: 1,
      monitor: pick(['Lan', 'Minh', 'Hùng']),
      trigger: 'popup',
      status: pick(statuses),
      category: pick(categories),
      watchTerms: random() < 0.6 ? [pick(terms), pick(terms)] : [],
      author: random() < 0.5 ? 'Nguyễn Văn A' : '',
      publishedAt: '',
      publishedAtZoneAssumed: false,
      modifiedAt: '',
      excerpt: sentence(90),
      wordCount: 600,
      copyCount: 1 + Math.floor(random() * random() * 8),
      severity: Math.floor(random() * 4),
      tags: [],
      note: random() < 0.2 ? sentence(15) : '',
      exportedAt: 0,
    };
  };
  // Through the extension's own Dexie database (bundled by fillerBundle), so every
  // write also updates the briefing's day digest, as the extension's writes do.
  const put = (globalThis as unknown as { benchBulkPut(rows: unknown[]): Promise<void> }).benchBulkPut;
  return (async () => {
    const BATCH = 2000;
    for (let start = 0; start < total; start += BATCH) {
      await put(Array.from({ length: Math.min(total, start + BATCH) - start }, (_, k) => flag(start + k)));
    }
    return total;
  })();
}

/** Some of the project's own code, bundled as a script to evaluate in the page (it sets globals). */
export async function pageScript(contents: string, sourceRoot = PROJECT_ROOT): Promise<string> {
  const result = await build({ stdin: { contents, resolveDir: sourceRoot, loader: 'ts' }, bundle: true, format: 'iife', write: false, logLevel: 'error' });
  return result.outputFiles[0]!.text;
}

/** The extension's database code, for fillDatabase: writes go through Dexie and its middleware. */
const fillerBundle = (sourceRoot: string) =>
  pageScript(
    `
    import { createDatabase } from './lib/db/schema';
    globalThis.benchBulkPut = async (rows) => {
      const db = createDatabase();
      await db.flags.bulkPut(rows);
      db.close();
    };`,
    sourceRoot,
  );

/**
 * Fills the database of the extension page `page` (open, its database created) with the year;
 * `sourceRoot`: the checkout whose database code matches the page's build.
 */
export async function fillYear(page: Page, sourceRoot = PROJECT_ROOT): Promise<void> {
  const { parsePeriodLabel } = await import('../../lib/dashboard/period-param');
  const week = parsePeriodLabel(WEEK)!.period;
  const year = parsePeriodLabel(YEAR)!.period;
  // tsx compiles these scripts with esbuild's keepNames, which wraps the named helpers inside
  // fillDatabase in __name(…); the page has no such helper, so give it a harmless one.
  await page.evaluate('globalThis.__name = (target) => target');
  await page.evaluate(await fillerBundle(sourceRoot));
  await page.evaluate(fillDatabase, { total: YEAR_FLAGS, inWeek: WEEK_FLAGS, yearStart: year.start, yearEnd: year.end, weekStart: week.start, weekEnd: week.end });
}
