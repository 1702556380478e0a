/**
 * An in-memory SigninApi for the renderer's tests ONLY: a small, believable directory with
 * one configurable account (its methods, the policy's numbers), a few special users for the
 * seed's error cases, and a way to hold a call open to see the loading state.
 */
import type { Challenge, DirectoryPasswordRulesView, PasswordPolicy } from '../../../contract/api';
import type { ErrorInfo, Result } from '../../../contract/errors';
import type { AppInfo, GateMethod, IpcEventSubscription, IpcResponse, SecurityInfoMethod, SigninApi } from '../../../contract/ipc';
import { methodTypes, type MethodType } from '../../../contract/methods';

export const GOOD_CODE = '123456';
/** The answer the fake accepts for every security question. */
export const GOOD_ANSWER = 'right';
/** The credential id the fake accepts in a WebAuthn assertion. */
export const GOOD_CREDENTIAL = 'good-credential';
export const USER = 'alain@contoso.com';
export const PASSWORD = 'Correct-horse-1';
export const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

type SecurityInfo = IpcResponse<'securityInfo.get'>;

/** User ids whose reset start fails with the seed's three errors. */
export const seedUsers = {
  PASSWORD_NOT_MANAGED: 'notmanaged@contoso.com',
  SSPR_NOT_ENABLED: 'disabled@contoso.com',
  NOT_REGISTERED: 'unregistered@contoso.com',
  ACCOUNT_DISABLED: 'turnedoff@contoso.com',
} as const;

/** User ids whose sign-in fails with the directory's account states (the password is PASSWORD for both). */
export const signInUsers = {
  ACCOUNT_LOCKED: 'locked@contoso.com',
  PASSWORD_EXPIRED: 'expired@contoso.com',
} as const;

/** The full number and address of the fake's account, typed at a hidden reset. */
export const FULL_PHONE = '+14255550123';
export const FULL_EMAIL = 'alain@fabrikam.com';

/** A registered method for the fake's account. */
export const method = (id: string, type: MethodType, label: string, createdAt = '2025-01-05T10:00:00.000Z'): SecurityInfoMethod => ({ id, type, label, createdAt, onThisDevice: false });

/** alain's default methods: two authenticator apps. */
export const defaultMethods = (): SecurityInfoMethod[] => [method('m1', 'authenticatorApp', 'Work phone'), method('m2', 'authenticatorApp', 'Tablet', '2025-02-01T10:00:00.000Z')];

export interface FakeOptions {
  appInfo?: Partial<AppInfo>;
  /** Methods required to reset (1 or 2). */
  required?: number;
  /** The account's registered methods, also offered at second factor and reset. */
  methods?: SecurityInfoMethod[];
  /** What getSecurityInfo says beyond the methods. */
  securityInfo?: Partial<Pick<SecurityInfo, 'enabled' | 'canAdd' | 'reconfirmDue' | 'requiredAtLaunch' | 'skipsLeft' | 'defaultMethodId'>>;
  /** What setNewPassword answers instead of success. */
  setPasswordError?: ErrorInfo;
  /** What verifyReset answers instead of checking the proof. */
  verifyResetError?: ErrorInfo;
  /** What getPasswordPolicy answers beyond the defaults (e.g. the directory's default rules). */
  passwordPolicy?: Partial<PasswordPolicy>;
  /** The directory's rules for this account, sent by verifyReset once the reset is complete. */
  accountDirectoryRules?: DirectoryPasswordRulesView;
  /** hideAccountState: startReset answers `hidden` with the method types, and gates are proven by type. */
  hidden?: boolean;
  /** Hidden: the types offered (default: the types of the account's methods and email). */
  methodTypes?: MethodType[];
  /** Methods whose verification is THROTTLED until the given instant (ISO 8601). */
  throttled?: Record<string, string>;
  /** How long a reset lives from its start and from each extend (default 15 min). */
  resetLifetimeMs?: number;
  /** How long an extension gives (default: resetLifetimeMs). */
  extendLifetimeMs?: number;
  /** What extendReset answers instead of a new expiry. */
  extendError?: ErrorInfo;
  /** What unlockAccount says of the account's lock (absent: the directory cannot tell). */
  wasLocked?: boolean;
  /** What unlockAccount answers instead of success (once every gate is passed). */
  unlockError?: ErrorInfo;
}

export type Call = { method: keyof SigninApi; request: unknown };

const ok = <T>(data: T): Result<T> => ({ ok: true, data });
const fail = (error: ErrorInfo): Result<never> => ({ ok: false, error });
const badProof = (): Result<never> => fail({ code: 'INVALID_CODE', message: 'bad proof' });
const user = { userId: USER, displayName: 'Alain Charon' };

/** Builds a fake api plus the record of calls and a `hold(method)` to pause the next call. */
export function createFakeApi(options: FakeOptions = {}) {
  const calls: Call[] = [];
  const holds = new Map<string, Promise<void>>();
  const methods: SecurityInfoMethod[] = options.methods ? [...options.methods] : defaultMethods();
  const required = options.required ?? 1;
  const policy = {
    enabled: [...methodTypes] as MethodType[],
    canAdd: [...methodTypes] as MethodType[],
    reconfirmDue: false,
    requiredAtLaunch: false,
    skipsLeft: 3,
    defaultMethodId: methods[0]?.id ?? null,
    ...options.securityInfo,
  };
  const reset = { passed: 0, mode: 'reset' as 'reset' | 'unlock', extends: 0, typedAddress: new Map<MethodType, string>() };
  const lifetime = options.resetLifetimeMs ?? 15 * 60_000;
  const expiry = () => new Date(Date.now() + lifetime).toISOString();
  /** The registered full address of a type, for the hidden reset's check. */
  const fullAddress = (type: MethodType) => (type === 'email' ? FULL_EMAIL : type === 'sms' || type === 'voice' ? FULL_PHONE : undefined);
  const appInfo: AppInfo = {
    version: '0.1.0',
    host: 'web',
    demo: true,
    tenantName: 'Contoso',
    systemLocale: 'en-US',
    language: null,
    languageLocked: false,
    helpdesk: { email: 'helpdesk@contoso.com', phone: '+1 555 0100' },
    startFlow: 'home',
    idleTimeoutMs: 600_000,
    ...options.appInfo,
  };

  type Listener = (payload: unknown) => void;
  const listeners = new Map<IpcEventSubscription, Set<Listener>>();
  const subscribe = (name: IpcEventSubscription, listener: Listener) => {
    const set = listeners.get(name) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(name, set);
    return () => void set.delete(listener);
  };

  /** Makes the next call of `method` wait until the returned function is called. */
  const hold = (name: keyof SigninApi): (() => void) => {
    let release = () => {};
    holds.set(name, new Promise<void>((r) => (release = r)));
    return () => release();
  };

  const answer = async <T>(name: keyof SigninApi, request: unknown, result: () => Result<T>): Promise<Result<T>> => {
    calls.push({ method: name, request });
    const held = holds.get(name);
    if (held) {
      holds.delete(name);
      await held;
    }
    return result();
  };

  const gateMethods = (): GateMethod[] => methods.map((m) => ({ id: m.id, type: m.type, hint: m.label, onThisDevice: m.onThisDevice }));
  const complete = () => methods.length >= required && !methods.every((m) => m.type === 'questions');
  const securityInfo = (): SecurityInfo => ({ methods: [...methods], required, registrationComplete: complete(), ...policy });

  const challengeFor = (methodId: string): Result<Challenge> => {
    const m = methods.find((x) => x.id === methodId);
    if (!m) return fail({ code: 'METHOD_NOT_AVAILABLE', message: 'no such method' });
    const expiresAt = new Date(Date.now() + 5 * 60_000).toISOString();
    switch (m.type) {
      case 'authenticatorApp':
        return ok({ kind: 'totp', digits: 6 });
      case 'sms':
      case 'voice':
      case 'email':
        return ok({ kind: 'code', channel: m.type, sentTo: m.label, digits: m.type === 'email' ? 8 : 6, expiresAt });
      case 'questions':
        return ok({ kind: 'questions', questions: [{ id: 'q1', text: { en: 'Your first pet?', 'zh-TW': '您的第一隻寵物？' } }, { id: 'q2', text: { en: 'Your first school?', 'zh-TW': '您的第一所學校？' } }] });
      case 'securityKey':
        return ok({ kind: 'webauthn', options: { challenge: 'Y2hhbGxlbmdl', rpId: 'localhost' } });
    }
  };

  /** Checks a proof the way the service would: a code, answers or an assertion. */
  const proofOk = (r: { code?: string; answers?: { answer: string }[]; assertion?: { id: string } }) =>
    r.code !== undefined ? r.code === GOOD_CODE : r.answers !== undefined ? r.answers.every((a) => a.answer === GOOD_ANSWER) : r.assertion?.id === GOOD_CREDENTIAL;

  const add = (type: MethodType, label: string) => {
    const m = method(`m${methods.length + 1}-${type}`, type, label, new Date().toISOString());
    methods.push(m);
    return ok({ method: m });
  };
  const sent = (to: string, digits = 6) => ok({ sentTo: to, expiresAt: new Date(Date.now() + 5 * 60_000).toISOString(), digits });

  const api: SigninApi = {
    getAppInfo: (r) => answer('getAppInfo', r, () => ok(appInfo)),
    setLanguage: (r) => answer('setLanguage', r, () => ok({})),
    signIn: (r) =>
      answer('signIn', r, () =>
        r.userId === signInUsers.ACCOUNT_LOCKED && r.password === PASSWORD
          ? fail({ code: 'ACCOUNT_LOCKED', message: 'locked', supportCode: 'SC-2001' })
          : r.userId === signInUsers.PASSWORD_EXPIRED && r.password === PASSWORD
            ? fail({ code: 'PASSWORD_EXPIRED', message: 'expired', supportCode: 'SC-2002' })
            : r.userId === USER && r.password === PASSWORD
          ? ok({ status: methods.length > 0 ? ('secondFactorRequired' as const) : ('signedIn' as const), user, secondFactorMethods: gateMethods() })
          : fail({ code: 'INVALID_CREDENTIALS', message: 'bad credentials' }),
      ),
    startSecondFactor: (r) => answer('startSecondFactor', r, () => challengeFor(r.methodId)),
    verifySecondFactor: (r) => answer('verifySecondFactor', r, () => (proofOk(r) ? ok({ user }) : badProof())),
    signOut: (r) => answer('signOut', r, () => ok({})),
    getSecurityInfo: (r) => answer('getSecurityInfo', r, () => ok(securityInfo())),
    beginAuthenticatorApp: (r) =>
      answer('beginAuthenticatorApp', r, () => ok({ otpauthUri: `otpauth://totp/Contoso:${USER}?secret=${SECRET}&issuer=Contoso`, manualKey: SECRET, issuer: 'Contoso', accountName: USER })),
    confirmAuthenticatorApp: (r) => answer('confirmAuthenticatorApp', r, () => (r.code === GOOD_CODE ? add('authenticatorApp', r.name) : badProof())),
    beginPhone: (r) => answer('beginPhone', r, () => sent(r.phoneNumber)),
    confirmPhone: (r) => answer('confirmPhone', r, () => (r.code === GOOD_CODE ? add('sms', '+1 •••• ••23') : badProof())),
    beginEmail: (r) => answer('beginEmail', r, () => sent(r.address, 8)),
    confirmEmail: (r) => answer('confirmEmail', r, () => (r.code === GOOD_CODE ? add('email', 'a•••@fabrikam.com') : badProof())),
    beginSecurityKey: (r) => answer('beginSecurityKey', r, () => ok({ options: { challenge: 'Y2hhbGxlbmdl' } })),
    confirmSecurityKey: (r) => answer('confirmSecurityKey', r, () => add('securityKey', r.name)),
    getQuestionPool: (r) =>
      answer('getQuestionPool', r, () => ok({ questions: [{ id: 'q1', text: { en: 'Your first pet?', 'zh-TW': '您的第一隻寵物？' } }], toRegister: 3, minAnswerLength: 3, maxAnswerLength: 40 })),
    registerQuestions: (r) => answer('registerQuestions', r, () => add('questions', '')),
    removeMethod: (r) =>
      answer('removeMethod', r, () => {
        const i = methods.findIndex((m) => m.id === r.methodId);
        if (i < 0) return fail({ code: 'NOT_FOUND', message: 'no such method' });
        methods.splice(i, 1);
        if (policy.defaultMethodId === r.methodId) policy.defaultMethodId = methods[0]?.id ?? null;
        return ok({});
      }),
    renameMethod: (r) =>
      answer('renameMethod', r, () => {
        const i = methods.findIndex((m) => m.id === r.methodId);
        if (i < 0) return fail({ code: 'NOT_FOUND', message: 'no such method' });
        methods[i] = { ...methods[i]!, label: r.name };
        return ok({ method: methods[i]! });
      }),
    setDefaultMethod: (r) =>
      answer('setDefaultMethod', r, () => {
        policy.defaultMethodId = r.methodId;
        return ok({});
      }),
    reconfirmSecurityInfo: (r) =>
      answer('reconfirmSecurityInfo', r, () => {
        policy.reconfirmDue = false;
        return ok({ reconfirmedAt: new Date().toISOString() });
      }),
    skipRegistration: (r) =>
      answer('skipRegistration', r, () => {
        if (policy.skipsLeft <= 0) return fail({ code: 'STEP_NOT_ALLOWED', message: 'no skips left' });
        policy.skipsLeft -= 1;
        return ok({ skipsLeft: policy.skipsLeft });
      }),
    getThisDeviceStatus: (r) => answer('getThisDeviceStatus', r, () => ok({ available: false, reason: 'presenceUnavailable' as const })),
    addThisDevice: (r) => answer('addThisDevice', r, () => fail({ code: 'NOT_AVAILABLE', message: 'no presence check in tests' })),
    getThisDeviceCode: (r) => answer('getThisDeviceCode', r, () => ok({ outcome: 'unavailable' as const })),
    getPasswordPolicy: (r) => answer('getPasswordPolicy', r, () => ok({ minLength: 8, maxLength: 64, disallowUserName: true, blockCommon: true, ...options.passwordPolicy })),
    startReset: (r) =>
      answer('startReset', r, () => {
        if (r.userId === seedUsers.PASSWORD_NOT_MANAGED) return fail({ code: 'PASSWORD_NOT_MANAGED', message: 'not managed', supportCode: 'SC-1001', helpdesk: { email: 'it@contoso.com', phone: '+1 555 0199' } });
        if (r.userId === seedUsers.SSPR_NOT_ENABLED) return fail({ code: 'SSPR_NOT_ENABLED', message: 'not enabled', supportCode: 'SC-1002' });
        if (r.userId === seedUsers.NOT_REGISTERED) return fail({ code: 'NOT_REGISTERED', message: 'not registered', supportCode: 'SC-1003' });
        if (r.userId === seedUsers.ACCOUNT_DISABLED) return fail({ code: 'ACCOUNT_DISABLED', message: 'disabled', supportCode: 'SC-1004' });
        reset.passed = 0;
        reset.mode = r.mode ?? 'reset';
        reset.extends = 0;
        reset.typedAddress.clear();
        if (options.hidden) {
          const types = options.methodTypes ?? [...new Set<MethodType>([...methods.map((m) => m.type), 'email'])];
          return ok({ userId: r.userId, mode: reset.mode, required, expiresAt: expiry(), methods: [], hidden: true as const, methodTypes: types });
        }
        return ok({ userId: r.userId, mode: reset.mode, required, expiresAt: expiry(), methods: gateMethods() });
      }),
    startResetChallenge: (r) =>
      answer('startResetChallenge', r, () => {
        if ('methodId' in r) return options.hidden ? fail({ code: 'METHOD_NOT_AVAILABLE', message: 'by type only' }) : challengeFor(r.methodId);
        if (!options.hidden) return fail({ code: 'METHOD_NOT_AVAILABLE', message: 'the fake offers methods by id' });
        const m = methods.find((x) => x.type === r.methodType);
        // The same answer whether or not the account has the type (enumeration-proof), as the service does.
        const expiresAt = new Date(Date.now() + 5 * 60_000).toISOString();
        if (r.methodType === 'sms' || r.methodType === 'voice' || r.methodType === 'email') {
          if (!r.address) return fail({ code: 'BAD_REQUEST', message: 'type the full address' });
          reset.typedAddress.set(r.methodType, r.address);
          return ok({ kind: 'code' as const, channel: r.methodType, sentTo: r.address, digits: r.methodType === 'email' ? 8 : 6, expiresAt });
        }
        return m ? challengeFor(m.id) : r.methodType === 'authenticatorApp' ? ok({ kind: 'totp' as const, digits: 6 }) : fail({ code: 'METHOD_NOT_AVAILABLE', message: 'not offered' });
      }),
    verifyReset: (r) =>
      answer('verifyReset', r, () => {
        if (options.verifyResetError) return fail(options.verifyResetError);
        const id = 'methodId' in r ? r.methodId : r.methodType;
        const until = options.throttled?.[id];
        if (until && Date.parse(until) > Date.now()) return fail({ code: 'THROTTLED', message: 'too many attempts', retryAfter: until, supportCode: 'SC-3001' });
        if ('methodType' in r) {
          if (!options.hidden) return fail({ code: 'METHOD_NOT_AVAILABLE', message: 'the fake offers methods by id' });
          const registered = methods.some((m) => m.type === r.methodType);
          const address = fullAddress(r.methodType);
          // A code type passes only when the typed address was the registered one (the account has FULL_EMAIL whatever its methods).
          if (!registered && !(r.methodType === 'email' && address)) return badProof();
          if (address && reset.typedAddress.get(r.methodType) !== address) return badProof();
        }
        if (!proofOk(r)) return badProof();
        reset.passed += 1;
        const complete = reset.passed >= required;
        return ok({ passed: reset.passed, required, complete, ...(complete && options.accountDirectoryRules ? { directoryRules: options.accountDirectoryRules } : {}) });
      }),
    setNewPassword: (r) => answer('setNewPassword', r, () => (options.setPasswordError ? fail(options.setPasswordError) : ok({}))),
    cancelReset: (r) => answer('cancelReset', r, () => ok({})),
    unlockAccount: (r) =>
      answer('unlockAccount', r, () => {
        if (reset.mode !== 'unlock' || reset.passed < required) return fail({ code: 'STEP_NOT_ALLOWED', message: 'verify first' });
        return options.unlockError ? fail(options.unlockError) : ok({ unlockedAt: new Date().toISOString(), ...(options.wasLocked === undefined ? {} : { wasLocked: options.wasLocked }) });
      }),
    checkPassword: (r) => answer('checkPassword', r, () => ok(/password|123456/i.test(r.newPassword) ? { verdict: 'refused' as const, rule: 'commonPassword' as const } : { verdict: 'ok' as const })),
    changePassword: (r) => answer('changePassword', r, () => (r.oldPassword === PASSWORD ? ok({ changedAt: new Date().toISOString() }) : fail({ code: 'INVALID_CREDENTIALS', message: 'wrong old password' }))),
    contactHelpdesk: (r) => answer('contactHelpdesk', r, () => ok({ supportCode: 'HD-4242' })),
    extendReset: (r) =>
      answer('extendReset', r, () => {
        if (options.extendError) return fail(options.extendError);
        // The service's cap (server/api/handlers/reset-extend.ts: at most 10 times, then THROTTLED).
        if (reset.extends >= 10) return fail({ code: 'THROTTLED', message: 'no more extensions', retryAfter: new Date(Date.now() + 11 * lifetime).toISOString() });
        reset.extends += 1;
        return ok({ expiresAt: new Date(Date.now() + (options.extendLifetimeMs ?? lifetime)).toISOString() });
      }),
    quitApp: (r) => answer('quitApp', r, () => ok({})),
    onNavigate: (listener) => subscribe('onNavigate', listener as Listener),
    onSessionWiped: (listener) => subscribe('onSessionWiped', listener as Listener),
    getDemoOutbox: (r) =>
      answer('getDemoOutbox', r, () =>
        ok({
          messages: [
            { id: 'o1', channel: 'email' as const, to: 'alain@fabrikam.com', subject: 'Older message', body: 'Your code is 111111', sentAt: '2025-01-05T10:00:00.000Z' },
            { id: 'o2', channel: 'sms' as const, to: '+1 555 0123', subject: 'Newer message', body: 'Your code is 222222', sentAt: '2025-01-06T10:00:00.000Z' },
          ],
        }),
      ),
  };

  const callsOf = (name: keyof SigninApi) => calls.filter((c) => c.method === name).map((c) => c.request);
  /** What the main side would send: `emit('onNavigate', { flow: 'reset', userId })`. */
  const emit = <S extends IpcEventSubscription>(name: S, payload: Parameters<Parameters<SigninApi[S]>[0]>[0]) => {
    for (const listener of [...(listeners.get(name) ?? [])]) listener(payload);
  };
  /** How many listeners a subscription has now (a screen must unsubscribe when it goes). */
  const listenerCount = (name: IpcEventSubscription) => listeners.get(name)?.size ?? 0;
  return { api, calls, callsOf, hold, methods, emit, listenerCount };
}

export type FakeApi = ReturnType<typeof createFakeApi>;
