import { useEffect, useMemo, useState } from 'react';
import { useSettled } from './use-settled';
import { loadStrengthEstimator, type StrengthEstimator, type StrengthScore } from './strength';

/** `loading` until the estimator is here; `unavailable` when it could not load (no hint, no error). */
export type StrengthHint = { state: 'loading' } | { state: 'unavailable' } | { state: 'ready'; score: StrengthScore | null };

const SCORE_DELAY_MS = 150;

/**
 * zxcvbn's score of the password (a hint, never a rule), with the user id's parts as words an
 * attacker would try first. Null score for an empty password.
 */
export function useStrengthHint(password: string, userId: string): StrengthHint {
  // Scored once typing pauses briefly: zxcvbn with typo matching over ~100k words is too much
  // work for every key on a slow machine.
  const settled = useSettled(password, SCORE_DELAY_MS);
  const [estimator, setEstimator] = useState<StrengthEstimator | 'loading' | 'unavailable'>('loading');
  useEffect(() => {
    let live = true;
    loadStrengthEstimator().then(
      (e) => live && setEstimator(() => e),
      () => live && setEstimator('unavailable'),
    );
    return () => {
      live = false;
    };
  }, []);
  return useMemo((): StrengthHint => {
    if (estimator === 'loading' || estimator === 'unavailable') return { state: estimator };
    if (!password || !settled) return { state: 'ready', score: null };
    const inputs = [userId, ...userId.split(/[@.]/)].filter((w) => w.length >= 3);
    return { state: 'ready', score: estimator(settled, inputs) };
  }, [estimator, password, settled, userId]);
}
