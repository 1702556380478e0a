import { useEffect, useRef, useState } from 'react';
import type { IpcResponse } from '../../contract/ipc';
import { api } from '../bridge/api';
import { call } from '../store/call';

export type LiveVerdict = IpcResponse<'password.check'>;

/** How long the typing must pause before the service is asked (one request per pause, not per key). */
export const LIVE_CHECK_DELAY_MS = 400;

/**
 * The service's rules and blocklist, asked as the person types (`enabled` once the lengths
 * are right: the checklist already says "too short"). Returns the verdict for the password
 * as it is NOW — an answer about an older password is ignored — or null while waiting, and
 * when the service cannot be reached: the check is a help, the submit still decides.
 */
export function useLivePasswordCheck(password: string, userId: string, enabled: boolean): LiveVerdict | null {
  const [answer, setAnswer] = useState<{ password: string; userId: string; verdict: LiveVerdict } | null>(null);
  const latest = useRef({ password, userId });
  latest.current = { password, userId };

  useEffect(() => {
    if (!enabled || !password) return;
    const timer = setTimeout(() => {
      const id = userId.trim();
      void call(() => api().checkPassword({ newPassword: password, ...(id ? { userId: id } : {}) })).then((result) => {
        const now = latest.current;
        if (!result.ok || now.password !== password || now.userId !== userId) return;
        setAnswer({ password, userId, verdict: result.data });
      });
    }, LIVE_CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [password, userId, enabled]);

  return enabled && answer && answer.password === password && answer.userId === userId ? answer.verdict : null;
}
