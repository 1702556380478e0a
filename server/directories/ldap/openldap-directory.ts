/**
 * OpenLDAP (slapd with the ppolicy overlay) as the service's directory, through ldapts.
 * - find: a search under `userBase` with `userFilter` ({id} replaced, escaped) as the service account;
 * - state: locked (pwdAccountLockedTime), disabled (the administrative lock 000001010000Z),
 *   expired (pwdEndTime passed), must change (pwdReset under a pwdMustChange policy, or the
 *   password older than the policy's pwdMaxAge);
 * - verify: a bind as the user, with the ppolicy control (locked tells itself apart from wrong);
 * - reset: Password Modify (RFC 3062) as the service account; change: Password Modify with
 *   the old password, bound as the user — so slapd hashes and applies ppolicy in both. An
 *   expired password cannot bind: then the service account sends Password Modify with the
 *   old password, which slapd checks itself ("unwilling to verify old password" if wrong);
 * - unlock: delete `pwdAccountLockedTime` (never the administrative lock 000001010000Z);
 * - rules: the user's ppolicy entry (pwdPolicySubentry, else the configured default).
 */
import { Attribute, Change, ResultCodeError, type Client } from 'ldapts';
import type { AccountState, Directory, DirectoryPasswordRules, DirectoryUser, PasswordCheck, RefusalKind, WriteOutcome } from '../directory.js';
import { LdapConnections, type LdapConnectionOptions } from './ldap-connection.js';
import { filterValue, first, orUnreachable, unreachableWrite } from './ldap-values.js';
import { PasswordPolicyControl, type PpolicyError } from './ppolicy-control.js';
import { PASSWORD_MODIFY_OID, passwordModifyValue } from './password-modify.js';

export interface OpenLdapOptions extends LdapConnectionOptions {
  userBase: string;
  /** `{id}` is what the person typed, escaped: e.g. `(|(uid={id})(mail={id}))`. */
  userFilter: string;
  /** The attribute whose value is the user id the service keeps (e.g. uid). */
  userIdAttribute: string;
  displayNameAttribute: string;
  mailAttribute?: string;
  phoneAttribute?: string;
  groupBase: string;
  /** `{dn}` is the user's DN, escaped: e.g. `(member={dn})`. */
  groupFilter: string;
  groupNameAttribute: string;
  /** Members of these groups have their password elsewhere (federated, smart card only): PASSWORD_NOT_MANAGED. */
  unmanagedGroups?: string[];
  /** The ppolicy entry that applies when a user has no pwdPolicySubentry (slapd's ppolicy_default). */
  defaultPolicyDn?: string;
}

/** ppolicy's mark of an account locked by an administrator, not by failures: disabled. */
const ADMIN_LOCK = '000001010000Z';
/** How long a ppolicy entry's pwdMustChange and pwdMaxAge are kept (they change when IT edits the policy). */
const POLICY_KEEP_MS = 60_000;

/** LDAP GeneralizedTime (20250101000000Z, optional fraction) → epoch ms. */
export function generalizedTime(value: string | undefined): number | undefined {
  const m = value ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:[.,]\d+)?Z$/.exec(value) : null;
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : undefined;
}

interface PolicyFacts {
  mustChange: boolean;
  maxAgeSeconds: number;
}

function refusalOf(control: PasswordPolicyControl, e: unknown): { kind: RefusalKind; message: string } {
  const message = e instanceof Error ? e.message : String(e);
  const byControl: Partial<Record<PpolicyError, RefusalKind>> = {
    passwordTooShort: 'tooShort',
    insufficientPasswordQuality: 'quality',
    passwordInHistory: 'history',
    passwordTooYoung: 'tooYoung',
    accountLocked: 'locked',
    passwordModNotAllowed: 'rights',
    mustSupplyOldPassword: 'rights',
  };
  if (control.error && byControl[control.error]) return { kind: byControl[control.error]!, message };
  if (e instanceof ResultCodeError) {
    if (e.code === 50) return { kind: 'rights', message };
    if (/history/i.test(message)) return { kind: 'history', message };
    if (/too young/i.test(message)) return { kind: 'tooYoung', message };
    if (/too short/i.test(message)) return { kind: 'tooShort', message };
    if (/quality/i.test(message)) return { kind: 'quality', message };
  }
  return { kind: 'other', message };
}

interface FoundEntry {
  dn: string;
  user: DirectoryUser;
  policyDn?: string;
}

export class OpenLdapDirectory implements Directory {
  private readonly connections: LdapConnections;
  private readonly policies = new Map<string, { at: number; facts: Promise<PolicyFacts> }>();

  constructor(private readonly options: OpenLdapOptions) {
    this.connections = new LdapConnections(options);
  }

  private async find(userId: string): Promise<FoundEntry | null> {
    const o = this.options;
    const attributes = [o.userIdAttribute, o.displayNameAttribute, 'pwdAccountLockedTime', 'pwdReset', 'pwdPolicySubentry', 'pwdChangedTime', 'pwdEndTime', ...(o.mailAttribute ? [o.mailAttribute] : []), ...(o.phoneAttribute ? [o.phoneAttribute] : [])];
    return this.connections.asService('find user', async (client) => {
      const { searchEntries } = await client.search(o.userBase, { scope: 'sub', filter: o.userFilter.replaceAll('{id}', filterValue(userId.trim())), attributes, sizeLimit: 2 });
      // Two matches for one typed id: refuse rather than pick one (a reset must reach the right person).
      if (searchEntries.length !== 1) return null;
      const entry = searchEntries[0]!;
      const groups = await this.groupsOf(client, entry.dn);
      const locked = first(entry, 'pwdAccountLockedTime');
      const policyDn = first(entry, 'pwdPolicySubentry') ?? o.defaultPolicyDn;
      const policy = policyDn ? await this.policyFacts(client, policyDn) : { mustChange: false, maxAgeSeconds: 0 };
      const now = Date.now();
      const changedAt = generalizedTime(first(entry, 'pwdChangedTime'));
      const endsAt = generalizedTime(first(entry, 'pwdEndTime'));
      const state: AccountState = {
        locked: locked !== undefined && locked !== ADMIN_LOCK,
        disabled: locked === ADMIN_LOCK,
        expired: endsAt !== undefined && endsAt <= now,
        // slapd enforces pwdReset only under a policy with pwdMustChange (measured).
        mustChange: (policy.mustChange && first(entry, 'pwdReset') === 'TRUE') || (policy.maxAgeSeconds > 0 && changedAt !== undefined && changedAt + policy.maxAgeSeconds * 1000 <= now),
      };
      const mail = o.mailAttribute ? first(entry, o.mailAttribute) : undefined;
      const phone = o.phoneAttribute ? first(entry, o.phoneAttribute) : undefined;
      const id = first(entry, o.userIdAttribute) ?? userId;
      const user: DirectoryUser = {
        userId: id,
        displayName: first(entry, o.displayNameAttribute) ?? id,
        groups,
        passwordManaged: !groups.some((g) => (o.unmanagedGroups ?? []).includes(g)),
        state,
        ...(mail || phone ? { contact: { ...(mail ? { email: mail } : {}), ...(phone ? { phone } : {}) } } : {}),
      };
      return { dn: entry.dn, user, ...(policyDn ? { policyDn } : {}) };
    });
  }

  /** The parts of a ppolicy entry that make a password one that must change, kept a minute. */
  private policyFacts(client: Client, policyDn: string): Promise<PolicyFacts> {
    const kept = this.policies.get(policyDn);
    if (kept && Date.now() - kept.at < POLICY_KEEP_MS) return kept.facts;
    const facts = client.search(policyDn, { scope: 'base', attributes: ['pwdMustChange', 'pwdMaxAge'] }).then(
      ({ searchEntries: [p] }) => ({ mustChange: p !== undefined && first(p, 'pwdMustChange') === 'TRUE', maxAgeSeconds: Number((p && first(p, 'pwdMaxAge')) ?? 0) }),
      // A policy entry that cannot be read (absent, no rights) adds no state; an outage still fails the search below it.
      (e: unknown) => {
        this.policies.delete(policyDn);
        if (e instanceof ResultCodeError && (e.code === 32 || e.code === 50)) return { mustChange: false, maxAgeSeconds: 0 };
        throw e;
      },
    );
    this.policies.set(policyDn, { at: Date.now(), facts });
    return facts;
  }

  private async groupsOf(client: Client, dn: string): Promise<string[]> {
    const o = this.options;
    const { searchEntries } = await client.search(o.groupBase, { scope: 'sub', filter: o.groupFilter.replaceAll('{dn}', filterValue(dn)), attributes: [o.groupNameAttribute] });
    return searchEntries.map((g) => first(g, o.groupNameAttribute)).filter((g): g is string => g !== undefined);
  }

  async findUser(userId: string): Promise<DirectoryUser | null> {
    return (await this.find(userId))?.user ?? null;
  }

  async verifyPassword(userId: string, password: string): Promise<PasswordCheck> {
    const found = await this.find(userId);
    // Unknown user: still one bind (to a DN that cannot exist), so timing does not tell who exists.
    const dn = found?.dn ?? `${this.options.userIdAttribute}=no-such-user,${this.options.userBase}`;
    const control = new PasswordPolicyControl();
    const bound = await this.connections.asUser(dn, password, [control], async () => undefined);
    if (!found) return 'invalid';
    // A bind that succeeds after an administrator's reset under pwdMustChange allows nothing but a change.
    if (bound.bound) return control.error === 'changeAfterReset' ? 'mustChange' : 'ok';
    if (control.error === 'accountLocked') return this.lockedAs(found.user);
    if (control.error === 'passwordExpired') return 'mustChange';
    return 'invalid';
  }

  /**
   * ppolicy answers "account locked" for a failure lockout, the administrative lock and a
   * passed pwdEndTime alike — and before it checks the password: the entry tells them apart.
   */
  private lockedAs(user: DirectoryUser): 'locked' | 'disabled' | 'expired' {
    if (user.state?.disabled) return 'disabled';
    if (user.state?.expired) return 'expired';
    return 'locked';
  }

  resetPassword(userId: string, newPassword: string): Promise<WriteOutcome> {
    return orUnreachable(() => this.reset(userId, newPassword));
  }

  private async reset(userId: string, newPassword: string): Promise<WriteOutcome> {
    const found = await this.find(userId);
    if (!found) return { ok: false, kind: 'other', message: 'The account was not found in the directory' };
    const control = new PasswordPolicyControl();
    try {
      await this.connections.asService('reset password', (client) => client.exop(PASSWORD_MODIFY_OID, passwordModifyValue({ userDn: found.dn, newPassword }), [control]));
      return { ok: true };
    } catch (e) {
      if (!(e instanceof ResultCodeError)) return unreachableWrite(e);
      return { ok: false, ...refusalOf(control, e) };
    }
  }

  changePassword(userId: string, oldPassword: string, newPassword: string): Promise<WriteOutcome | { ok: false; wrongPassword: true }> {
    return orUnreachable(() => this.change(userId, oldPassword, newPassword));
  }

  private async change(userId: string, oldPassword: string, newPassword: string): Promise<WriteOutcome | { ok: false; wrongPassword: true }> {
    const found = await this.find(userId);
    if (!found) return { ok: false, wrongPassword: true };
    const bindControl = new PasswordPolicyControl();
    const changeControl = new PasswordPolicyControl();
    try {
      const result = await this.connections.asUser(found.dn, oldPassword, [bindControl], (client) =>
        client.exop(PASSWORD_MODIFY_OID, passwordModifyValue({ oldPassword, newPassword }), [changeControl]),
      );
      if (!result.bound) {
        if (bindControl.error === 'accountLocked') {
          const as = this.lockedAs(found.user);
          return { ok: false, kind: as === 'locked' ? 'locked' : 'disabled', message: result.error.message };
        }
        if (bindControl.error === 'passwordExpired') return this.changeExpired(found.dn, oldPassword, newPassword);
        return { ok: false, wrongPassword: true };
      }
      return { ok: true };
    } catch (e) {
      if (!(e instanceof ResultCodeError)) return unreachableWrite(e);
      return { ok: false, ...refusalOf(changeControl, e) };
    }
  }

  /**
   * An expired password cannot bind, so the user cannot send the change: the service account
   * sends Password Modify with the old password, and slapd checks it (measured: a wrong one is
   * "unwilling to verify old password", result 53). ppolicy then treats the change as an
   * administrator's: pwdMinAge does not apply, and under pwdMustChange slapd may mark it pwdReset.
   */
  private async changeExpired(dn: string, oldPassword: string, newPassword: string): Promise<WriteOutcome | { ok: false; wrongPassword: true }> {
    const control = new PasswordPolicyControl();
    try {
      await this.connections.asService('change expired password', (client) => client.exop(PASSWORD_MODIFY_OID, passwordModifyValue({ userDn: dn, oldPassword, newPassword }), [control]));
      return { ok: true };
    } catch (e) {
      if (!(e instanceof ResultCodeError)) return unreachableWrite(e);
      if (e.code === 53 && /old password/i.test(e.message)) return { ok: false, wrongPassword: true };
      return { ok: false, ...refusalOf(control, e) };
    }
  }

  unlock(userId: string): Promise<WriteOutcome> {
    return orUnreachable(() => this.unlockNow(userId));
  }

  private async unlockNow(userId: string): Promise<WriteOutcome> {
    const found = await this.find(userId);
    if (!found) return { ok: false, kind: 'other', message: 'The account was not found in the directory' };
    if (found.user.state?.disabled) return { ok: false, kind: 'disabled', message: 'The account is locked by an administrator' };
    if (!found.user.state?.locked) return { ok: true };
    try {
      await this.connections.asService('unlock', (client) => client.modify(found.dn, new Change({ operation: 'delete', modification: new Attribute({ type: 'pwdAccountLockedTime', values: [] }) })));
      return { ok: true };
    } catch (e) {
      if (!(e instanceof ResultCodeError)) return unreachableWrite(e);
      if (e.code === 16) return { ok: true }; // noSuchAttribute: unlocked in between
      return { ok: false, kind: e.code === 50 ? 'rights' : 'other', message: e.message };
    }
  }

  async passwordRules(userId?: string): Promise<DirectoryPasswordRules> {
    const policyDn = (userId ? (await this.find(userId))?.policyDn : undefined) ?? this.options.defaultPolicyDn;
    if (!policyDn) return {};
    return this.connections.asService('read password policy', async (client) => {
      const { searchEntries } = await client.search(policyDn, { scope: 'base', attributes: ['pwdMinLength', 'pwdInHistory', 'pwdMinAge', 'pwdCheckQuality'] });
      const entry = searchEntries[0];
      if (!entry) return {};
      const num = (a: string) => (first(entry, a) !== undefined ? Number(first(entry, a)) : undefined);
      const rules: DirectoryPasswordRules = { source: `ppolicy ${policyDn}` };
      const minLength = num('pwdMinLength');
      const history = num('pwdInHistory');
      const minAge = num('pwdMinAge');
      if (minLength !== undefined) rules.minLength = minLength;
      if (history !== undefined) rules.history = history;
      if (minAge !== undefined) rules.minAgeSeconds = minAge;
      return rules;
    });
  }

  async close(): Promise<void> {
    await this.connections.close();
  }
}
