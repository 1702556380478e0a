/**
 * How a typed password is turned into the forms the blocklist and the context words are
 * matched against (POLICY.md "Passwords": normalized, with edit distance 1).
 *
 * 1. `fold`: NFKC (full-width and compatibility forms become plain letters), lower case, and
 *    accents removed (NFD, combining marks dropped, NFC again): "Pässwörd" is "password".
 * 2. `unLeet`: the look-alike table below. "1" reads as "l" or as "i", so both are tried —
 *    every combination while there are at most {@link maxAmbiguous} ones, else all-l and all-i.
 * 3. `cores`: digits, years (19xx/20xx are digits too) and symbols around the letters are
 *    stripped, leading and trailing: "!!Football1999" → "football". A look-alike at the
 *    edge is kept as well ("hell0", "@dmin", "footbal1"): the one character next to the
 *    letters is tried both kept and stripped.
 */

/** The look-alikes, one reading each — except "1", which is read both ways. */
export const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '3': 'e',
  '4': 'a',
  '@': 'a',
  '5': 's',
  $: 's',
  '7': 't',
  '+': 't',
  '8': 'b',
  '9': 'g',
  '!': 'i',
  '|': 'l',
  '€': 'e',
};
/** "1" is "l" (p1ayer) as often as "i" (1ce, adm1n). */
const ONE_READS_AS = ['l', 'i'] as const;
const maxAmbiguous = 3;

export function fold(password: string): string {
  return password.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Every reading of the look-alikes in `s` (one string when it holds no "1"). */
export function unLeet(s: string): string[] {
  let mapped = '';
  let ones = 0;
  for (const c of s) {
    if (c === '1') ones++;
    mapped += LEET[c] ?? c;
  }
  if (ones === 0) return [mapped];
  if (ones > maxAmbiguous) return ONE_READS_AS.map((l) => mapped.replaceAll('1', l));
  let readings = [''];
  for (const c of mapped) readings = c === '1' ? readings.flatMap((r) => ONE_READS_AS.map((l) => r + l)) : readings.map((r) => r + c);
  return readings;
}

/**
 * The string with what surrounds its letters stripped: everything, nothing, or all but the
 * character next to the letters, on each side independently (at most nine strings).
 */
export function cores(s: string): string[] {
  const chars = [...s];
  const first = chars.findIndex(isLetter);
  if (first < 0) return [s];
  const last = chars.findLastIndex(isLetter);
  const lead = chars.slice(0, first);
  const middle = chars.slice(first, last + 1).join('');
  const trail = chars.slice(last + 1);
  const leads = new Set(['', lead.join(''), lead.at(-1) ?? '']);
  const trails = new Set(['', trail.join(''), trail[0] ?? '']);
  const out = new Set<string>();
  for (const l of leads) for (const t of trails) out.add(l + middle + t);
  return [...out];
}

const LETTER = /\p{L}/u;
const isLetter = (c: string) => LETTER.test(c);

/** Letters and digits only, after the look-alikes: "Sign-In Helper" and "s1gn1n_h3lper" both hold "signinhelper". */
export function squash(s: string): string[] {
  return unLeet(s).map((r) => r.replace(/[^\p{L}\p{N}]/gu, ''));
}

/**
 * The strings a password, already folded, is matched against the list as: itself, and each
 * core of it and of its look-alike readings.
 */
export function candidates(whole: string): { whole: string; others: string[] } {
  const out = new Set<string>();
  for (const core of [...cores(whole), ...unLeet(whole).flatMap(cores)]) for (const reading of unLeet(core)) out.add(reading);
  out.delete(whole);
  return { whole, others: [...out] };
}
