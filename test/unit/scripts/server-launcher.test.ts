import { spawnSync } from 'node:child_process';
import { statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const bundle = join(root, 'dist', 'server', 'cli.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'scripts', 'server.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('npm run server (the compiled service)', { timeout: 60_000 }, () => {
  it('runs the bundle, building it first when a source is newer, and not again when nothing changed', () => {
    // A source touched after the bundle: the launcher must rebuild before running.
    const source = join(root, 'server', 'cli.ts');
    const now = new Date();
    utimesSync(source, now, now);
    const first = run('--help');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Usage: npm run server');
    expect(first.stderr).toMatch(/build: dist\/server\/cli\.mjs/);
    expect(statSync(bundle).mtimeMs).toBeGreaterThanOrEqual(statSync(source).mtimeMs);

    const second = run('--help');
    expect(second.status).toBe(0);
    expect(second.stderr).not.toMatch(/build:/);
  });

  it("keeps the service's own exit code and messages (a bad flag exits 2 and says why)", () => {
    const result = run('--port', 'nope', '--demo');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--port must be a number');
  });
});
