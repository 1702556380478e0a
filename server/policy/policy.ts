/**
 * The SSPR policy of one tenant. Defaults follow ../shared/POLICY.md; the full policy file
 * (per-group overrides, every knob with its range) arrives with the complete service.
 */
import type { MethodType } from '../../contract/methods.js';

export interface SsprPolicy {
  /** Who may reset their own password: nobody, members of these groups, or everybody. */
  ssprEnabledFor: { scope: 'none' } | { scope: 'all' } | { scope: 'groups'; groups: string[] };
  methodsEnabled: MethodType[];
  methodsRequired: 1 | 2;
  maxAuthenticatorApps: number;
  totp: { algorithm: 'SHA1'; digits: 6; period: 30; window: 1; secretBytes: number };
  password: { minLength: number; maxLength: number; disallowUserName: boolean; blockCommon: boolean };
  /** Failed verifications of one method before it is blocked, per window. */
  verifyFailures: { max: number; windowMs: number; blockMs: number };
  /** Failed password sign-ins before the account is throttled. */
  signInFailures: { max: number; windowMs: number; blockMs: number };
  sessionLifetimeMs: number;
  resetLifetimeMs: number;
  setupLifetimeMs: number;
  hideAccountState: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const defaultPolicy: SsprPolicy = {
  ssprEnabledFor: { scope: 'all' },
  methodsEnabled: ['authenticatorApp', 'sms', 'voice', 'securityKey', 'email'],
  methodsRequired: 1,
  maxAuthenticatorApps: 5,
  // 20 bytes = 160 bits, above the 128-bit floor of POLICY.md.
  totp: { algorithm: 'SHA1', digits: 6, period: 30, window: 1, secretBytes: 20 },
  password: { minLength: 8, maxLength: 256, disallowUserName: true, blockCommon: true },
  verifyFailures: { max: 5, windowMs: HOUR, blockMs: 24 * HOUR },
  signInFailures: { max: 10, windowMs: 15 * MINUTE, blockMs: MINUTE },
  sessionLifetimeMs: 15 * MINUTE,
  resetLifetimeMs: 15 * MINUTE,
  setupLifetimeMs: 10 * MINUTE,
  hideAccountState: false,
};

/** Whether self-service reset is enabled for a user in these groups. */
export function isSsprEnabled(policy: SsprPolicy, groups: readonly string[]): boolean {
  const rule = policy.ssprEnabledFor;
  switch (rule.scope) {
    case 'none':
      return false;
    case 'all':
      return true;
    case 'groups':
      return rule.groups.some((g) => groups.includes(g));
  }
}
