/**
 * A clock the test moves by hand. Starts mid-way through a 30-second TOTP step so a code made
 * "now" is never on a step boundary.
 */
export interface FakeClock {
  (): number;
  advance(ms: number): void;
  set(ms: number): void;
}

/** 2026-03-02T09:00:10Z: a fixed instant, 10 s into a TOTP step. */
export const FAKE_CLOCK_START = Date.UTC(2026, 2, 2, 9, 0, 10);

export function createFakeClock(start = FAKE_CLOCK_START): FakeClock {
  let now = start;
  const clock = (() => now) as FakeClock;
  clock.advance = (ms) => {
    now += ms;
  };
  clock.set = (ms) => {
    now = ms;
  };
  return clock;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
