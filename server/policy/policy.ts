/**
 * The SSPR policy of one tenant: every knob of ../shared/POLICY.md with its default. The
 * policy file (server/config/) validates ranges and merges per-group overrides into this
 * shape; `policyForUser` picks the effective policy for one user.
 */
import type { MethodType } from '../../contract/methods.js';
import { applyPolicyPatch, type PolicyPatch } from './apply-patch.js';

export type { PolicyPatch } from './apply-patch.js';

export interface Throttle {
  /** Events allowed within the window before the block. */
  max: number;
  windowMs: number;
  /** How long the block lasts once the limit is reached. */
  blockMs: number;
}

export interface SsprPolicy {
  /** Who may reset their own password: nobody, members of these groups, or everybody. */
  ssprEnabledFor: { scope: 'none' } | { scope: 'all' } | { scope: 'groups'; groups: string[] };
  /** Members of these groups are administrators: always 2 methods, never security questions. */
  adminGroups: string[];
  methodsEnabled: MethodType[];
  methodsRequired: 1 | 2;
  registration: {
    /** Ask users without enough methods to register when the app starts. */
    requireAtLaunch: boolean;
    /** How many times a user may skip that request (PWM FORCE_ALLOW_SKIP). */
    allowedSkips: number;
    /** Ask users to confirm their security info every N days; 0 = never. */
    reconfirmDays: number;
  };
  maxAuthenticatorApps: number;
  totp: { algorithm: 'SHA1'; digits: 6; period: 30; window: 1; secretBytes: number };
  codes: {
    /** Digits of a one-time code sent by text or call, and by email. */
    smsDigits: number;
    emailDigits: number;
    smsLifetimeMs: number;
    emailLifetimeMs: number;
  };
  questions: {
    /** How many the user answers when registering, and how many are asked at reset. */
    toRegister: number;
    toAnswer: number;
    minAnswerLength: number;
    maxAnswerLength: number;
    /** Custom questions, besides the predefined pool; each with its translations. */
    custom: { id: string; text: Record<string, string> }[];
  };
  password: { minLength: number; maxLength: number; disallowUserName: boolean; blockCommon: boolean };
  /** Failed verifications of one method (POLICY.md: 5 per hour → blocked 24 h). */
  verifyFailures: Throttle;
  /** Codes sent per method (resend replaces the previous code). */
  codeSends: Throttle;
  emailSends: Throttle;
  /** Reset attempts started per account. */
  resetsPerAccount: Throttle;
  /** Requests per client address to the unauthenticated routes. */
  perAddress: Throttle;
  /** Failed password sign-ins before the account is throttled. */
  signInFailures: Throttle;
  sessionLifetimeMs: number;
  resetLifetimeMs: number;
  setupLifetimeMs: number;
  /** Same answer for unknown and known accounts, and for every account state. */
  hideAccountState: boolean;
  /** A wrong code or answer says how many tries are left before the method is blocked (off: the seed, like Entra, does not say). */
  showTriesLeft: boolean;
  /** Helpdesk requests per account. */
  helpdeskRequests: Throttle;
  /**
   * Per-group overrides from the policy file, applied in order by `policyForUser` to users in
   * any of `match`. Absent (or already applied) in an effective per-user policy.
   */
  overrides?: GroupOverride[];
}

/** Knobs a group override may change (see `PolicyPatch` for those it may not). */
export interface GroupOverride {
  /** Group names; the override applies to a user in at least one of them. */
  match: string[];
  policy: PolicyPatch;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const defaultPolicy: SsprPolicy = {
  ssprEnabledFor: { scope: 'all' },
  adminGroups: [],
  methodsEnabled: ['authenticatorApp', 'sms', 'voice', 'securityKey', 'email'],
  methodsRequired: 1,
  registration: { requireAtLaunch: true, allowedSkips: 0, reconfirmDays: 180 },
  maxAuthenticatorApps: 5,
  // 20 bytes = 160 bits, above the 128-bit floor of POLICY.md.
  totp: { algorithm: 'SHA1', digits: 6, period: 30, window: 1, secretBytes: 20 },
  codes: { smsDigits: 6, emailDigits: 8, smsLifetimeMs: 5 * MINUTE, emailLifetimeMs: 10 * MINUTE },
  questions: { toRegister: 3, toAnswer: 3, minAnswerLength: 3, maxAnswerLength: 40, custom: [] },
  password: { minLength: 8, maxLength: 256, disallowUserName: true, blockCommon: true },
  verifyFailures: { max: 5, windowMs: HOUR, blockMs: DAY },
  codeSends: { max: 5, windowMs: HOUR, blockMs: HOUR },
  emailSends: { max: 10, windowMs: 10 * MINUTE, blockMs: 10 * MINUTE },
  resetsPerAccount: { max: 5, windowMs: HOUR, blockMs: HOUR },
  perAddress: { max: 300, windowMs: 10 * MINUTE, blockMs: 10 * MINUTE },
  signInFailures: { max: 10, windowMs: 15 * MINUTE, blockMs: MINUTE },
  sessionLifetimeMs: 15 * MINUTE,
  resetLifetimeMs: 15 * MINUTE,
  setupLifetimeMs: 10 * MINUTE,
  hideAccountState: false,
  showTriesLeft: false,
  helpdeskRequests: { max: 1, windowMs: MINUTE, blockMs: MINUTE },
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

export const isAdmin = (policy: SsprPolicy, groups: readonly string[]): boolean => policy.adminGroups.some((g) => groups.includes(g));

/**
 * The policy that applies to one user: the tenant's policy, then each group override whose
 * `match` meets the user's groups (in file order, later ones win), then the administrator
 * rule LAST so no override can weaken it: administrators always need 2 methods and may never
 * use security questions (POLICY.md). The result has no `overrides` (they are applied).
 */
export function policyForUser(policy: SsprPolicy, groups: readonly string[]): SsprPolicy {
  const { overrides = [], ...base } = policy;
  let effective: SsprPolicy = base;
  for (const override of overrides) {
    if (override.match.some((g) => groups.includes(g))) effective = applyPolicyPatch(effective, override.policy);
  }
  // Overrides are checked one by one at load time; a combination could still ask for more
  // answers than were registered, which no user could ever satisfy.
  if (effective.questions.toAnswer > effective.questions.toRegister) {
    effective = { ...effective, questions: { ...effective.questions, toAnswer: effective.questions.toRegister } };
  }
  if (!isAdmin(policy, groups)) return effective;
  return { ...effective, methodsRequired: 2, methodsEnabled: effective.methodsEnabled.filter((m) => m !== 'questions') };
}
