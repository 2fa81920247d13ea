// `npm run bench`: every benchmark, one after another, each printing its own
// table against its baseline from the same run; then the size of every
// entrypoint's bundle (from the production build), so growth is visible.
// Benchmarks are measurements, not tests: nothing here fails a build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kb, pageScriptSizes } from './support/page-scripts';

const root = resolve(import.meta.dirname, '..');
const benches = readdirSync(join(root, 'scripts'))
  .filter((file) => /^bench-.+\.ts$/.test(file))
  .sort();

for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  // --expose-gc: steadier heap figures where a bench measures memory.
  const result = spawnSync('node', ['--expose-gc', '--import', 'tsx', join('scripts', file)], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) console.log(`(${file} exited with ${result.status})`);
}

const outDir = join(root, '.output/chrome-mv3');
if (!existsSync(outDir)) spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' });

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Bytes of JavaScript each entrypoint loads: a script entry's own file; a page's chunks, at start and in all. */
function entrypointSizes(): Record<string, string>[] {
  const files = listFiles(outDir);
  const rows: Record<string, string>[] = [];
  for (const file of files.filter((f) => f.endsWith('.js') && !f.includes('/chunks/'))) {
    const bytes = readFileSync(file);
    rows.push({ entrypoint: file.slice(outDir.length + 1), 'KB': kb(bytes.length), 'KB gzip': kb(gzipSync(bytes).length) });
  }
  for (const html of files.filter((f) => f.endsWith('.html'))) {
    const size = pageScriptSizes(outDir, html.slice(outDir.length + 1));
    if (!size) continue;
    rows.push({
      entrypoint: html.slice(outDir.length + 1),
      'KB': kb(size.all.raw),
      'KB gzip': kb(size.all.gzip),
      'at start, KB gzip': kb(size.first.gzip),
    });
  }
  return rows.sort((a, b) => a.entrypoint!.localeCompare(b.entrypoint!));
}

console.log('\n=== entrypoint bundle sizes (chrome-mv3 production build) ===');
// Pages: everything they can load (their UI stage and on-demand parts included), and what loads before they run.
console.table(entrypointSizes());
