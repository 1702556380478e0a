/**
 * A scoped logger for the Electron host. Messages are fixed English phrases plus
 * non-secret details; callers never pass request bodies, tokens, codes or passwords.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Logger whose lines are prefixed with `[scope]`, so a support log shows where a line came from. */
export function createLogger(scope: string): Logger {
  const prefix = `[${scope}]`;
  return {
    info: (message) => console.info(prefix, message),
    warn: (message) => console.warn(prefix, message),
    error: (message) => console.error(prefix, message),
  };
}
