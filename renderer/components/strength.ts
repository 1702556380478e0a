/**
 * The strength hint's estimator: zxcvbn-ts with its dictionaries, imported on first use only.
 * The dictionaries are most of a megabyte, so they must not be in the first screen's JS; the
 * new-password screens ask for them when they appear and show "Checking strength…" meanwhile.
 */
export type StrengthScore = 0 | 1 | 2 | 3 | 4;
export type StrengthEstimator = (password: string, userInputs: string[]) => StrengthScore;

let loading: Promise<StrengthEstimator> | null = null;

async function load(): Promise<StrengthEstimator> {
  const [{ ZxcvbnFactory }, common, en] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]);
  const zxcvbn = new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    // No typo matching: it costs 300–650 ms of main thread per check (measured, node 20), and
    // the service's blocklist already refuses one-edit-away passwords.
    useLevenshteinDistance: false,
  });
  return (password, userInputs) => zxcvbn.check(password, userInputs).score;
}

/** The estimator, loaded once per page; a failed load may be retried by the next caller. */
export function loadStrengthEstimator(): Promise<StrengthEstimator> {
  loading ??= load().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}
