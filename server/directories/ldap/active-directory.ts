/**
 * Active Directory (or Samba AD) as the service's directory, over LDAPS through ldapts.
 * - find: sAMAccountName, userPrincipalName or mail; state from userAccountControl,
 *   msDS-User-Account-Control-Computed, pwdLastSet and accountExpires;
 * - verify: a bind as the user; AD's "data" codes (52e, 775, 533, 532, 773, 701) tell wrong,
 *   locked, disabled, expired and must-change apart;
 * - reset: replace unicodePwd as the service account ("Reset password" right); change: as
 *   the user, delete the old unicodePwd and add the new one (AD then checks the old one and
 *   applies history) — a password that must change (532, 773) cannot bind, so then the same
 *   delete/add is sent as the service account, and AD still checks the old password itself;
 *   unlock: lockoutTime = 0 ("Write lockoutTime");
 * - rules: the fine-grained policy (msDS-ResultantPSO) when one applies, else the domain's.
 * AD accepts password writes only over an encrypted connection: ldaps:// or StartTLS.
 */
import { Attribute, Change, ResultCodeError } from 'ldapts';
import type { AccountState, Directory, DirectoryPasswordRules, DirectoryUser, PasswordCheck, RefusalKind, WriteOutcome } from '../directory.js';
import { LdapConnections, type LdapConnectionOptions } from './ldap-connection.js';
import { all, filterValue, first, orUnreachable, unreachableWrite } from './ldap-values.js';

export interface ActiveDirectoryOptions extends LdapConnectionOptions {
  /** Where users are searched, e.g. DC=contoso,DC=com or an OU. */
  userBase: string;
  /** The domain's head (DC=…), where the default password policy lives. */
  domainBase: string;
  /** The attribute the service keeps as the user id. */
  userIdAttribute: 'userPrincipalName' | 'sAMAccountName' | 'mail';
  phoneAttribute?: 'mobile' | 'telephoneNumber';
  /** Members of these groups have their password elsewhere: PASSWORD_NOT_MANAGED. */
  unmanagedGroups?: string[];
}

const UAC_ACCOUNTDISABLE = 0x2;
const UAC_SMARTCARD_REQUIRED = 0x40000;
const COMPUTED_LOCKOUT = 0x10;
const COMPUTED_PASSWORD_EXPIRED = 0x800000;
/** accountExpires: 0 or this mean "never". */
const NEVER = 0x7fffffffffffffffn;
/** Windows FILETIME (100 ns since 1601) of the Unix epoch. */
const EPOCH_FILETIME = 116444736000000000n;

/** CN=it-admins,CN=Users,DC=… → it-admins */
const cnOf = (dn: string): string => /^CN=((?:\\.|[^,])+)/i.exec(dn)?.[1]?.replace(/\\(.)/g, '$1') ?? dn;
/** AD's password attribute: the password in double quotes, UTF-16LE. */
const unicodePwd = (password: string): Buffer => Buffer.from(`"${password}"`, 'utf16le');

/** AD's answer to a change whose old password is wrong: "00000056: Constraint violation … old password … doesn't match". */
const isWrongOldPassword = (e: ResultCodeError): boolean => /^00000056/.test(e.message);

/** The "data XXX" code in an AD bind error ("80090308: LdapErr: DSID-…, data 775, v…"). */
const dataCode = (message: string): string | undefined => /data ([0-9a-f]{3,8})/i.exec(message)?.[1]?.toLowerCase();

/** AD's refusal of a password write, kept in its own words. */
function refusalOf(e: ResultCodeError): { kind: RefusalKind; message: string } {
  const message = e.message;
  // A change refused because the account is locked out (Samba: "00000775: Password change not permitted…").
  if (/^00000775/.test(message)) return { kind: 'locked', message };
  if (e.code === 50 || /^00000005/.test(message) || /insufficient/i.test(message)) return { kind: 'rights', message };
  if (e.code === 19 || /0000052D/i.test(message)) {
    // Windows says only 0000052D; Samba adds which restriction — use it when it is there.
    if (/too short|minimum.*length/i.test(message)) return { kind: 'tooShort', message };
    if (/history/i.test(message)) return { kind: 'history', message };
    if (/too young|minimum.*age/i.test(message)) return { kind: 'tooYoung', message };
    return { kind: 'quality', message };
  }
  const data = dataCode(message);
  if (data === '775') return { kind: 'locked', message };
  if (data === '533') return { kind: 'disabled', message };
  return { kind: 'other', message };
}

interface FoundEntry {
  dn: string;
  user: DirectoryUser;
  pso?: string;
}

export class ActiveDirectory implements Directory {
  private readonly connections: LdapConnections;

  constructor(private readonly options: ActiveDirectoryOptions) {
    this.connections = new LdapConnections(options);
  }

  private async find(userId: string): Promise<FoundEntry | null> {
    const o = this.options;
    const id = filterValue(userId.trim());
    const filter = `(&(objectCategory=person)(objectClass=user)(|(sAMAccountName=${id})(userPrincipalName=${id})(mail=${id})))`;
    const attributes = ['sAMAccountName', 'userPrincipalName', 'mail', 'displayName', 'memberOf', 'userAccountControl', 'msDS-User-Account-Control-Computed', 'pwdLastSet', 'accountExpires', 'msDS-ResultantPSO', ...(o.phoneAttribute ? [o.phoneAttribute] : [])];
    const entries = await this.connections.asService('find user', async (client) => (await client.search(o.userBase, { scope: 'sub', filter, attributes, sizeLimit: 2 })).searchEntries);
    if (entries.length !== 1) return null;
    const entry = entries[0]!;
    const uac = Number(first(entry, 'userAccountControl') ?? 0);
    const computed = Number(first(entry, 'msDS-User-Account-Control-Computed') ?? 0);
    const expires = BigInt(first(entry, 'accountExpires') ?? '0');
    const expiredAt = expires === 0n || expires >= NEVER ? null : Number((expires - EPOCH_FILETIME) / 10_000n);
    const state: AccountState = {
      locked: (computed & COMPUTED_LOCKOUT) !== 0,
      disabled: (uac & UAC_ACCOUNTDISABLE) !== 0,
      expired: expiredAt !== null && expiredAt <= Date.now(),
      mustChange: first(entry, 'pwdLastSet') === '0' || (computed & COMPUTED_PASSWORD_EXPIRED) !== 0,
    };
    const groups = all(entry, 'memberOf').map(cnOf);
    const mail = first(entry, 'mail');
    const phone = o.phoneAttribute ? first(entry, o.phoneAttribute) : undefined;
    const userIdValue = first(entry, o.userIdAttribute) ?? first(entry, 'sAMAccountName') ?? userId;
    const user: DirectoryUser = {
      userId: userIdValue,
      displayName: first(entry, 'displayName') ?? userIdValue,
      groups,
      // A smart-card-only account has no password a person knows: managed elsewhere.
      passwordManaged: (uac & UAC_SMARTCARD_REQUIRED) === 0 && !groups.some((g) => (o.unmanagedGroups ?? []).includes(g)),
      state,
      ...(mail || phone ? { contact: { ...(mail ? { email: mail } : {}), ...(phone ? { phone } : {}) } } : {}),
    };
    const pso = first(entry, 'msDS-ResultantPSO');
    return { dn: entry.dn, user, ...(pso ? { pso } : {}) };
  }

  async findUser(userId: string): Promise<DirectoryUser | null> {
    return (await this.find(userId))?.user ?? null;
  }

  async verifyPassword(userId: string, password: string): Promise<PasswordCheck> {
    const found = await this.find(userId);
    // An unknown user still costs one bind, so timing does not tell who exists.
    const bound = await this.connections.asUser(found?.dn ?? `CN=no-such-user,${this.options.userBase}`, password, [], async () => undefined);
    if (!found) return 'invalid';
    if (bound.bound) return 'ok';
    switch (dataCode(bound.error.message)) {
      case '775':
        return 'locked';
      case '533':
        return 'disabled';
      case '701':
        return 'expired';
      case '532':
      case '773':
        return 'mustChange';
      default:
        return 'invalid';
    }
  }

  resetPassword(userId: string, newPassword: string): Promise<WriteOutcome> {
    return orUnreachable(() => this.reset(userId, newPassword));
  }

  private async reset(userId: string, newPassword: string): Promise<WriteOutcome> {
    const found = await this.find(userId);
    if (!found) return { ok: false, kind: 'other', message: 'The account was not found in the directory' };
    try {
      await this.connections.asService('reset password', (client) => client.modify(found.dn, new Change({ operation: 'replace', modification: new Attribute({ type: 'unicodePwd', values: [unicodePwd(newPassword)] }) })));
      return { ok: true };
    } catch (e) {
      if (!(e instanceof ResultCodeError)) return unreachableWrite(e);
      return { ok: false, ...refusalOf(e) };
    }
  }

  changePassword(userId: string, oldPassword: string, newPassword: string): Promise<WriteOutcome | { ok: false; wrongPassword: true }> {
    return orUnreachable(() => this.change(userId, oldPassword, newPassword));
  }

  private async change(userId: string, oldPassword: string, newPassword: string): Promise<WriteOutcome | { ok: false; wrongPassword: true }> {
    const found = await this.find(userId);
    if (!found) return { ok: false, wrongPassword: true };
    try {
      const result = await this.connections.asUser(found.dn, oldPassword, [], (client) =>
        client.modify(found.dn, [
          new Change({ operation: 'delete', modification: new Attribute({ type: 'unicodePwd', values: [unicodePwd(oldPassword)] }) }),
          new Change({ operation: 'add', modification: new Attribute({ type: 'unicodePwd', values: [unicodePwd(newPassword)] }) }),
        ]),
      );
      if (!result.bound) {
        const data = dataCode(result.error.message);
        if (data === '775') return { ok: false, kind: 'locked', message: result.error.message };
        if (data === '533' || data === '701') return { ok: false, kind: 'disabled', message: result.error.message };
        if (data === '532' || data === '773') return this.changeAsService(found.dn, oldPassword, newPassword);
        return { ok: false, wrongPassword: true };
      }
      return { ok: true };
    } catch (e) {
      if (!(e instanceof ResultCodeError)) return unreachableWrite(e);
      if (isWrongOldPassword(e)) return { ok: false, wrongPassword: true };
      return { ok: false, ...refusalOf(e) };
    }
  }

  /**
   * A password that expired or must change at next sign-in cannot bind (data 532, 773): the
   * service account sends the user's delete-old/add-new itself. It is a change, not a reset —
   * AD checks the old password (a wrong one is 00000056) and applies history, length and age,
   * as it would for the user; any authenticated account has "Change Password" on users by default.
   */
  private async changeAsService(dn: string, oldPassword: string, newPassword: string): Promise<WriteOutcome | { ok: false; wrongPassword: true }> {
    try {
      await this.connections.asService('change expired password', (client) =>
        client.modify(dn, [
          new Change({ operation: 'delete', modification: new Attribute({ type: 'unicodePwd', values: [unicodePwd(oldPassword)] }) }),
          new Change({ operation: 'add', modification: new Attribute({ type: 'unicodePwd', values: [unicodePwd(newPassword)] }) }),
        ]),
      );
      return { ok: true };
    } catch (e) {
      if (!(e instanceof ResultCodeError)) return unreachableWrite(e);
      if (isWrongOldPassword(e)) return { ok: false, wrongPassword: true };
      return { ok: false, ...refusalOf(e) };
    }
  }

  unlock(userId: string): Promise<WriteOutcome> {
    return orUnreachable(() => this.unlockNow(userId));
  }

  private async unlockNow(userId: string): Promise<WriteOutcome> {
    const found = await this.find(userId);
    if (!found) return { ok: false, kind: 'other', message: 'The account was not found in the directory' };
    if (found.user.state?.disabled) return { ok: false, kind: 'disabled', message: 'The account is disabled' };
    // Not locked (msDS-User-Account-Control-Computed says so): no write, which on a real domain
    // would be replicated to every DC for nothing.
    if (!found.user.state?.locked) return { ok: true };
    try {
      await this.connections.asService('unlock', (client) => client.modify(found.dn, new Change({ operation: 'replace', modification: new Attribute({ type: 'lockoutTime', values: ['0'] }) })));
      return { ok: true };
    } catch (e) {
      if (!(e instanceof ResultCodeError)) return unreachableWrite(e);
      return { ok: false, ...refusalOf(e) };
    }
  }

  async passwordRules(userId?: string): Promise<DirectoryPasswordRules> {
    const pso = userId ? (await this.find(userId))?.pso : undefined;
    return this.connections.asService('read password policy', async (client) => {
      // AD keeps ages as negative 100-ns intervals.
      const seconds = (v: string | undefined) => (v === undefined ? undefined : Math.round(Math.abs(Number(v)) / 10_000_000));
      if (pso) {
        const [e] = (await client.search(pso, { scope: 'base', attributes: ['cn', 'msDS-MinimumPasswordLength', 'msDS-PasswordComplexityEnabled', 'msDS-PasswordHistoryLength', 'msDS-MinimumPasswordAge'] })).searchEntries;
        if (e) return { minLength: Number(first(e, 'msDS-MinimumPasswordLength') ?? 0), complexity: first(e, 'msDS-PasswordComplexityEnabled') === 'TRUE', history: Number(first(e, 'msDS-PasswordHistoryLength') ?? 0), minAgeSeconds: seconds(first(e, 'msDS-MinimumPasswordAge')) ?? 0, source: `fine-grained policy ${first(e, 'cn') ?? pso}` };
      }
      const [d] = (await client.search(this.options.domainBase, { scope: 'base', attributes: ['minPwdLength', 'pwdProperties', 'pwdHistoryLength', 'minPwdAge'] })).searchEntries;
      if (!d) return {};
      return { minLength: Number(first(d, 'minPwdLength') ?? 0), complexity: (Number(first(d, 'pwdProperties') ?? 0) & 1) === 1, history: Number(first(d, 'pwdHistoryLength') ?? 0), minAgeSeconds: seconds(first(d, 'minPwdAge')) ?? 0, source: 'domain password policy' };
    });
  }

  async close(): Promise<void> {
    await this.connections.close();
  }
}
