/**
 * The shell's own texts: lock-screen mode and the idle warning (`lockScreen.*`, `idle.*`).
 * English here; zh-TW in ./strings.zh-tw.ts with exactly these keys (typed, and unit-tested).
 */
export const lockScreenEn = {
  title: 'Get back into your account',
  intro: 'Reset a password you forgot, or unlock your account, with the security info you registered.',
};

export const idleEn = {
  warningTitle: 'Are you still there?',
  warningBody_one: 'For your security, what you entered will be cleared in {{count}} second.',
  warningBody_other: 'For your security, what you entered will be cleared in {{count}} seconds.',
  keepGoing: 'Keep going',
  cleared: 'For your security, what you entered was cleared.',
};
