// `npm start [-- args]`: the Electron app where Electron can start; elsewhere the same app
// through the web host, with one line saying why and the URL (opened in the browser when a
// display exists). Arguments pass through (`npm start -- --reset`); Ctrl-C ends it cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { resolveElectronBinary } from './electron-binary.mjs';
import { browserCommand, planStart, urlFromWebHostLine, webFallbackLine } from './start-plan.mjs';

const root = join(import.meta.dirname, '..');
const plan = planStart({ electron: resolveElectronBinary(), platform: process.platform, env: process.env, args: process.argv.slice(2), root, execPath: process.execPath });

if (plan.mode === 'electron') {
  // Always build: it takes seconds and a stale dist is a worse surprise. (The web host builds
  // the renderer itself when it is stale.)
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Its own process group: a terminal's Ctrl-C reaches only us, and we pass it on exactly once
// (npm forwards it to us too; a second SIGINT would kill the child mid-shutdown).
const posix = process.platform !== 'win32';
const child = spawn(plan.command, plan.args, {
  cwd: root,
  stdio: ['ignore', plan.mode === 'web' ? 'pipe' : 'inherit', 'inherit'],
  detached: posix,
});
child.on('error', (e) => {
  console.error(`npm start: could not run ${plan.command}: ${e.message}`);
  process.exit(1);
});
child.on('close', (code, signal) => process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    child.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal);
    // A child that does not close in time is not left running behind us.
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

if (plan.mode === 'web') {
  // The web host's own "running" line becomes our one line with the reason; the rest passes through.
  createInterface({ input: child.stdout }).on('line', (line) => {
    const url = urlFromWebHostLine(line);
    if (!url) return console.log(line);
    console.log(webFallbackLine(plan.why, url));
    if (plan.openBrowser) openBrowser(url);
  });
}

/** Best effort: a machine without xdg-open (or a browser) still has the URL on screen. */
function openBrowser(url) {
  const [cmd, args] = browserCommand(process.platform, url);
  try {
    const opener = spawn(cmd, args, { stdio: 'ignore', detached: true });
    opener.on('error', () => {});
    opener.unref();
  } catch {
    // The line above already says where to go.
  }
}
