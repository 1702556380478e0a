/**
 * Checks that span several fields, run once every field is in range: limits that must be
 * ordered, methods and the helpdesk mail that need a channel, a listener that needs TLS, and
 * the same for each group override as it would apply on top of the tenant policy. Each
 * problem names the field and the fix. `--check` and the start both refuse on any of them.
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

/** What a method needs to work at all: the missing section and how to fill it. */
const methodNeeds: Partial<Record<MethodType, (c: ServiceConfig) => { field: string; fix: string } | undefined>> = {
  sms: (c) => (c.notify.sms ? undefined : { field: 'notify.sms', fix: 'configure notify.sms (kind: http, a text-message provider)' }),
  voice: (c) => (c.notify.voice ? undefined : { field: 'notify.voice', fix: 'configure notify.voice (kind: http, a phone-call provider)' }),
  email: (c) => (c.notify.email ? undefined : { field: 'notify.email', fix: 'configure notify.email (kind: smtp)' }),
  securityKey: (c) => (c.webauthn ? undefined : { field: 'webauthn', fix: 'configure webauthn { rpId, rpName, origins }' }),
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
      if (missing) problems.push(`${missing.field}: required because ${at}.methodsEnabled includes ${method}; ${missing.fix}, or remove ${method} from ${at}.methodsEnabled`);
    }
  }
  // Administrators need 2 methods other than questions, or none of them could ever reset.
  const adminUsable = tenant.methodsEnabled.filter((m) => m !== 'questions');
  if (tenant.adminGroups.length > 0 && adminUsable.length < 2)
    problems.push(`policy.methodsEnabled: administrators need 2 methods other than security questions (enabled: ${adminUsable.join(', ') || 'none'})`);
  // A call's caller id must be a phone number: providers take an alphanumeric sender id for texts only.
  if (config.notify.voice?.kind === 'http' && !config.notify.voice.from.startsWith('+'))
    problems.push(`notify.voice.from: a phone call needs a phone number as caller (E.164, e.g. +14255550199), not the sender id "${config.notify.voice.from}" (sender ids work for texts only)`);
  // Every helpdesk request mails tenant.helpdesk.email: without a mail channel each one would fail.
  if (config.tenant.helpdesk.email && !config.notify.email)
    problems.push('notify.email: required because tenant.helpdesk.email is set (helpdesk requests are mailed there); configure notify.email (kind: smtp), or remove tenant.helpdesk.email');
  const d = config.directory;
  if (d.kind !== 'memory') {
    const ldapHost = /^ldaps?:\/\/\[?([^\]/:]+)/.exec(d.url)?.[1] ?? '';
    if (d.url.startsWith('ldap:') && !d.startTls && !isLoopbackHost(ldapHost))
      problems.push(`directory.url: passwords would cross the network in clear to ${ldapHost}; use ldaps:// or set directory.startTls: true`);
    if (d.url.startsWith('ldaps:') && d.startTls) problems.push('directory.startTls: ldaps:// is TLS already; remove startTls or use ldap://');
    if (d.kind === 'activeDirectory' && d.url.startsWith('ldap:') && !d.startTls)
      problems.push('directory.url: Active Directory accepts password writes only over TLS; use ldaps:// or set directory.startTls: true');
  }
  // The memory directory lives in each process: with a store shared by several instances, a reset
  // through one would leave the old password working on the others.
  if (d.kind === 'memory' && config.store.kind === 'postgres')
    problems.push('directory.kind: the memory directory is per process, so instances sharing store.kind: postgres would disagree on passwords; use directory.kind: openldap or activeDirectory (the memory directory is for demos and tests)');
  const { host, tls, trustedProxies } = config.server;
  if (!isLoopbackHost(host) && !tls && trustedProxies.length === 0)
    problems.push(
      `server.tls: required when server.host (${host}) is not loopback; give the service a certificate (server.tls { certFile, keyFile }), or list the TLS-terminating proxy in front of it in server.trustedProxies`,
    );
  return [...new Set(problems)];
}
