import type { StateCreator } from 'zustand';
import type { ErrorCode } from '../../contract/errors';
import type { MethodType } from '../../contract/methods';
import { api } from '../bridge/api';
import { byStrength } from '../lib/method-order';
import { call } from './call';
import type { Store } from './store';
import type { Async, DirectoryPasswordRulesView, ErrorInfo, GateMethod, MethodProof, PasswordPolicy } from './types';

/** What the gates are for: a new password, or lifting the directory's lockout. */
export type ResetMode = 'reset' | 'unlock';

/**
 * Why a reset or an unlock cannot go on at all: startReset answers these with a whole page
 * and a next step (the helpdesk, a request to an administrator), not a field error.
 */
export const blockingCodes: readonly ErrorCode[] = ['PASSWORD_NOT_MANAGED', 'SSPR_NOT_ENABLED', 'NOT_REGISTERED', 'ACCOUNT_DISABLED'];

/** What every step after the start knows of the reset session on the main side. */
type Session = {
  /** When the service forgets this reset (ISO 8601); the screen warns before it (WCAG 2.2.1). */
  expiresAt: string;
  /** The service refused another extension (its cap, 10): the warning offers only to finish or start over. */
  extendsUsedUp?: boolean;
};

/** "Forgot my password" and "Unlock my account": one state machine keyed on `step`, ending with an outcome for the shell. */
export type ResetState =
  | ({ step: 'userId'; mode: ResetMode; userId: string } & Async)
  /** `reason` is why it is impossible; `error`/`loading` belong to the helpdesk request. */
  | ({ step: 'blocked'; mode: ResetMode; userId: string; reason: ErrorInfo; supportCode: string | null } & Async)
  /**
   * Pass `required` gates (1 or 2), one method at a time. `methodId` is the method whose
   * Verify step is shown; `usedMethodIds` were passed already and cannot be chosen again.
   * `hidden` (the service's enumeration-proof shape): `methods` are the method TYPES the
   * policy enables (id = type, no hint), proven by type with the full number or address.
   */
  | ({ step: 'verify'; mode: ResetMode; userId: string; required: number; passed: number; methods: GateMethod[]; usedMethodIds: string[]; methodId: string; hidden: boolean } & Session & Async)
  /**
   * `policy` is what the checklist shows: the service's rules, with the directory's rules for
   * this account (`accountRules`, from the last gate) in place of the directory's default ones.
   */
  | ({ step: 'newPassword'; mode: 'reset'; userId: string; policy: PasswordPolicy | null; accountRules: DirectoryPasswordRulesView | null } & Session & Async)
  /** Unlock: every gate passed, the unlock is asked for (again, after an error, with "Try again"). */
  | ({ step: 'unlocking'; mode: 'unlock'; userId: string } & Session & Async)
  /** `wasLocked: false`: the service says the unlocked account was not locked (absent: it cannot tell). */
  | ({ step: 'done'; mode: ResetMode; userId: string; wasLocked?: boolean } & Async);

export interface ResetSlice {
  reset: ResetState;
  /** Shell only: open the flow at its first step; `unlock` passes the same gates, then unlocks. */
  beginReset: (userId?: string, mode?: ResetMode) => void;
  startReset: (userId: string) => Promise<void>;
  chooseResetMethod: (methodId: string) => void;
  /** The Verify step's proof for the chosen method (by type when the reset is hidden). */
  verifyReset: (proof: MethodProof) => Promise<void>;
  loadPasswordPolicy: () => Promise<void>;
  setNewPassword: (newPassword: string) => Promise<void>;
  /** Unlock: lift the lockout once every gate is passed (called by verifyReset; again from "Try again"). */
  unlockAccount: () => Promise<void>;
  /** More time for the reset session; the new expiry replaces the old one. */
  extendReset: () => Promise<void>;
  /** The session's time ran out on the page's clock: the step says so ("Start again"). */
  expireReset: () => void;
  contactHelpdesk: () => Promise<void>;
  /** Throws away the reset on the main side and goes back to the user id step. */
  restartReset: () => void;
  /** Leaves the flow (outcome: cancelled). */
  cancelReset: () => void;
  /** done → outcome passwordReset or unlocked: the shell opens sign-in. No automatic sign-in (policy). */
  finishReset: () => void;
}

const initialOf = (mode: ResetMode, userId = ''): ResetState => ({ step: 'userId', mode, userId, loading: false, error: null });

/**
 * The account's own directory rules replace the default ones (a fine-grained policy may be
 * stricter, or laxer): they are what the directory will apply to this password.
 */
export function forAccount(policy: PasswordPolicy, accountRules: DirectoryPasswordRulesView | null): PasswordPolicy {
  return accountRules ? { ...policy, directory: accountRules } : policy;
}

const firstUnused = (methods: GateMethod[], used: string[]) => methods.find((m) => !used.includes(m.id))?.id ?? '';

/** A hidden reset's choices: one per method type, named by its type alone (the user's own methods are never shown). */
export const typeChoices = (types: readonly MethodType[]): GateMethod[] => types.map((type) => ({ id: type, type, hint: '', onThisDevice: false }));

/** The steps that hold a live session on the main side (and so an expiry). */
export type LiveResetState = Extract<ResetState, { expiresAt: string }>;
export const isLive = (s: ResetState): s is LiveResetState => 'expiresAt' in s;

export const createResetSlice: StateCreator<Store, [], [], ResetSlice> = (set, get) => {
  const patch = <S extends ResetState['step']>(step: S, next: (s: Extract<ResetState, { step: S }>) => ResetState) => {
    const s = get().reset;
    if (s.step === step) set({ reset: next(s as Extract<ResetState, { step: S }>) });
  };

  return {
    reset: initialOf('reset'),

    beginReset: (userId = '', mode = 'reset') => set({ reset: initialOf(mode, userId) }),

    startReset: async (userId) => {
      const mode = get().reset.mode;
      patch('userId', (s) => ({ ...s, userId, loading: true, error: null }));
      const result = await call(() => api().startReset({ userId, mode }));
      if (result.ok) {
        const { required, expiresAt } = result.data;
        const hidden = result.data.hidden === true;
        const methods = hidden ? byStrength(typeChoices(result.data.methodTypes ?? [])) : byStrength(result.data.methods);
        return patch('userId', () => ({ step: 'verify', mode, userId: result.data.userId, required, passed: 0, methods, usedMethodIds: [], methodId: firstUnused(methods, []), hidden, expiresAt, loading: false, error: null }));
      }
      if (blockingCodes.includes(result.error.code)) {
        return patch('userId', () => ({ step: 'blocked', mode, userId, reason: result.error, supportCode: null, loading: false, error: null }));
      }
      patch('userId', (s) => ({ ...s, loading: false, error: result.error }));
    },

    chooseResetMethod: (methodId) =>
      patch('verify', (s) => (s.loading || s.usedMethodIds.includes(methodId) ? s : { ...s, methodId, error: null })),

    verifyReset: async (proof) => {
      const s = get().reset;
      if (s.step !== 'verify' || !s.methodId) return;
      const methodId = s.methodId;
      const method = s.methods.find((m) => m.id === methodId);
      if (!method) return;
      patch('verify', (now) => ({ ...now, loading: true, error: null }));
      // A hidden reset proves a method by its type: a method id would tell which accounts have it.
      const result = await call(() => api().verifyReset(s.hidden ? { methodType: method.type, ...proof } : { methodId, ...proof }));
      if (!result.ok) return patch('verify', (now) => ({ ...now, loading: false, error: result.error }));
      const { passed, required, complete, directoryRules } = result.data;
      if (!complete) {
        return patch('verify', (now) => {
          // Hidden: two apps (or two keys) may pass two gates, so a type stays selectable.
          const usedMethodIds = now.hidden ? now.usedMethodIds : [...now.usedMethodIds, methodId];
          return { ...now, passed, required, usedMethodIds, methodId: now.hidden ? methodId : firstUnused(now.methods, usedMethodIds), loading: false, error: null };
        });
      }
      if (s.mode === 'unlock') {
        patch('verify', (now) => ({ step: 'unlocking', mode: 'unlock', userId: now.userId, expiresAt: now.expiresAt, loading: true, error: null }));
        return get().unlockAccount();
      }
      patch('verify', (now) => ({ step: 'newPassword', mode: 'reset', userId: now.userId, expiresAt: now.expiresAt, policy: null, accountRules: directoryRules ?? null, loading: true, error: null }));
      await get().loadPasswordPolicy();
    },

    loadPasswordPolicy: async () => {
      patch('newPassword', (s) => ({ ...s, loading: true, error: null }));
      const result = await call(() => api().getPasswordPolicy({}));
      patch('newPassword', (s) => (result.ok ? { ...s, policy: forAccount(result.data, s.accountRules), loading: false } : { ...s, loading: false, error: result.error }));
    },

    setNewPassword: async (newPassword) => {
      patch('newPassword', (s) => ({ ...s, loading: true, error: null }));
      const result = await call(() => api().setNewPassword({ newPassword }));
      patch('newPassword', (s) => (result.ok ? { step: 'done', mode: 'reset', userId: s.userId, loading: false, error: null } : { ...s, loading: false, error: result.error }));
    },

    unlockAccount: async () => {
      patch('unlocking', (s) => ({ ...s, loading: true, error: null }));
      const result = await call(() => api().unlockAccount({}));
      patch('unlocking', (s) =>
        result.ok
          ? { step: 'done', mode: 'unlock', userId: s.userId, ...(result.data.wasLocked === undefined ? {} : { wasLocked: result.data.wasLocked }), loading: false, error: null }
          : { ...s, loading: false, error: result.error },
      );
    },

    extendReset: async () => {
      const s = get().reset;
      if (!isLive(s)) return;
      const step = s.step;
      set({ reset: { ...s, loading: true, error: null } });
      const result = await call(() => api().extendReset({}));
      const now = get().reset;
      // The person may have moved on (or started over) meanwhile: only the same step takes the answer.
      if (now.step !== step || !isLive(now)) return;
      // THROTTLED here is the cap on extensions, not a wait: its retry time would mean nothing.
      if (!result.ok && result.error.code === 'THROTTLED') return set({ reset: { ...now, loading: false, extendsUsedUp: true } });
      set({ reset: result.ok ? { ...now, expiresAt: result.data.expiresAt, loading: false } : { ...now, loading: false, error: result.error } });
    },

    expireReset: () => {
      const s = get().reset;
      if (isLive(s) && !s.loading) set({ reset: { ...s, error: { code: 'RESET_EXPIRED', message: 'The reset session ran out' } } });
    },

    contactHelpdesk: async () => {
      const s = get().reset;
      if (s.step !== 'blocked') return;
      const reason = s.reason.code === 'SSPR_NOT_ENABLED' || s.reason.code === 'NOT_REGISTERED' || s.reason.code === 'PASSWORD_NOT_MANAGED' ? s.reason.code : 'OTHER';
      patch('blocked', (now) => ({ ...now, loading: true, error: null }));
      const result = await call(() => api().contactHelpdesk({ userId: s.userId, reason }));
      patch('blocked', (now) => (result.ok ? { ...now, supportCode: result.data.supportCode, loading: false } : { ...now, loading: false, error: result.error }));
    },

    restartReset: () => {
      const { userId, mode } = get().reset;
      void call(() => api().cancelReset({}));
      set({ reset: initialOf(mode, userId) });
    },

    cancelReset: () => {
      const { mode } = get().reset;
      void call(() => api().cancelReset({}));
      set({ reset: initialOf(mode) });
      get().finishFlow({ flow: 'reset', kind: 'cancelled' });
    },

    finishReset: () => {
      const { userId, mode } = get().reset;
      set({ reset: initialOf(mode) });
      get().finishFlow(mode === 'unlock' ? { flow: 'reset', kind: 'unlocked', userId } : { flow: 'reset', kind: 'passwordReset', userId });
    },
  };
};
