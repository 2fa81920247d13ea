// `npm test`: every check a change must pass, in order — typecheck, unit tests,
// Chrome and Firefox builds, end-to-end tests in real Chromium — then one plain
// summary line "N passed, N failed" counting unit and e2e tests (a failed
// typecheck or build counts as one failed check).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

const RESULTS = 'test-results';
mkdirSync(RESULTS, { recursive: true });

let passed = 0;
let failed = 0;

function run(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  return result.status === 0;
}

function check(label, command, args) {
  if (!run(label, command, args)) {
    console.log(`✖ ${label} failed`);
    failed += 1;
    return false;
  }
  return true;
}

function vitest(label, config, jsonFile) {
  const ok = run(label, 'npx', ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`]);
  if (existsSync(jsonFile)) {
    const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // A suite that failed to load has no failed tests of its own: count it.
    failed += report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.every((a) => a.status !== 'failed')).length;
  } else if (!ok) {
    failed += 1;
  }
}

check('typecheck', 'npx', ['tsc', '--noEmit']);
vitest('unit tests', 'vitest.config.ts', `${RESULTS}/unit.json`);
const built = check('build (Chrome MV3)', 'npx', ['wxt', 'build']);
check('build (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox']);
if (built) vitest('end-to-end tests (Chromium)', 'vitest.e2e.config.ts', `${RESULTS}/e2e.json`);
else failed += 1;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
