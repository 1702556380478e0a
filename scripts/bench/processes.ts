/**
 * The processes a bench measures (the service as users run it, a floor server): started
 * with their output going straight to a file, so the bench's own process — the client
 * under test — never spends a cycle carrying their logs; "listening on URL" is read back
 * from that file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');

export interface Started {
  child: ChildProcess;
  url: string;
  /** Spawn to "listening on" (ms): what a start costs, as measured by its parent. */
  startMs: number;
}

/** Run `node ...args`, stdout and stderr to `logFile`; resolves once it says "listening on URL". */
export function startListening(args: readonly string[], logFile: string, what: string, env: NodeJS.ProcessEnv = process.env): Promise<Started> {
  const fd = openSync(logFile, 'w');
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', fd, fd] });
  closeSync(fd); // the child has its own copy
  return new Promise((resolve, reject) => {
    const seen = () => readFileSync(logFile, 'utf8');
    const onExit = (code: number | null) => {
      clearInterval(poll);
      reject(new Error(`${what} exited ${code} before listening: ${seen().slice(-500)}`));
    };
    const poll = setInterval(() => {
      const url = /listening on (https?:\/\/[^\s]+)/.exec(seen())?.[1];
      if (!url) return;
      const startMs = performance.now() - t0;
      clearInterval(poll);
      child.off('exit', onExit);
      resolve({ child, url: url.replace(/\/$/, ''), startMs });
    }, 5);
    child.once('exit', onExit);
  });
}

/** Until GET /readyz answers 200 (the service's warm-up), or 30 s. */
export async function ready(url: string): Promise<void> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    const r = await fetch(`${url}/readyz`).catch(() => null);
    if (r?.status === 200) return;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`${url}/readyz never answered 200`);
}

/** SIGTERM, and wait for the exit. */
export const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
