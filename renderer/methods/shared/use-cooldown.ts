import { useCallback, useEffect, useState } from 'react';

/** Seconds until a code may be sent again (0: now). Counts down once a second. */
export function useCooldown(seconds: number) {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (left <= 0) return;
    const id = setTimeout(() => setLeft((l) => l - 1), 1000);
    return () => clearTimeout(id);
  }, [left]);
  const start = useCallback(() => setLeft(seconds), [seconds]);
  return { secondsLeft: left, cooling: left > 0, start, total: seconds };
}

/** How long a person waits before asking for another code (text, call, email). */
export const RESEND_COOLDOWN_SECONDS = 30;
