/**
 * `npm test`: every test, for real. Unit (core, server, Electron host with electron mocked),
 * renderer (jsdom), integration (a real keyring, oathtool), end to end (Playwright driving
 * Debian's Chromium through the web host). Missing system parts are installed with apt (as
 * root, or with sudo), otherwise named in one line; keytar is brought back when a fresh
 * install skipped it; a test is never silently skipped.
 * Ends with one line: "tests: N passed, N failed, N skipped".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { aptInstall } from './apt-install.mjs';
import { bringKeytarBack } from './keyring-module.mjs';
import { missingDeps } from './system-deps.mjs';

const root = join(import.meta.dirname, '..');
const out = join(root, 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

function provision() {
  const missing = missingDeps();
  if (missing.length === 0) return;
  const pkgs = [...new Set(missing.flatMap((d) => d.debian))];
  const why = `npm test needs ${missing.map((d) => d.what).join(', ')}`;
  const line = aptInstall(pkgs, { why });
  const still = missingDeps();
  if (line || still.length > 0) {
    console.error(line ?? `npm test: still missing after apt-get: ${still.map((d) => d.what).join(', ')}. Install them and run npm test again.`);
    process.exit(1);
  }
}

/**
 * The keyring tests run for real or npm test stops: a fresh install skips keytar (its build
 * needs libsecret), so bring it back here — build tools, then keytar — never skip them.
 */
function ensureKeytar() {
  const result = bringKeytarBack(root);
  if (!result.ok) {
    console.error(`${result.line} — npm test stops: the keyring tests must run against the real keyring.`);
    process.exit(1);
  }
}

const phases = [];
function run(name, cmd, args, env = {}) {
  console.log(`\n── ${name} ──`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  phases.push({ name, ok: r.status === 0 });
}

/** Totals from a vitest JSON report, or null when the runner wrote none (it crashed). */
function vitestTotals(file) {
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}
function playwrightTotals(file) {
  if (!existsSync(file)) return null;
  const s = JSON.parse(readFileSync(file, 'utf8')).stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
}

/** Every skipped Playwright test with its stated reason: a skip is reported, never hidden. */
function playwrightSkips(file) {
  if (!existsSync(file)) return [];
  const skips = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'skipped') skips.push(`${spec.title} — ${t.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given'}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of JSON.parse(readFileSync(file, 'utf8')).suites ?? []) walk(suite);
  return skips;
}

provision();
ensureKeytar();
run('unit + renderer (vitest)', bin('vitest'), ['run', '--project', 'unit', '--project', 'renderer', '--reporter=default', '--reporter=json', `--outputFile.json=${join(out, 'vitest-unit.json')}`]);
run('integration: real keyring, oathtool, SQLite, PostgreSQL, OpenLDAP, Samba AD (vitest)', join(root, 'scripts', 'with-postgres.sh'), [join(root, 'scripts', 'with-keyring.sh'), bin('vitest'), 'run', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${join(out, 'vitest-integration.json')}`]);
run('end to end: Chromium through the web host, real keyring (playwright)', join(root, 'scripts', 'with-keyring.sh'), [bin('playwright'), 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: join(out, 'playwright.json') });

const totals = { passed: 0, failed: 0, skipped: 0 };
const reports = [vitestTotals(join(out, 'vitest-unit.json')), vitestTotals(join(out, 'vitest-integration.json')), playwrightTotals(join(out, 'playwright.json'))];
for (const t of reports) if (t) for (const k of Object.keys(totals)) totals[k] += t[k];
const broken = phases.filter((p) => !p.ok).map((p) => p.name);
const missingReports = reports.filter((r) => r === null).length;
console.log('');
for (const skip of playwrightSkips(join(out, 'playwright.json'))) console.log(`skipped: ${skip}`);
if (broken.length) console.log(`failed phases: ${broken.join('; ')}${missingReports ? ` (${missingReports} wrote no report)` : ''}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(broken.length || totals.failed ? 1 : 0);
