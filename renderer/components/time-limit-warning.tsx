import { useEffect, useId, useRef, useState } from 'react';

export interface TimeLimitWarningProps {
  /** When the time runs out (epoch ms); null: no limit now. */
  deadline: number | null;
  /** Show the warning this long before the deadline (WCAG 2.2.1: at least 20 s to answer). */
  warnBeforeMs: number;
  /** A request is in flight: never show, fire or expire meanwhile (its answer may move the deadline). */
  paused: boolean;
  title: string;
  body: (secondsLeft: number) => string;
  extendLabel: string;
  onExtend: () => void;
  restartLabel?: string;
  onRestart?: () => void;
  /** Called once when the deadline passes while not paused. */
  onExpire?: () => void;
  /** Stable name: `data-testid="time-limit-<name>"`. */
  name: string;
}

/** Seconds at which the countdown is read out again (besides its appearance). */
const ANNOUNCE_AT = [30, 10];

/**
 * The one time-limit warning (WCAG 2.2.1 Timing Adjustable): an alertdialog shown
 * `warnBeforeMs` before `deadline`, with a way to extend and, optionally, to start over.
 * Focus goes to the extend button when it appears and back where it was when it goes.
 * The visible countdown changes every second, but the polite live region only speaks on
 * appearance and at 30 s and 10 s — a per-second announcement would drown everything else.
 */
export function TimeLimitWarning({ deadline, warnBeforeMs, paused, title, body, extendLabel, onExtend, restartLabel, onRestart, onExpire, name }: TimeLimitWarningProps) {
  const now = useNow(deadline !== null && !paused);
  const titleId = useId();
  const bodyId = useId();
  const extend = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const lastAnnounced = useRef<number | null>(null);
  const expiredFor = useRef<number | null>(null);

  const left = deadline === null ? Infinity : deadline - now;
  const secondsLeft = Math.max(0, Math.ceil(left / 1000));
  const visible = deadline !== null && !paused && left <= warnBeforeMs && left > 0;

  // Expiry: once per deadline, never while a request is in flight.
  useEffect(() => {
    if (deadline === null || paused || left > 0 || expiredFor.current === deadline) return;
    expiredFor.current = deadline;
    onExpire?.();
  }, [deadline, paused, left, onExpire]);

  // Focus in on appearance, back out on disappearance.
  useEffect(() => {
    if (!visible) return;
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    extend.current?.focus();
    return () => {
      const back = returnFocus.current;
      returnFocus.current = null;
      if (back && back.isConnected) back.focus();
    };
  }, [visible]);

  // Speak on appearance and at the thresholds only.
  useEffect(() => {
    if (!visible) {
      lastAnnounced.current = null;
      setAnnouncement('');
      return;
    }
    const due = lastAnnounced.current === null || ANNOUNCE_AT.some((s) => secondsLeft <= s && lastAnnounced.current! > s);
    if (!due) return;
    lastAnnounced.current = secondsLeft;
    setAnnouncement(body(secondsLeft));
  }, [visible, secondsLeft, body]);

  return (
    <>
      {/* A live region without role="status": the screen's own status region stays the only one. */}
      <div aria-live="polite" aria-atomic="true" className="visually-hidden" data-testid={`time-limit-${name}-announcement`}>
        {announcement}
      </div>
      {visible && (
        <div role="alertdialog" aria-labelledby={titleId} aria-describedby={bodyId} className="time-limit-warning callout" data-testid={`time-limit-${name}`}>
          <h2 id={titleId}>{title}</h2>
          <p id={bodyId}>{body(secondsLeft)}</p>
          <div className="form-actions">
            <button type="button" ref={extend} onClick={onExtend}>
              {extendLabel}
            </button>
            {restartLabel && onRestart && (
              <button type="button" className="secondary" onClick={onRestart}>
                {restartLabel}
              </button>
            )}
          </div>
        </div>
      )}
    </>
  );
}

/** The clock, ticking each second while `running` (stopped: no timers under a paused warning). */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}
