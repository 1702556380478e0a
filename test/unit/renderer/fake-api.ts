/**
 * An in-memory SigninApi for the renderer's tests ONLY: a small, believable directory with
 * a few special users for the seed's error cases, and a way to hold a call open to see
 * the loading state.
 */
import type { ErrorInfo, Result } from '../../../contract/errors';
import type { AppInfo, SigninApi } from '../../../contract/ipc';
import type { RegisteredMethod } from '../../../contract/methods';

export const GOOD_CODE = '123456';
export const USER = 'alain@contoso.com';
export const PASSWORD = 'Correct-horse-1';
export const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** User ids whose reset start fails with the seed's three errors. */
export const seedUsers = {
  PASSWORD_NOT_MANAGED: 'notmanaged@contoso.com',
  SSPR_NOT_ENABLED: 'disabled@contoso.com',
  NOT_REGISTERED: 'unregistered@contoso.com',
} as const;

export interface FakeOptions {
  appInfo?: Partial<AppInfo>;
  /** Methods required to reset (1 or 2). */
  required?: number;
  /** What setNewPassword answers instead of success. */
  setPasswordError?: ErrorInfo;
  /** What verifyReset answers instead of checking the code. */
  verifyResetError?: ErrorInfo;
}

export type Call = { method: keyof SigninApi; request: unknown };

const ok = <T>(data: T): Result<T> => ({ ok: true, data });
const fail = (error: ErrorInfo): Result<never> => ({ ok: false, error });

/** Builds a fake api plus the record of calls and a `hold(method)` to pause the next call. */
export function createFakeApi(options: FakeOptions = {}) {
  const calls: Call[] = [];
  const holds = new Map<string, Promise<void>>();
  const methods: RegisteredMethod[] = [{ id: 'm1', type: 'authenticatorApp', label: 'Work phone', createdAt: '2025-01-05T10:00:00.000Z' }];
  const reset = { passed: 0, required: options.required ?? 1 };
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
    ...options.appInfo,
  };

  /** Makes the next call of `method` wait until the returned function is called. */
  const hold = (method: keyof SigninApi): (() => void) => {
    let release = () => {};
    holds.set(method, new Promise<void>((r) => (release = r)));
    return () => release();
  };

  const answer = async <T>(method: keyof SigninApi, request: unknown, result: () => Result<T>): Promise<Result<T>> => {
    calls.push({ method, request });
    const held = holds.get(method);
    if (held) {
      holds.delete(method);
      await held;
    }
    return result();
  };

  const api: SigninApi = {
    getAppInfo: (r) => answer('getAppInfo', r, () => ok(appInfo)),
    setLanguage: (r) => answer('setLanguage', r, () => ok({})),
    signIn: (r) =>
      answer('signIn', r, () =>
        r.userId === USER && r.password === PASSWORD
          ? ok({ status: 'secondFactorRequired' as const, user: { userId: USER, displayName: 'Alain Charon' }, secondFactorMethods: [{ id: 'm1', type: 'authenticatorApp' as const, hint: 'Work phone' }] })
          : fail({ code: 'INVALID_CREDENTIALS', message: 'bad credentials' }),
      ),
    verifySecondFactor: (r) =>
      answer('verifySecondFactor', r, () => (r.code === GOOD_CODE ? ok({ user: { userId: USER, displayName: 'Alain Charon' } }) : fail({ code: 'INVALID_CODE', message: 'bad code' }))),
    signOut: (r) => answer('signOut', r, () => ok({})),
    getSecurityInfo: (r) => answer('getSecurityInfo', r, () => ok({ methods: [...methods], enabled: ['authenticatorApp', 'sms', 'email'], canAdd: ['authenticatorApp'] })),
    beginAuthenticatorApp: (r) =>
      answer('beginAuthenticatorApp', r, () =>
        ok({ otpauthUri: `otpauth://totp/Contoso:${USER}?secret=${SECRET}&issuer=Contoso`, manualKey: SECRET, issuer: 'Contoso', accountName: USER }),
      ),
    confirmAuthenticatorApp: (r) =>
      answer('confirmAuthenticatorApp', r, () => {
        if (r.code !== GOOD_CODE) return fail({ code: 'INVALID_CODE', message: 'bad code' });
        const method: RegisteredMethod = { id: `m${methods.length + 1}`, type: 'authenticatorApp', label: r.name, createdAt: new Date().toISOString() };
        methods.push(method);
        return ok({ method });
      }),
    getPasswordPolicy: (r) => answer('getPasswordPolicy', r, () => ok({ minLength: 8, maxLength: 64, disallowUserName: true, blockCommon: true })),
    startReset: (r) =>
      answer('startReset', r, () => {
        if (r.userId === seedUsers.PASSWORD_NOT_MANAGED) return fail({ code: 'PASSWORD_NOT_MANAGED', message: 'not managed', supportCode: 'SC-1001', helpdesk: { email: 'it@contoso.com', phone: '+1 555 0199' } });
        if (r.userId === seedUsers.SSPR_NOT_ENABLED) return fail({ code: 'SSPR_NOT_ENABLED', message: 'not enabled', supportCode: 'SC-1002' });
        if (r.userId === seedUsers.NOT_REGISTERED) return fail({ code: 'NOT_REGISTERED', message: 'not registered', supportCode: 'SC-1003' });
        reset.passed = 0;
        return ok({
          userId: r.userId,
          required: reset.required,
          methods: [
            { id: 'm1', type: 'authenticatorApp' as const, hint: 'Work phone' },
            { id: 'm2', type: 'authenticatorApp' as const, hint: 'Tablet' },
          ],
        });
      }),
    verifyReset: (r) =>
      answer('verifyReset', r, () => {
        if (options.verifyResetError) return fail(options.verifyResetError);
        if (r.code !== GOOD_CODE) return fail({ code: 'INVALID_CODE', message: 'bad code' });
        reset.passed += 1;
        return ok({ passed: reset.passed, required: reset.required, complete: reset.passed >= reset.required });
      }),
    setNewPassword: (r) => answer('setNewPassword', r, () => (options.setPasswordError ? fail(options.setPasswordError) : ok({}))),
    cancelReset: (r) => answer('cancelReset', r, () => ok({})),
    contactHelpdesk: (r) => answer('contactHelpdesk', r, () => ok({ supportCode: 'HD-4242' })),
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

  const callsOf = (method: keyof SigninApi) => calls.filter((c) => c.method === method).map((c) => c.request);
  return { api, calls, callsOf, hold };
}

export type FakeApi = ReturnType<typeof createFakeApi>;
