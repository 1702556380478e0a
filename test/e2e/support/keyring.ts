/**
 * Reading the real keyring from outside the app, as an administrator would: `secret-tool`
 * (libsecret) on the session's gnome-keyring. And a look through the app's data folder.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every item of `service`: account → secret. */
export function keyringItems(service: string): Map<string, string> {
  // `search --all` prints blocks "[/path]\nlabel = …\nsecret = …\n…" on stdout and their
  // "attribute.account = …" lines on stderr: one stream keeps each block together.
  const out = execFileSync('sh', ['-c', 'secret-tool search --all --unlock service "$1" 2>&1', 'sh', service], { encoding: 'utf8' });
  const items = new Map<string, string>();
  for (const block of out.split(/^\[/m).slice(1)) {
    const secret = block.match(/^secret = (.*)$/m)?.[1];
    const account = block.match(/^attribute\.account = (.*)$/m)?.[1];
    if (secret !== undefined && account !== undefined) items.set(account, secret);
  }
  return items;
}

export const lookup = (service: string, account: string) => execFileSync('secret-tool', ['lookup', 'service', service, 'account', account], { encoding: 'utf8' }).trim();

/** Every file under `dir` whose bytes contain `needle`. */
export function filesContaining(dir: string, needle: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (readFileSync(path).includes(needle)) found.push(path);
  }
  return found;
}
