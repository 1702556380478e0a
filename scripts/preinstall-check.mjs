/**
 * Runs before `npm install`. keytar needs libsecret's headers to build where its prebuilt
 * binary cannot be downloaded; without them npm prints a wall of node-gyp errors. Say it in
 * one line instead, with the command that fixes it. Never fails the install on other systems.
 */
import { spawnSync } from 'node:child_process';

if (process.platform === 'linux') {
  const ok = spawnSync('pkg-config', ['--exists', 'libsecret-1'], { stdio: 'ignore' }).status === 0;
  if (!ok) {
    console.error('\nSign-in Helper: libsecret-1-dev and pkg-config are needed to build keytar (the OS keyring module).');
    console.error('Install them first:  sudo bash scripts/setup.sh   (or: sudo apt-get install libsecret-1-dev pkg-config)\n');
    process.exit(1);
  }
}
