/**
 * One authenticator app used several times in a test, as a phone would be: the service
 * accepts each 30-second step once and only within ±1 step of its clock, so every code here
 * is for a step never used before — the earliest one the service still accepts,
 * waiting for the clock only when the next step is not yet in reach.
 */
const PERIOD = 30;
const stepNow = () => Math.floor(Date.now() / 1000 / PERIOD);

export class AuthenticatorSteps {
  private last = -Infinity;

  /** Record a step spent outside this class (the code typed when the app was added). */
  spent(step: number): void {
    this.last = Math.max(this.last, step);
  }

  /** A fresh step, as the offset (seconds from now) for gates.ts's `passWith`, which asks oathtool. */
  async nextOffset(): Promise<number> {
    let now = stepNow();
    // The step behind the clock is accepted too, unless it will have left the window by the
    // time the code is typed (less than 8 s of the current step left).
    const secondsLeft = PERIOD - ((Date.now() / 1000) % PERIOD);
    const step = Math.max(this.last + 1, secondsLeft < 8 ? now : now - 1);
    while (step > now + 1) {
      await new Promise((r) => setTimeout(r, 1000));
      now = stepNow();
    }
    this.last = step;
    // The middle of the step, so oathtool's clock and ours agree on which step it is.
    return step * PERIOD + PERIOD / 2 - Date.now() / 1000;
  }
}
