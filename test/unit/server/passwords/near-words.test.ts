/**
 * The symmetric-delete index answers "within one insert, delete or substitution of a word of
 * the list" exactly as the textbook edit distance does — without scanning the list.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NearWords } from '../../../../server/passwords/near-words.js';

/** Levenshtein distance, the slow and obvious way: the oracle. */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    row = next;
  }
  return row[y.length]!;
}

describe('NearWords', () => {
  it('finds a word, and a word one edit away, and nothing two edits away', () => {
    const index = new NearWords(['dragon', 'sunshine', 'aab']);
    expect(index.has('dragon')).toBe(true);
    expect(index.near('dragon')).toBe(true);
    expect(index.near('dragonn')).toBe(true); // doubled letter (an insert)
    expect(index.near('dagon')).toBe(true); // deleted
    expect(index.near('drag0n')).toBe(true); // changed
    expect(index.near('xdragon')).toBe(true); // added in front
    expect(index.near('dargon')).toBe(false); // a transposition is two edits
    expect(index.near('drag')).toBe(false);
    expect(index.near('sunshin')).toBe(true);
    expect(index.near('snshin')).toBe(false);
    expect(index.has('dragonn')).toBe(false);
  });

  it('counts code points: an emoji or an astral character is one edit', () => {
    const index = new NearWords(['😀abcd', '𠀀xyz']);
    expect(index.near('😁abcd')).toBe(true);
    expect(index.near('abcd')).toBe(true);
    expect(index.near('𠀁xyz')).toBe(true);
  });

  it('agrees with the edit distance on random words (property)', () => {
    const letter = fc.constantFrom('a', 'b', 'c', 'd');
    const word = fc.array(letter, { minLength: 1, maxLength: 7 }).map((l) => l.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 30 }), word, (list, query) => {
        const index = new NearWords(list);
        expect(index.near(query)).toBe(list.some((w) => distance(w, query) <= 1));
        expect(index.has(query)).toBe(list.includes(query));
      }),
      { numRuns: 2000 },
    );
  });
});
