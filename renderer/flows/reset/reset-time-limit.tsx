import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { TimeLimitWarning } from '../../components/time-limit-warning';
import type { LiveResetState } from '../../store/reset-slice';
import { useStore } from '../../store/store';

/** Warn this long before the reset session runs out (WCAG 2.2.1: at least 20 s to answer). */
export const RESET_WARN_BEFORE_MS = 2 * 60_000;

/**
 * The reset session's time limit: the shell's one TimeLimitWarning, ~2 minutes before
 * `expiresAt`, with "Extend" (reset.extend: a new expiry) and "Start over". Paused while a
 * request of the step is in flight, so no timer fires under a running verification; once
 * the time is up the step says so (RESET_EXPIRED, "Start again").
 */
export function ResetTimeLimit({ state }: { state: LiveResetState }) {
  const { t } = useTranslation();
  const extendReset = useStore((s) => s.extendReset);
  const restartReset = useStore((s) => s.restartReset);
  const expireReset = useStore((s) => s.expireReset);
  const usedUp = state.extendsUsedUp === true;
  const body = useCallback((secondsLeft: number) => t(usedUp ? 'reset.expiryNoMoreBody' : 'reset.expiryBody', { count: secondsLeft }), [t, usedUp]);
  const deadline = Date.parse(state.expiresAt);
  return (
    <TimeLimitWarning
      name="reset"
      deadline={Number.isNaN(deadline) ? null : deadline}
      warnBeforeMs={RESET_WARN_BEFORE_MS}
      paused={state.loading}
      title={t('reset.expiryTitle')}
      body={body}
      // Extended as often as the service allows: the one action left is to start over.
      extendLabel={usedUp ? t('reset.startOver') : t('reset.extend')}
      onExtend={usedUp ? restartReset : () => void extendReset()}
      {...(usedUp ? {} : { restartLabel: t('reset.startOver'), onRestart: restartReset })}
      onExpire={expireReset}
    />
  );
}
