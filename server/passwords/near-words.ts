/**
 * "Is this string a word of the list, or one edit away from one?" in a handful of Set
 * lookups, not a scan of the list: a symmetric-delete index (the SymSpell idea, Wolf Garbe).
 *
 * For every word w the index holds w with one code point deleted, and at which positions that
 * delete happened (a bit mask). A query q is within one edit of w when
 *   - q is w: `words.has(q)`;
 *   - q is w with a letter removed: q is one of w's deletes;
 *   - q is w with a letter added (or doubled): q minus one letter is w;
 *   - q is w with a letter changed: q and w, each minus the letter at the same position i,
 *     are equal — which is why the position is kept: the same delete at two different
 *     positions ("dargon"/"dragon") is a transposition, two edits, and is not counted.
 * Building costs one entry per code point of the list; a query costs about 3 × its length
 * lookups. Strings are compared by code points, so an emoji is one edit, as a person sees it.
 */
export class NearWords {
  private readonly words: Set<string>;
  /** Delete of a word → bit mask of the positions (< 32) at which some word gives it. */
  private readonly deletes = new Map<string, number>();
  /** Longer words than this are indexed whole but not by their deletes (none are in the list). */
  static readonly maxIndexedLength = 31;
  private readonly longest: number;

  constructor(list: Iterable<string>) {
    this.words = new Set(list);
    let longest = 0;
    for (const word of this.words) {
      const chars = codePoints(word);
      longest = Math.max(longest, chars.length);
      if (chars.length > NearWords.maxIndexedLength) continue;
      for (let i = 0; i < chars.length; i++) {
        const key = without(word, chars, i);
        this.deletes.set(key, (this.deletes.get(key) ?? 0) | (1 << i));
      }
    }
    this.longest = longest;
  }

  has(query: string): boolean {
    return this.words.has(query);
  }

  /** Within edit distance 1 (insert, delete or substitute one code point) of a word. */
  near(query: string): boolean {
    if (this.words.has(query) || this.deletes.has(query)) return true;
    const chars = codePoints(query);
    // Too long to be one insert away from any word: no lookup can succeed.
    if (chars.length > this.longest + 1) return false;
    for (let i = 0; i < chars.length; i++) {
      const key = without(query, chars, i);
      if (this.words.has(key)) return true;
      if (i < 32 && ((this.deletes.get(key) ?? 0) & (1 << i)) !== 0) return true;
    }
    return false;
  }

  /** Entries held, for the benchmark's memory figure. */
  get size(): { words: number; deletes: number } {
    return { words: this.words.size, deletes: this.deletes.size };
  }
}

/** The code points of `s` — or `s` itself when every one is a single UTF-16 unit (the fast, usual case). */
const codePoints = (s: string): string | string[] => (/[\uD800-\uDFFF]/.test(s) ? [...s] : s);
const without = (s: string, chars: string | string[], i: number) => (typeof chars === 'string' ? s.slice(0, i) + s.slice(i + 1) : chars.slice(0, i).join('') + chars.slice(i + 1).join(''));
