/**
 * `service.passwordCheckPerSec`: new-password checks per second on the ~49k common-password
 * list with normalization and edit distance 1, on a realistic mix — half variants of common
 * passwords (leetspeak, a year or digits and a symbol added, one letter doubled, changed or
 * removed, the organization's name), half strong passwords (random 16 characters,
 * passphrases, non-Latin phrases). Also the one-time index build (time, memory).
 * Run alone: `npx tsx scripts/bench-password-check.ts` (add `node --expose-gc` for steadier memory).
 * `npm run bench` calls {@link passwordCheckBench} and writes its figures to bench/results.json.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { randomInt } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { loadCommonPasswords } from '../server/passwords/common-passwords.js';
import { checkNewPasswordLoaded } from '../server/passwords/password-check.js';
import { defaultPolicy } from '../server/policy/policy.js';

const context = { userId: 'alain.dupont@contoso.com', displayName: 'Alain Dupont', organizationName: 'Contoso' };
const leet: Record<string, string> = { a: '@', o: '0', e: '3', s: '$', i: '1', t: '7' };
const pick = <T>(xs: readonly T[]) => xs[randomInt(xs.length)]!;
const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function weak(words: string[]): string {
  const w = pick(words);
  const i = randomInt(w.length);
  switch (randomInt(6)) {
    case 0:
      return capital([...w].map((c) => (randomInt(2) ? (leet[c] ?? c) : c)).join(''));
    case 1:
      return `${capital(w)}${1990 + randomInt(40)}!`;
    case 2:
      return `${w.slice(0, i + 1)}${w.slice(i)}${randomInt(100)}`;
    case 3:
      return `${w.slice(0, i)}${pick([...'xqzk'])}${w.slice(i + 1)}#${randomInt(10)}`;
    case 4:
      return `${w.slice(0, i)}${w.slice(i + 1)}2024`;
    default:
      return `Contoso${2000 + randomInt(30)}${pick(['!', '#', '?'])}`;
  }
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*()-_=+';
const phrases = ['我的貓喜歡在窗台上曬太陽', 'Ελληνικός-κωδικός-2026', 'correct horse battery staple', 'Tr0ub4dor&3 is long enough?', 'Quiet-Meadow-Tulip-42'];
function strong(words: string[]): string {
  switch (randomInt(3)) {
    case 0:
      return Array.from({ length: 16 }, () => pick([...alphabet])).join('');
    case 1:
      return Array.from({ length: 4 }, () => pick(words)).join('-');
    default:
      return pick(phrases);
  }
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const gc = (globalThis as { gc?: () => void }).gc;

export async function passwordCheckBench(seconds = 3) {
  gc?.();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const index = await loadCommonPasswords();
  const buildMs = Math.round(performance.now() - t0);
  gc?.();
  const after = process.memoryUsage();

  const words = (dictionary['passwords-common'] as string[]).filter((w) => /^[a-z]{5,}$/.test(w));
  const mix = Array.from({ length: 10_000 }, (_, i) => (i % 2 ? strong(words) : weak(words)));
  // The mix is what it says: the weak half refused, the strong half accepted.
  let weakRefused = 0;
  let strongAccepted = 0;
  mix.forEach((p, i) => {
    const ok = checkNewPasswordLoaded(defaultPolicy.password, p, context).ok;
    if (i % 2 && ok) strongAccepted++;
    if (!(i % 2) && !ok) weakRefused++;
  });
  let checks = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  while (performance.now() < end) for (let i = 0; i < 1000; i++) checkNewPasswordLoaded(defaultPolicy.password, mix[checks++ % mix.length]!, context);
  const perSec = Math.round(checks / ((performance.now() - started) / 1000));
  return {
    'service.passwordCheckPerSec': perSec,
    'service.passwordCheckMeanUs': Math.round(1e6 / perSec),
    'service.passwordCheckIndexBuildMs': buildMs,
    'service.passwordCheckIndexHeapMB': mb(after.heapUsed - before.heapUsed),
    'service.passwordCheckIndexRssMB': mb(after.rss - before.rss),
    'service.passwordCheckWeakRefusedShare': Math.round((weakRefused / (mix.length / 2)) * 1000) / 1000,
    'service.passwordCheckStrongAcceptedShare': Math.round((strongAccepted / (mix.length / 2)) * 1000) / 1000,
    'service.passwordCheckNote': `checkNewPassword on a mix of 10,000 passwords, half variants of common ones (leetspeak, year, doubled/changed/removed letter, organization name), half strong (random 16 chars, 4-word passphrases, phrases); one thread, ${seconds} s; index: ${index.exact.size} words, ${index.near.size.deletes} deletes, the list imported and built once (the import counted: the service does it after it listens)${gc ? ' (memory after gc)' : ' (memory without --expose-gc: approximate)'}`,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(passwordCheckBench());
