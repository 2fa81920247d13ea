// `npm run bench`: every benchmark, one after another, each printing its own
// table against its baseline from the same run; then the size of every
// entrypoint's bundle (from the production build), so growth is visible.
// Benchmarks are measurements, not tests: nothing here fails a build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

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

/** Bytes of JavaScript each entrypoint loads: its own file plus the chunks its HTML references. */
function entrypointSizes(): { entry: string; raw: number; gzip: number }[] {
  const files = listFiles(outDir);
  const js = (path: string) => readFileSync(path);
  const rows: { entry: string; raw: number; gzip: number }[] = [];
  for (const file of files.filter((f) => f.endsWith('.js') && !f.includes('/chunks/'))) {
    const bytes = js(file);
    rows.push({ entry: file.slice(outDir.length + 1), raw: bytes.length, gzip: gzipSync(bytes).length });
  }
  for (const html of files.filter((f) => f.endsWith('.html'))) {
    const text = readFileSync(html, 'utf8');
    const scripts = [...text.matchAll(/(?:src|href)="\/?(chunks\/[^"]+\.js)"/g)].map((m) => join(outDir, m[1]!));
    const bytes = Buffer.concat(scripts.filter(existsSync).map(js));
    rows.push({ entry: html.slice(outDir.length + 1), raw: bytes.length, gzip: gzipSync(bytes).length });
  }
  return rows.sort((a, b) => a.entry.localeCompare(b.entry));
}

console.log('\n=== entrypoint bundle sizes (chrome-mv3 production build) ===');
console.table(entrypointSizes().map((row) => ({ entrypoint: row.entry, 'KB': (row.raw / 1024).toFixed(1), 'KB gzip': (row.gzip / 1024).toFixed(1) })));
