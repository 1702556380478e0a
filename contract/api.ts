/**
 * The directory API: one table of routes whose schemas the server validates with and the
 * app's DirectoryClient parses with. Success bodies are `{ ok: true, data }`, failures
 * `{ ok: false, error }` (see errors.ts), whatever the HTTP status.
 */
import { z } from 'zod';
import { errorCodeSchema, passwordRuleSchema, type ErrorCode } from './errors.js';
import { methodTypeSchema, registeredMethodSchema } from './methods.js';

export const API_PREFIX = '/api/v1';

/**
 * Characters that forge structure when text is put into a mail, an SMS, a log line or a
 * screen: C0/C1 controls (line breaks, NUL, escape), the Unicode line and paragraph
 * separators, and the bidirectional overrides that reorder what a reader sees.
 */
export const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Text a person types as a name or an id: bounded, and never carrying control characters. */
export const plainText = (max: number, min = 1) =>
  z.string().trim().min(min).max(max).refine((s) => !CONTROL_CHARACTERS.test(s), { message: 'control characters are not allowed' });

/** Bounds shared by every route: nothing unbounded crosses the wire. */
export const userIdSchema = plainText(256);
/**
 * A password someone already has (sign-in, the old one at change). The bound is the
 * transport's, above any policy's maximum (≤ 1024): the policy's own rule decides. A NUL can
 * never be a password directories store safely (C strings end there).
 */
export const passwordSchema = z.string().min(1).max(4096).refine((s) => !s.includes('\0'), { message: 'a password cannot contain a NUL character' });
/** A new password: only the transport bound here, so every rule (maxLength, NUL…) is a POLICY_VIOLATION naming the rule. */
export const newPasswordSchema = z.string().min(1).max(4096);
export const codeSchema = z.string().regex(/^\d{6,8}$/, 'a code is 6 to 8 digits');
export const idSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

const strict = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);
const empty = strict({});

export const userSummarySchema = strict({ userId: z.string(), displayName: z.string() });

/** A method offered at reset or at second-factor time: a masked hint, never the value. */
export const methodChoiceSchema = strict({ id: idSchema, type: methodTypeSchema, hint: z.string().max(200) });
export type MethodChoice = z.infer<typeof methodChoiceSchema>;

/** The directory's own rules, read from it (ppolicy entry, AD domain policy or fine-grained PSO), for the live checklist. */
export const directoryPasswordRulesSchema = strict({
  minLength: z.number().int().optional(),
  /** AD complexity: 3 of the 4 character classes (upper, lower, digit, symbol), and not the account name. */
  complexity: z.boolean().optional(),
  /** How many previous passwords the directory refuses. */
  history: z.number().int().optional(),
  /** Seconds before a changed password may change again. */
  minAgeSeconds: z.number().int().optional(),
  /** Where the rules come from, as the directory names it ("ppolicy cn=default,…", "fine-grained policy sspr-pso"). */
  source: z.string().max(300).optional(),
});
export type DirectoryPasswordRulesView = z.infer<typeof directoryPasswordRulesSchema>;

export const passwordPolicySchema = strict({
  minLength: z.number().int(),
  maxLength: z.number().int(),
  disallowUserName: z.boolean(),
  blockCommon: z.boolean(),
  /** The directory's rules on top of ours; absent when the directory has none or did not answer. */
  directory: directoryPasswordRulesSchema.optional(),
});
export type PasswordPolicy = z.infer<typeof passwordPolicySchema>;

export const outboxMessageSchema = strict({
  id: z.string(),
  channel: z.enum(['email', 'sms', 'voice']),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  sentAt: z.string().datetime(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

/** A WebAuthn response as the browser serializes it (RegistrationResponseJSON / AuthenticationResponseJSON); the verifier checks the rest. */
export const webauthnResponseSchema = z.looseObject({
  id: z.string().min(1).max(1024),
  rawId: z.string().min(1).max(1024),
  type: z.literal('public-key'),
  response: z.record(z.string(), z.unknown()),
});

/** Proof of one method: a code (app, text, call, email), answers (questions) or an assertion (security key). */
const proofFields = {
  code: codeSchema.optional(),
  answers: z.array(z.strictObject({ questionId: idSchema, answer: plainText(200) })).min(1).max(5).optional(),
  assertion: webauthnResponseSchema.optional(),
};
export const proofShape = { methodId: idSchema, ...proofFields };
const oneProof = (p: { code?: unknown; answers?: unknown; assertion?: unknown }) => [p.code, p.answers, p.assertion].filter((x) => x !== undefined).length === 1;
export const proofSchema = z.strictObject(proofShape).refine(oneProof, { message: 'give exactly one of code, answers, assertion' });

/**
 * With `hideAccountState`, a reset never shows the user's own methods: the user picks a method
 * TYPE and proves it (the full phone number or address to get a code; the app's code; a
 * security key; answers). The same proof as `proofSchema`, by type instead of by id.
 */
export const typedProofSchema = z.strictObject({ methodType: methodTypeSchema, ...proofFields }).refine(oneProof, { message: 'give exactly one of code, answers, assertion' });
/** Ask for the challenge of a method type: the full number or address for text, call and email (a code goes out only when it is the registered one). */
export const typedChallengeSchema = z.strictObject({
  methodType: methodTypeSchema,
  address: plainText(254, 3).optional(),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
});

/** What the user must do to pass a method: read a code, answer questions, touch a key. */
export const challengeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('totp'), digits: z.number().int() }),
  z.strictObject({ kind: z.literal('code'), channel: z.enum(['sms', 'voice', 'email']), sentTo: z.string(), digits: z.number().int(), expiresAt: z.string().datetime() }),
  z.strictObject({ kind: z.literal('questions'), questions: z.array(z.strictObject({ id: idSchema, text: z.record(z.string(), z.string()) })) }),
  z.strictObject({ kind: z.literal('webauthn'), options: z.record(z.string(), z.unknown()) }),
]);
export type Challenge = z.infer<typeof challengeSchema>;

const setupStarted = strict({ setupId: idSchema, sentTo: z.string(), expiresAt: z.string().datetime(), digits: z.number().int() });

/**
 * The language a person reads: the app sends it as `Accept-Language` on every request, and
 * the service writes codes, notifications and helpdesk mails in it (en or zh-TW).
 */
export const LANGUAGE_HEADER = 'accept-language';

/** A method's display name as the user types it (app name, key name). */
export const methodNameSchema = plainText(64);
const methodAdded = strict({ method: registeredMethodSchema });

export const helpdeskReasonSchema = z.enum(['SSPR_NOT_ENABLED', 'NOT_REGISTERED', 'PASSWORD_NOT_MANAGED', 'OTHER']);

export const tenantInfoSchema = strict({
  name: z.string(),
  demo: z.boolean(),
  helpdesk: strict({ email: z.string().optional(), url: z.string().optional(), phone: z.string().optional() }),
});

type Auth = 'none' | 'session' | 'reset';
interface RouteDef<B extends z.ZodType, R extends z.ZodType> {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  auth: Auth;
  summary: string;
  body: B;
  response: R;
}
const route = <B extends z.ZodType, R extends z.ZodType>(def: RouteDef<B, R>) => def;

export const apiRoutes = {
  getTenant: route({ method: 'GET', path: '/tenant', auth: 'none', summary: 'Organization name, demo flag and helpdesk contact', body: empty, response: tenantInfoSchema }),
  getPasswordPolicy: route({ method: 'GET', path: '/password-policy', auth: 'none', summary: 'Rules a new password must meet (shown live; enforced server side)', body: empty, response: passwordPolicySchema }),
  signIn: route({
    method: 'POST', path: '/sessions', auth: 'none', summary: 'Open a security-info session with user id and password',
    body: strict({ userId: userIdSchema, password: passwordSchema }),
    response: strict({
      sessionToken: z.string(),
      expiresAt: z.string().datetime(),
      user: userSummarySchema,
      secondFactor: z.enum(['none', 'required']),
      secondFactorMethods: z.array(methodChoiceSchema),
    }),
  }),
  startSecondFactor: route({
    method: 'POST', path: '/sessions/current/challenge', auth: 'session', summary: 'Ask for a second-factor challenge: send a code, or get WebAuthn options',
    body: strict({ methodId: idSchema }),
    response: challengeSchema,
  }),
  verifySecondFactor: route({
    method: 'POST', path: '/sessions/current/second-factor', auth: 'session', summary: 'Pass one registered method before security info can change',
    body: proofSchema,
    response: strict({ user: userSummarySchema }),
  }),
  signOut: route({ method: 'DELETE', path: '/sessions/current', auth: 'session', summary: 'End the session', body: empty, response: empty }),
  getSecurityInfo: route({
    method: 'GET', path: '/security-info', auth: 'session', summary: 'Registered methods and the methods the policy enables',
    body: empty,
    response: strict({
      methods: z.array(registeredMethodSchema),
      enabled: z.array(methodTypeSchema),
      canAdd: z.array(methodTypeSchema),
      defaultMethodId: idSchema.nullable(),
      /** How many methods a reset needs for this user, and whether they have enough. */
      required: z.number().int(),
      registrationComplete: z.boolean(),
      /** The policy asks the user to confirm their security info again. */
      reconfirmDue: z.boolean(),
      /** The policy asks users without enough methods to register when the app starts. */
      requiredAtLaunch: z.boolean(),
      /** How many more times this user may skip that request (counted by the service). */
      skipsLeft: z.number().int().min(0),
    }),
  }),
  beginAuthenticatorApp: route({
    method: 'POST', path: '/security-info/authenticator-app', auth: 'session', summary: 'Start adding an authenticator app: a fresh secret and its otpauth URI',
    body: empty,
    response: strict({
      setupId: idSchema,
      secret: z.string(),
      otpauthUri: z.string(),
      issuer: z.string(),
      accountName: z.string(),
      algorithm: z.enum(['SHA1', 'SHA256', 'SHA512']),
      digits: z.number().int(),
      period: z.number().int(),
      expiresAt: z.string().datetime(),
    }),
  }),
  confirmAuthenticatorApp: route({
    method: 'POST', path: '/security-info/authenticator-app/confirm', auth: 'session', summary: 'Finish adding an authenticator app by proving one code',
    body: strict({ setupId: idSchema, code: codeSchema, name: methodNameSchema }),
    response: strict({ method: registeredMethodSchema }),
  }),
  beginPhone: route({
    method: 'POST', path: '/security-info/phone', auth: 'session', summary: 'Start adding a phone for text messages or calls: a code is sent to it',
    body: strict({ type: z.enum(['sms', 'voice']), phoneNumber: plainText(32, 3), country: z.string().regex(/^[A-Z]{2}$/).optional() }),
    response: setupStarted,
  }),
  confirmPhone: route({
    method: 'POST', path: '/security-info/phone/confirm', auth: 'session', summary: 'Finish adding a phone with the code it received',
    body: strict({ setupId: idSchema, code: codeSchema }),
    response: methodAdded,
  }),
  beginEmail: route({
    method: 'POST', path: '/security-info/email', auth: 'session', summary: 'Start adding an alternate email (reset only): a code is sent to it',
    body: strict({ address: z.string().trim().max(254).email() }),
    response: setupStarted,
  }),
  confirmEmail: route({
    method: 'POST', path: '/security-info/email/confirm', auth: 'session', summary: 'Finish adding an alternate email with the code it received',
    body: strict({ setupId: idSchema, code: codeSchema }),
    response: methodAdded,
  }),
  beginSecurityKey: route({
    method: 'POST', path: '/security-info/security-key', auth: 'session', summary: 'Start adding a security key or passkey: WebAuthn creation options',
    /** `platform`: this device's own authenticator (Windows Hello, Touch ID); `cross-platform`: a USB/NFC key or a phone; absent: any. */
    body: strict({ attachment: z.enum(['platform', 'cross-platform']).optional() }),
    response: strict({ setupId: idSchema, options: z.record(z.string(), z.unknown()) }),
  }),
  confirmSecurityKey: route({
    method: 'POST', path: '/security-info/security-key/confirm', auth: 'session', summary: "Finish adding a security key with the browser's registration response",
    body: strict({ setupId: idSchema, name: methodNameSchema, response: webauthnResponseSchema }),
    response: methodAdded,
  }),
  getQuestionPool: route({
    method: 'GET', path: '/security-info/questions', auth: 'session', summary: 'The security questions a user may choose from, and how many to answer',
    body: empty,
    response: strict({ questions: z.array(strict({ id: idSchema, text: z.record(z.string(), z.string()) })), toRegister: z.number().int(), minAnswerLength: z.number().int(), maxAnswerLength: z.number().int() }),
  }),
  registerQuestions: route({
    method: 'POST', path: '/security-info/questions', auth: 'session', summary: 'Save answers to security questions (reset only; replaces earlier answers)',
    body: strict({ answers: z.array(strict({ questionId: idSchema, answer: plainText(200) })).min(1).max(5) }),
    response: methodAdded,
  }),
  removeMethod: route({
    method: 'POST', path: '/security-info/methods/remove', auth: 'session', summary: 'Remove a registered method',
    body: strict({ methodId: idSchema }),
    response: empty,
  }),
  renameMethod: route({
    method: 'POST', path: '/security-info/methods/rename', auth: 'session', summary: 'Rename a registered method (an app or a key); never touches its secret',
    body: strict({ methodId: idSchema, name: methodNameSchema }),
    response: methodAdded,
  }),
  skipRegistration: route({
    method: 'POST', path: '/security-info/skip', auth: 'session', summary: "Skip the registration asked for at launch, as often as the policy allows (PWM's FORCE_ALLOW_SKIP)",
    body: empty,
    response: strict({ skipsLeft: z.number().int().min(0) }),
  }),
  setDefaultMethod: route({
    method: 'POST', path: '/security-info/methods/default', auth: 'session', summary: 'Choose the method offered first',
    body: strict({ methodId: idSchema }),
    response: empty,
  }),
  reconfirmSecurityInfo: route({
    method: 'POST', path: '/security-info/reconfirm', auth: 'session', summary: 'Confirm that the registered methods are still right',
    body: empty,
    response: strict({ reconfirmedAt: z.string().datetime() }),
  }),
  startReset: route({
    method: 'POST', path: '/reset', auth: 'none', summary: 'Start a password reset (or an unlock): which methods the user may use, and how many are needed',
    body: strict({ userId: userIdSchema, mode: z.enum(['reset', 'unlock']).optional() }),
    response: strict({
      resetToken: z.string(),
      expiresAt: z.string().datetime(),
      required: z.number().int().min(1).max(2),
      /** The user's methods, masked; empty when `hidden`. */
      methods: z.array(methodChoiceSchema),
      /** `hideAccountState` is on: the same answer for every account; pick one of `methodTypes` and prove it by type. */
      hidden: z.literal(true).optional(),
      /** With `hidden`: the method types the policy enables (never the user's own methods). */
      methodTypes: z.array(methodTypeSchema).optional(),
    }),
  }),
  startResetChallenge: route({
    method: 'POST', path: '/reset/challenge', auth: 'reset', summary: 'Ask for the challenge of one method (by id, or by type when the reset is hidden): send a code, draw questions, or get WebAuthn options',
    body: z.union([strict({ methodId: idSchema }), typedChallengeSchema]),
    response: challengeSchema,
  }),
  verifyReset: route({
    method: 'POST', path: '/reset/verify', auth: 'reset', summary: 'Pass one verification gate of a reset (a method by id, or by type when the reset is hidden)',
    body: z.union([proofSchema, typedProofSchema]),
    response: strict({
      passed: z.number().int(),
      required: z.number().int(),
      complete: z.boolean(),
      /** Once complete: the directory's rules for this account (a fine-grained policy may differ from the default). */
      directoryRules: directoryPasswordRulesSchema.optional(),
    }),
  }),
  completeReset: route({
    method: 'POST', path: '/reset/password', auth: 'reset', summary: 'Set the new password once every gate is passed (single use)',
    body: strict({ newPassword: newPasswordSchema }),
    response: strict({ completedAt: z.string().datetime() }),
  }),
  unlockAccount: route({
    method: 'POST', path: '/reset/unlock', auth: 'reset', summary: 'Unlock the account once every gate is passed, keeping the password (single use)',
    body: empty,
    response: strict({
      unlockedAt: z.string().datetime(),
      /**
       * Whether the account was locked (the directory's lockout or the service's sign-in block),
       * told only now that the person proved who they are; absent where the directory cannot tell.
       */
      wasLocked: z.boolean().optional(),
    }),
  }),
  extendReset: route({
    method: 'POST', path: '/reset/extend', auth: 'reset', summary: 'Give a reset more time before it runs out (WCAG 2.2.1: warned, then extended with one action; at most 10 times)',
    body: empty,
    response: strict({ expiresAt: z.string().datetime() }),
  }),
  checkPassword: route({
    method: 'POST', path: '/password-policy/check', auth: 'none', summary: "Check a new password against the service's rules and blocklist as it is typed (the directory still decides at the write)",
    /** `userId` as typed, never looked up: the answer must not depend on whether the account exists. */
    body: strict({ newPassword: newPasswordSchema, userId: userIdSchema.optional() }),
    response: z.discriminatedUnion('verdict', [
      strict({ verdict: z.literal('ok') }),
      strict({ verdict: z.literal('refused'), rule: passwordRuleSchema, ruleValue: z.number().int().optional() }),
    ]),
  }),
  changePassword: route({
    method: 'POST', path: '/password/change', auth: 'none', summary: 'Change a known password: the old one proves who you are',
    body: strict({ userId: userIdSchema, oldPassword: passwordSchema, newPassword: newPasswordSchema }),
    response: strict({ changedAt: z.string().datetime() }),
  }),
  contactHelpdesk: route({
    method: 'POST', path: '/helpdesk-requests', auth: 'none', summary: "Ask the organization's helpdesk to reset the password ('Contact your administrator')",
    body: strict({ userId: userIdSchema, reason: helpdeskReasonSchema }),
    response: strict({ supportCode: z.string() }),
  }),
  getDemoOutbox: route({
    method: 'GET', path: '/demo/outbox', auth: 'none', summary: 'Demo mode only: messages that would have been sent',
    body: empty,
    response: strict({ messages: z.array(outboxMessageSchema) }),
  }),
} as const;

export type ApiRoutes = typeof apiRoutes;
export type ApiRouteName = keyof ApiRoutes;
export type ApiBody<N extends ApiRouteName> = z.infer<ApiRoutes[N]['body']>;
export type ApiData<N extends ApiRouteName> = z.infer<ApiRoutes[N]['response']>;

/** The HTTP status of each error code: clients read the code, proxies and logs read the status. */
export const httpStatusOf: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  INTERNAL: 500,
  INVALID_CREDENTIALS: 401,
  SECOND_FACTOR_REQUIRED: 403,
  INVALID_CODE: 400,
  SETUP_EXPIRED: 410,
  RESET_EXPIRED: 410,
  STEP_NOT_ALLOWED: 409,
  METHOD_NOT_AVAILABLE: 400,
  METHOD_LIMIT_REACHED: 409,
  PASSWORD_NOT_MANAGED: 403,
  SSPR_NOT_ENABLED: 403,
  NOT_REGISTERED: 403,
  THROTTLED: 429,
  POLICY_VIOLATION: 422,
  DIRECTORY_UNREACHABLE: 502,
  DIRECTORY_TIMEOUT: 504,
  DIRECTORY_ERROR: 502,
  DIRECTORY_BAD_RESPONSE: 502,
  DIRECTORY_INSECURE: 400,
  VAULT_UNAVAILABLE: 500,
  KEYRING_MODULE_MISSING: 500,
  FORBIDDEN_SENDER: 403,
  NOT_AVAILABLE: 404,
  // An outside system failed (mail relay, SMS/voice provider, directory): not the service's
  // fault nor the client's, and never a 5xx (monitoring pages on those). 424 Failed Dependency.
  DELIVERY_FAILED: 424,
  DIRECTORY_UNAVAILABLE: 424,
  ACCOUNT_DISABLED: 403,
  ACCOUNT_LOCKED: 423,
  PASSWORD_EXPIRED: 403,
};

export { errorCodeSchema };
