/**
 * The common-password list (zxcvbn-ts's maintained ~49,000) as the check needs it: a Set for
 * exact matches and a symmetric-delete index for "one edit away", built once —
 * the service pays the build (0.15–0.7 s and ≈ 23 MB of heap on the bench machine: `npm run bench`,
 * service.passwordCheckIndex*) once. The list (~0.4 MB of the service's bundle, decompressed
 * when its module runs) is imported only here, on the first load: a started service loads it
 * in the background after it listens (`warmUp`, /readyz says so meanwhile), and a check that
 * comes first waits for the same load.
 */
import { NearWords } from './near-words.js';

/** List words shorter than this are matched exactly only: one edit from "abc" is half of all 3–4 letter strings. */
export const MIN_NEAR_WORD = 4;

export interface CommonPasswords {
  exact: Set<string>;
  near: NearWords;
}

let built: CommonPasswords | undefined;
let loading: Promise<CommonPasswords> | undefined;

/** Load the list and build its index, once; a failed load is tried again by the next call. */
export function loadCommonPasswords(): Promise<CommonPasswords> {
  loading ??= import('@zxcvbn-ts/language-common').then(
    (module) => {
      // A CommonJS package: Node's loader gives its named exports, the service's bundle only
      // `default` (esbuild cannot see them) — so every password check failed in dist/server.
      const { dictionary } = module.dictionary ? module : (module as unknown as { default: typeof module }).default;
      const list = dictionary['passwords-common'] as string[];
      built = { exact: new Set(list), near: new NearWords(list.filter((w) => [...w].length >= MIN_NEAR_WORD)) };
      return built;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The list, once `loadCommonPasswords` has settled (a programming error before: every route awaits the load). */
export function commonPasswords(): CommonPasswords {
  if (!built) throw new Error('the common-password list is not loaded yet: await loadCommonPasswords() first');
  return built;
}
