/**
 * The JavaScript an extension page of the production build loads: the chunks
 * its HTML names (loaded before it runs), and everything those chunks can
 * import later, statically or on demand (a two-stage page loads its UI by
 * dynamic import; an export loads its ZIP code on first use). Chunks name each
 * other by relative path ("./page-XXXX.js"), which is what this follows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ScriptSize {
  raw: number;
  gzip: number;
  files: number;
}

function sizeOf(files: readonly string[]): ScriptSize {
  const bytes = Buffer.concat(files.map((file) => readFileSync(file)));
  return { raw: bytes.length, gzip: gzipSync(bytes).length, files: files.length };
}

/** `outDir`: the build's root; `html`: the page's file name, e.g. "dashboard.html". */
export function pageScriptSizes(outDir: string, html: string): { first: ScriptSize; all: ScriptSize } | null {
  const htmlPath = join(outDir, html);
  if (!existsSync(htmlPath)) return null;
  const first = [...readFileSync(htmlPath, 'utf8').matchAll(/(?:src|href)="\/?(chunks\/[^"]+\.js)"/g)].map((m) => join(outDir, m[1]!)).filter(existsSync);
  const all = new Set(first);
  for (const file of all) {
    for (const match of readFileSync(file, 'utf8').matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)) {
      const next = join(dirname(file), match[1]!);
      if (existsSync(next)) all.add(next);
    }
  }
  return { first: sizeOf(first), all: sizeOf([...all]) };
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);
