import type { LiveResetState } from '../../store/reset-slice';

/** Warn this long before the reset session runs out (WCAG 2.2.1: at least 20 s to answer). */
export const RESET_WARN_BEFORE_MS = 2 * 60_000;

/**
 * The reset session's time limit: a warning ~2 minutes before `expiresAt` with "Extend"
 * (reset.extend: a new expiry) and "Start over". Paused while a request is in flight, so no
 * timer fires under a running verification. The warning itself is the shell's generic
 * TimeLimitWarning (renderer/components/time-limit-warning.tsx), not committed yet: until it
 * is, this renders nothing and the slice's extendReset/restartReset are ready for it.
 */
export function ResetTimeLimit(_props: { state: LiveResetState }) {
  return null;
}
