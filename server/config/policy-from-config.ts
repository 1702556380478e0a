import { applyPolicyPatch, type PolicyPatch } from '../policy/apply-patch.js';
import { defaultPolicy, type SsprPolicy, type Throttle } from '../policy/policy.js';
import type { PolicyConfig, PolicyKnobsConfig } from './policy-schema.js';

const MINUTE = 60_000;
const ms = (minutes: number | undefined): number | undefined => (minutes === undefined ? undefined : minutes * MINUTE);

type ThrottleConfig = { max?: number; windowMinutes?: number; blockMinutes?: number } | undefined;
const throttle = (t: ThrottleConfig): Partial<Throttle> | undefined =>
  t && { max: t.max, windowMs: ms(t.windowMinutes), blockMs: ms(t.blockMinutes) };

/** Keeps only the keys that were given, so a patch never overwrites a default with undefined. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The knobs of the file (human units: minutes, days) as a patch of the service's policy
 * (milliseconds). Used for the tenant policy and for each group override.
 */
export function policyPatchFromConfig(knobs: PolicyKnobsConfig): PolicyPatch {
  const { codes, questions, throttles: t = {} } = knobs;
  return defined<PolicyPatch>({
    methodsEnabled: knobs.methodsEnabled,
    methodsRequired: knobs.methodsRequired as 1 | 2 | undefined,
    registration: knobs.registration && defined(knobs.registration),
    maxAuthenticatorApps: knobs.maxAuthenticatorApps,
    totp: knobs.totp && defined(knobs.totp),
    codes:
      codes &&
      defined({
        smsDigits: codes.smsDigits,
        emailDigits: codes.emailDigits,
        smsLifetimeMs: ms(codes.smsLifetimeMinutes),
        emailLifetimeMs: ms(codes.emailLifetimeMinutes),
      }),
    questions:
      questions &&
      defined({
        ...questions,
        custom: questions.custom?.map((q) => ({ id: q.id, text: defined({ ...q.text }) as Record<string, string> })),
      }),
    password: knobs.password && defined(knobs.password),
    verifyFailures: throttle(t.verifyFailures),
    codeSends: throttle(t.codeSends),
    emailSends: throttle(t.emailSends),
    resetsPerAccount: throttle(t.resetsPerAccount),
    signInFailures: throttle(t.signInFailures),
    helpdeskRequests: throttle(t.helpdeskRequests),
    sessionLifetimeMs: ms(knobs.sessionLifetimeMinutes),
    resetLifetimeMs: ms(knobs.resetLifetimeMinutes),
    setupLifetimeMs: ms(knobs.setupLifetimeMinutes),
    showTriesLeft: knobs.showTriesLeft,
  });
}

/**
 * The tenant's SsprPolicy from the file's `policy` section: `defaultPolicy` (POLICY.md) with
 * the file's knobs laid over it, and the group overrides kept in order in `overrides` for
 * `policyForUser`. The section must have passed `serviceConfigSchema` (ranges) already.
 */
export function policyFromConfig(config: PolicyConfig = {}): SsprPolicy {
  const base = applyPolicyPatch(defaultPolicy, policyPatchFromConfig(config));
  const perAddress = throttle(config.throttles?.perAddress);
  const rule = config.ssprEnabledFor;
  const policy: SsprPolicy = {
    ...base,
    perAddress: { ...base.perAddress, ...(perAddress && defined(perAddress)) },
    ssprEnabledFor: rule === undefined ? base.ssprEnabledFor : typeof rule === 'string' ? { scope: rule } : { scope: 'groups', groups: rule.groups },
    adminGroups: config.adminGroups ?? base.adminGroups,
    hideAccountState: config.hideAccountState ?? base.hideAccountState,
  };
  if (config.groups?.length) policy.overrides = config.groups.map((g) => ({ match: g.match, policy: policyPatchFromConfig(g.policy as PolicyKnobsConfig) }));
  return policy;
}
