/**
 * The words of the person's own context a new password may not contain (POLICY.md: user name,
 * display name, organization name; and the product's name, which an attacker guesses first).
 *
 * Two thresholds, in code points after `fold`:
 * - a word of {@link MIN_TYPED} or more is refused when the password holds it as typed (case
 *   and accents aside) — Active Directory's own rule for the account and display names;
 * - a word of {@link MIN_NORMALIZED} or more is refused also when only the look-alike reading
 *   with separators removed holds it ("c0nt0so#1", "Sign-In-Helper"): shorter words would turn
 *   up by chance in random passwords once look-alikes are read (Entra and GitLab use four).
 */
import { fold, squash } from './normalize.js';

export const MIN_TYPED = 3;
export const MIN_NORMALIZED = 4;

/** Who sets the password and where: the callers pass the directory's user and the tenant. */
export interface PasswordContext {
  userId: string;
  displayName: string;
  organizationName: string;
}

/** The product's name, written together: "Sign-in Helper", "signinhelper", "S1gn-In-H3lper". */
const PRODUCT_WORDS = ['signinhelper'];
/** Domain labels that name a host or a registry, not the organization. */
const GENERIC_LABELS = new Set(['www', 'mail', 'corp', 'local', 'internal', 'co', 'com', 'org', 'net', 'gov', 'edu', 'ac']);

/** Words of a name: split on anything that is not a letter (spaces, . _ - ', digits), folded. */
const wordsOf = (s: string) => fold(s).split(/\P{L}+/u).filter(Boolean);
const localPart = (userId: string) => userId.slice(0, userId.includes('@') ? userId.lastIndexOf('@') : undefined).split('\\').at(-1)!;
const domainLabels = (userId: string) => (userId.includes('@') ? userId.slice(userId.lastIndexOf('@') + 1).split('.').slice(0, -1) : []);

export function userWords(context: PasswordContext): string[] {
  return unique([...wordsOf(localPart(context.userId)), ...wordsOf(context.displayName)]);
}

export function organizationWords(context: PasswordContext): string[] {
  const name = fold(context.organizationName);
  const domain = domainLabels(context.userId).flatMap(wordsOf).filter((w) => !GENERIC_LABELS.has(w));
  return unique([...wordsOf(name), ...squash(name), ...domain, ...PRODUCT_WORDS]);
}

/** A password as the context words are looked for in it: folded as typed, and its look-alike readings squashed. */
export interface TypedPassword {
  typed: string;
  readings: string[];
}
export const typedPassword = (password: string): TypedPassword => {
  const typed = fold(password);
  return { typed, readings: squash(typed) };
};

/** True when the password holds one of the words, as typed or once normalized (thresholds above). */
export function containsAnyWord({ typed, readings }: TypedPassword, words: string[]): boolean {
  return words.some((word) => {
    const n = [...word].length;
    if (n >= MIN_TYPED && typed.includes(word)) return true;
    return n >= MIN_NORMALIZED && squash(word).some((w) => readings.some((r) => r.includes(w)));
  });
}

const unique = (words: string[]) => [...new Set(words)];
