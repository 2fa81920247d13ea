// Compares two builds of the extension on the weekly briefing, in one run:
// each in its own Chromium, both filled with the same year of flags
// (support/dashboard-year.ts), opened alternately (the order flips every
// round) so that both see the same load on a shared machine. On this 2-core
// box a median moves by ±30 ms between runs of the same build, more than most
// changes gain: compare builds with this, not with two runs of `npm run bench`.
//
//   npm run ab:dashboard -- --a=/tmp/before/chrome-mv3 --b=.output/chrome-mv3 [--runs=21] [--period=2026-W48]
//       [--a-src=/path/to/checkout]
//
// --a-src / --b-src: the checkout whose database code matches that build, when
// the two builds differ in schema (the fill writes through it); default: this one.
// Prints each side's medians and B − A with a 95% bootstrap interval: an
// interval that holds 0 is no measured difference. A measurement, not a test.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchExtension, type ExtensionSession } from '../tests/e2e/support/extension';
import { bootstrapInterval, median } from './support/compare-samples';
import { fillYear, PROJECT_ROOT, WEEK } from './support/dashboard-year';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RUNS = Number(arg('runs') ?? 21);
const PERIOD = arg('period') ?? WEEK;

/** What one opening measured, ms since navigation start. */
type Opening = Record<'first complete view' | 'its frame painted' | 'read ends' | 'first stage', number>;

async function open(session: ExtensionSession): Promise<Opening> {
  const page = await session.context.newPage();
  try {
    await page.goto(session.extensionUrl(`dashboard.html#period=${PERIOD}`));
    await page.waitForFunction(() => performance.getEntriesByName('canh-tin-dashboard-painted').length > 0, undefined, { timeout: 60_000 });
    // No named helpers inside (tsx's keepNames would wrap them in a __name the page does not have).
    const [rendered, painted, readStart, readDuration] = await page.evaluate(() => [
      performance.getEntriesByName('canh-tin-dashboard-rendered')[0]!.duration,
      performance.getEntriesByName('canh-tin-dashboard-painted')[0]!.duration,
      performance.getEntriesByName('canh-tin-dashboard-read')[0]?.startTime ?? Number.NaN,
      performance.getEntriesByName('canh-tin-dashboard-read')[0]?.duration ?? Number.NaN,
    ]);
    return { 'first complete view': rendered!, 'its frame painted': painted!, 'read ends': readStart! + readDuration!, 'first stage': readStart! };
  } finally {
    await page.close();
  }
}

async function main() {
  const sides = [
    { name: 'A', dir: arg('a'), source: arg('a-src') ?? PROJECT_ROOT },
    { name: 'B', dir: arg('b') ?? resolve(PROJECT_ROOT, '.output/chrome-mv3'), source: arg('b-src') ?? PROJECT_ROOT },
  ];
  for (const side of sides) {
    if (!side.dir || !existsSync(resolve(side.dir, 'manifest.json'))) {
      console.log(`ab-dashboard: --${side.name.toLowerCase()}=<a built extension directory> is missing or not a build (no manifest.json)`);
      return;
    }
  }
  const sessions: ExtensionSession[] = [];
  try {
    for (const side of sides) {
      const session = await launchExtension({ extensionDir: resolve(side.dir!) });
      sessions.push(session);
      // Opening the page once creates the database at that build's version.
      const host = await session.openExtensionPage('dashboard.html#period=2020-W01');
      await host.waitForFunction(() => performance.getEntriesByName('canh-tin-dashboard-rendered').length > 0);
      await fillYear(host, side.source);
      await host.close();
    }
    const openings: Opening[][] = sessions.map(() => []);
    // Round 0 warms both browsers' caches and is not counted.
    for (let round = 0; round <= RUNS; round += 1) {
      const order = round % 2 ? [0, 1] : [1, 0];
      for (const index of order) {
        const opening = await open(sessions[index]!);
        if (round > 0) openings[index]!.push(opening);
      }
    }
    const rows = (Object.keys(openings[0]![0]!) as (keyof Opening)[]).map((measure) => {
      const [a, b] = openings.map((side) => side.map((opening) => opening[measure]));
      const [low, high] = bootstrapInterval(a!, b!);
      return {
        'ms since navigation start': measure,
        'A median': median(a!).toFixed(0),
        'B median': median(b!).toFixed(0),
        'B − A': (median(b!) - median(a!)).toFixed(0),
        '95% interval': `${low.toFixed(0)} … ${high.toFixed(0)}`,
      };
    });
    console.log(`Dashboard ${PERIOD}, ${RUNS} openings per build, alternating. A = ${sides[0]!.dir}, B = ${sides[1]!.dir}`);
    console.table(rows);
  } finally {
    for (const session of sessions) await session.close();
  }
}

await main();
