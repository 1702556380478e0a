// `npm run keyring:build`: bring keytar (the OS keyring module) back after a fresh install
// skipped it — build tools through apt (as root, or with sudo), then keytar itself.
import { join } from 'node:path';
import { bringKeytarBack } from './keyring-module.mjs';

const result = bringKeytarBack(join(import.meta.dirname, '..'));
if (!result.ok) {
  console.error(result.line);
  process.exit(1);
}
console.log(result.changed ? 'keytar: installed, and it loads.' : 'keytar: already installed, and it loads.');
