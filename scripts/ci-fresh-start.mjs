// CI, right after `npm ci` with libsecret hidden: the app must still start (`npm start`, which
// falls back to the web host here), serve its page, and say in one line that the keyring
// module is missing. Bounded; no network beyond 127.0.0.1. Exit 0 only when all three hold.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { KEYRING_MODULE_FIX } from '../electron/core/vault/keytar-vault.ts';

const root = join(import.meta.dirname, '..');
const LIMIT_MS = 180_000;
/** Say why, stop the app (start.mjs passes SIGTERM on to the web host), then exit 1. */
function fail(why) {
  console.error(`ci: fresh start: ${why}`);
  process.exitCode = 1;
  child.removeAllListeners('exit');
  child.once('exit', () => process.exit(1));
  child.kill('SIGTERM');
  setTimeout(() => process.exit(1), 12_000).unref();
}

// No display: Electron is not tried, no browser is opened.
const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' };
const child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs'), '--port', '0'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
const seen = { url: null, keyringLine: null, output: [] };
const timer = setTimeout(() => {
  fail(`not ready within ${LIMIT_MS / 1000} s. Output:\n${seen.output.join('')}`);
}, LIMIT_MS);

const onData = (chunk) => {
  const text = String(chunk);
  seen.output.push(text);
  for (const line of text.split('\n')) {
    seen.url ??= /open: (http\S+)/.exec(line)?.[1] ?? null;
    if (line.includes('keyring module (keytar)') && line.includes(KEYRING_MODULE_FIX)) seen.keyringLine = line;
  }
  if (seen.url && seen.keyringLine) void check();
  // The vault speaks before the host announces its URL; allow the other pipe a moment.
  else if (seen.url && !graceTimer) graceTimer = setTimeout(() => seen.keyringLine || fail(`it started without saying the keyring module is missing. Output:\n${seen.output.join('')}`), 5_000);
};
let graceTimer;
child.stdout.on('data', onData);
child.stderr.on('data', onData);
child.on('exit', (code) => {
  if (!checked) fail(`npm start ended (exit ${code}) before it was ready. Output:\n${seen.output.join('')}`);
});

let checked = false;
async function check() {
  if (checked) return;
  checked = true;
  const page = await fetch(seen.url.replace(/#.*$/, '')).catch((e) => fail(`its page did not load: ${e.message}`));
  if (!page.ok) fail(`its page answered ${page.status}`);
  const html = await page.text();
  if (!html.includes('<div id="root"')) fail('its page is not the app');
  // Ctrl-C ends it cleanly.
  child.removeAllListeners('exit');
  child.on('exit', (code, signal) => {
    clearTimeout(timer);
    clearTimeout(graceTimer);
    if (code !== 0) fail(`it did not end cleanly on SIGINT (exit ${code ?? signal})`);
    console.log(`ci: fresh start ok: the app runs at ${new URL(seen.url).origin} and says: ${seen.keyringLine.trim()}`);
  });
  child.kill('SIGINT');
}
