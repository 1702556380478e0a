/**
 * Checks that span several fields, run once every field is in range: limits that must be
 * ordered, methods that need a channel, and the same for each group override as it would
 * apply on top of the tenant policy.
 */
import type { MethodType } from '../../contract/methods.js';
import { applyPolicyPatch } from '../policy/apply-patch.js';
import type { SsprPolicy } from '../policy/policy.js';
import type { ServiceConfig } from './config-schema.js';
import { policyFromConfig } from './policy-from-config.js';
import { isLoopbackHost } from './schema-helpers.js';

/** Problems of one effective policy, with `at` the path prefix to report them under. */
function policyProblems(p: SsprPolicy, at: string): string[] {
  const problems: string[] = [];
  if (p.questions.toAnswer > p.questions.toRegister)
    problems.push(`${at}.questions.toAnswer: at most questions.toRegister (${p.questions.toRegister}) (got ${p.questions.toAnswer})`);
  if (p.questions.minAnswerLength > p.questions.maxAnswerLength)
    problems.push(`${at}.questions.minAnswerLength: at most questions.maxAnswerLength (${p.questions.maxAnswerLength}) (got ${p.questions.minAnswerLength})`);
  if (p.password.minLength > p.password.maxLength) problems.push(`${at}.password.minLength: at most password.maxLength (${p.password.maxLength}) (got ${p.password.minLength})`);
  if (p.methodsEnabled.length < p.methodsRequired)
    problems.push(`${at}.methodsRequired: needs at least ${p.methodsRequired} enabled methods (methodsEnabled has ${p.methodsEnabled.length})`);
  // POLICY.md: security questions are "never alone".
  if (p.methodsEnabled.every((m) => m === 'questions')) problems.push(`${at}.methodsEnabled: security questions are never used alone; enable another method too`);
  return problems;
}

/** Every channel a method needs to work at all. */
const methodNeeds: Partial<Record<MethodType, (c: ServiceConfig) => string | undefined>> = {
  sms: (c) => (c.notify.sms ? undefined : 'notify.sms'),
  voice: (c) => (c.notify.voice ? undefined : 'notify.voice'),
  email: (c) => (c.notify.email ? undefined : 'notify.email'),
  securityKey: (c) => (c.webauthn ? undefined : 'webauthn'),
};

/** All cross-field problems of a schema-valid configuration; empty when it can be used. */
export function configProblems(config: ServiceConfig): string[] {
  const problems: string[] = [];
  const tenant = policyFromConfig(config.policy);
  const effective = [{ at: 'policy', policy: tenant }];
  (tenant.overrides ?? []).forEach((o, i) => effective.push({ at: `policy.groups[${i}].policy`, policy: applyPolicyPatch(tenant, o.policy) }));
  for (const { at, policy } of effective) {
    problems.push(...policyProblems(policy, at));
    for (const method of policy.methodsEnabled) {
      const missing = methodNeeds[method]?.(config);
      if (missing) problems.push(`${missing}: required because ${at}.methodsEnabled includes ${method}`);
    }
  }
  // Administrators need 2 methods other than questions, or none of them could ever reset.
  const adminUsable = tenant.methodsEnabled.filter((m) => m !== 'questions');
  if (tenant.adminGroups.length > 0 && adminUsable.length < 2)
    problems.push(`policy.methodsEnabled: administrators need 2 methods other than security questions (enabled: ${adminUsable.join(', ') || 'none'})`);
  const { host, tls, trustProxy } = config.server;
  if (!isLoopbackHost(host) && !tls && !trustProxy)
    problems.push(`server.tls: required when server.host (${host}) is not loopback, unless a TLS-terminating proxy is declared with server.trustProxy: true`);
  return [...new Set(problems)];
}
