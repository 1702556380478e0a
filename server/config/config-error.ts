/**
 * The configuration cannot be used. `problems` lists every problem found, each as
 * `field.path: reason`, so IT fixes the file in one pass instead of one error per restart.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly problems: string[],
    /** Where the configuration came from (a file path), for the message's first line. */
    readonly source?: string,
  ) {
    super(`${source ? `Invalid configuration in ${source}` : 'Invalid configuration'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
