/**
 * `npm run web [-- --port 5180] [--directory-url URL] [--reset]`: the app in your browser,
 * for development, for Playwright, and where Electron cannot run.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseLaunchOptions } from '../core/launch-options.js';
import { KeytarVault } from '../core/vault/keytar-vault.js';
import { ensureRendererBuilt } from './renderer-build.js';
import { isTestPresenceAnswer, testPresenceAnswers } from './test-presence.js';
import { startWebHost } from './web-host.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5180' },
    'directory-url': { type: 'string' },
    // The desktop app's launch flags (electron/core/launch-options.ts), so both hosts open alike.
    reset: { type: 'boolean', default: false },
    unlock: { type: 'boolean', default: false },
    change: { type: 'boolean', default: false },
    user: { type: 'string' },
    'lock-screen': { type: 'boolean', default: false },
    prefs: { type: 'string' },
    // TEST BOUNDARY: fakes only the OS presence prompt, embedded demo only (test-presence.ts).
    'test-presence': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  // A deep link (sign-in-helper://reset?user=ID) may come as an argument, as on the desktop.
  allowPositionals: true,
});
if (values.help) {
  console.log('Usage: npm run web -- [--port 5180] [--directory-url https://…] [--reset|--unlock|--change] [--user ID] [--lock-screen] [--prefs FILE] [sign-in-helper://reset?user=ID]');
  console.log('Tests only: --test-presence=success|cancelled fakes the OS presence prompt (embedded demo only)');
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}

const testPresence = values['test-presence'];
if (testPresence !== undefined && !isTestPresenceAnswer(testPresence)) {
  console.error(`--test-presence must be one of ${testPresenceAnswers.join(', ')}, not "${testPresence}"`);
  process.exit(2);
}
if (testPresence !== undefined && values['directory-url']) {
  console.error('--test-presence is a test boundary: it works only with the embedded demo directory, not with --directory-url');
  process.exit(2);
}

const launch = parseLaunchOptions(process.argv.slice(2));
const root = resolve(import.meta.dirname, '..', '..');
const configHome = process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
try {
  const host = await startWebHost({
    rendererDir: ensureRendererBuilt(root, console.log),
    port,
    version: process.env.npm_package_version ?? '0.0.0',
    systemLocale: Intl.DateTimeFormat().resolvedOptions().locale,
    userPrefsPath: values.prefs ?? join(configHome, 'sign-in-helper', 'preferences.json'),
    managedPolicyPath: process.platform === 'linux' ? '/etc/sign-in-helper/policy.json' : undefined,
    ...(values['directory-url'] ? { overrides: { directoryUrl: values['directory-url'] } } : {}),
    vault: new KeytarVault({ service: 'sign-in-helper' }),
    startFlow: launch.startFlow,
    ...(launch.userId ? { startUserId: launch.userId } : {}),
    lockScreen: launch.lockScreen,
    ...(testPresence ? { testPresence } : {}),
  });
  if (testPresence) console.warn(`TEST MODE: the OS presence prompt always answers "${testPresence}" (--test-presence).`);
  console.log(`Sign-in Helper is running. Open: ${host.url}`);
  console.log(host.directoryUrl.startsWith('http://127.0.0.1') ? `Demo directory (Contoso) at ${host.directoryUrl} — see README for demo users.` : `Directory: ${host.directoryUrl}`);
  const stop = async () => {
    await host.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
} catch (e) {
  const code = (e as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? `Port ${port} is in use. Try: npm run web -- --port 0` : `The web host could not start: ${(e as Error).message}`);
  process.exit(1);
}
