/**
 * The common-password list (zxcvbn-ts's maintained ~49,000) as the check needs it: a Set for
 * exact matches and a symmetric-delete index for "one edit away", built once, on first use —
 * the service pays the build (0.15–0.7 s and ≈ 23 MB of heap on the bench machine: `npm run bench`,
 * service.passwordCheckIndex*) only once a new password is checked.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { NearWords } from './near-words.js';

/** List words shorter than this are matched exactly only: one edit from "abc" is half of all 3–4 letter strings. */
export const MIN_NEAR_WORD = 4;

export interface CommonPasswords {
  exact: Set<string>;
  near: NearWords;
}

let built: CommonPasswords | undefined;

export function commonPasswords(): CommonPasswords {
  if (!built) {
    const list = dictionary['passwords-common'] as string[];
    built = { exact: new Set(list), near: new NearWords(list.filter((w) => [...w].length >= MIN_NEAR_WORD)) };
  }
  return built;
}
