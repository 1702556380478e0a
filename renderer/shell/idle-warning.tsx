import { useCallback, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { TimeLimitWarning } from '../components/time-limit-warning';
import { api } from '../bridge/api';
import { callActivity } from '../bridge/call-activity';
import { call } from '../store/call';
import { useStore } from '../store/store';
import { pastFirstScreen } from './past-first-screen';

/** The longest warning before the idle wipe; shorter timeouts get half of theirs. */
const IDLE_WARN_MS = 60_000;

export function idleWarnBefore(idleTimeoutMs: number): number {
  return Math.min(IDLE_WARN_MS, idleTimeoutMs / 2);
}

/**
 * The core wipes the session `idleTimeoutMs` after the last IPC call. Once a person is past
 * a flow's first screen (something to lose), warn before that happens; "Keep going" makes
 * an IPC call (getAppInfo), which restarts the core's clock. No warning under a call in
 * flight: its answer restarts the clock anyway.
 */
export function IdleWarning({ idleTimeoutMs }: { idleTimeoutMs: number }) {
  const { t } = useTranslation();
  const activity = useSyncExternalStore(callActivity.subscribe, callActivity.snapshot);
  const armed = useStore(pastFirstScreen);
  const body = useCallback((count: number) => t('idle.warningBody', { count }), [t]);
  const keepGoing = useCallback(() => void call(() => api().getAppInfo({})), []);
  return (
    <TimeLimitWarning
      name="idle"
      deadline={armed ? activity.lastCallAt + idleTimeoutMs : null}
      warnBeforeMs={idleWarnBefore(idleTimeoutMs)}
      paused={activity.inFlight > 0}
      title={t('idle.warningTitle')}
      body={body}
      extendLabel={t('idle.keepGoing')}
      onExtend={keepGoing}
    />
  );
}
