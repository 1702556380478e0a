/**
 * The channel map between the renderer and the main side: one request and one response
 * schema per channel. Both hosts (Electron's ipcMain and the web host) parse requests with
 * these before any handler runs; the renderer's `window.signin` type is derived from here.
 *
 * Every method's setup and proof crosses here — codes, answers, WebAuthn options and
 * responses — but never a secret: setup ids, session and reset tokens and TOTP secrets of
 * this device stay on the main side. The one exception is shown once on purpose: the QR
 * payload of an authenticator app being added on another device.
 */
import { z } from 'zod';
import {
  apiRoutes,
  challengeSchema,
  codeSchema,
  helpdeskReasonSchema,
  idSchema,
  methodChoiceSchema,
  methodNameSchema,
  outboxMessageSchema,
  passwordPolicySchema,
  newPasswordSchema,
  passwordSchema,
  proofSchema,
  userIdSchema,
  userSummarySchema,
  webauthnResponseSchema,
} from './api.js';
import type { Result } from './errors.js';
import { ipcEvents, ipcMethods, type IpcChannel, type IpcEventChannel, type IpcEventSubscription, type IpcMethodName } from './ipc-methods.js';
import { registeredMethodSchema } from './methods.js';

export const languages = ['en', 'zh-TW'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

const none = z.strictObject({});

/** The flows the app can be opened into. */
export const startFlowSchema = z.enum(['home', 'reset', 'unlock', 'change']);
export type StartFlow = z.infer<typeof startFlowSchema>;

export const appInfoSchema = z.strictObject({
  version: z.string(),
  host: z.enum(['electron', 'web']),
  demo: z.boolean(),
  tenantName: z.string(),
  /** The OS (or browser) locale, to pick a language when none is chosen. */
  systemLocale: z.string(),
  /** The chosen language, if any; `languageLocked` when managed policy sets it. */
  language: languageSchema.nullable(),
  languageLocked: z.boolean(),
  helpdesk: z.strictObject({ email: z.string().optional(), url: z.string().optional(), phone: z.string().optional() }),
  /** Where the app was asked to open (`--reset`, `--unlock`, `--change`, a deep link; the lock-screen helper opens reset). */
  startFlow: startFlowSchema,
  /** A user id from `--user` or a deep link: only pre-fills the field. */
  startUserId: z.string().max(256).optional(),
  /** `--lock-screen`: reset and unlock only, no links out, no settings, this device is no authenticator. */
  lockScreen: z.boolean().optional(),
  /** After this long with no call, the core wipes the session: the page warns a minute before. */
  idleTimeoutMs: z.number().int().positive(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** A method offered to pass a gate (second factor, reset), with whether its codes come from this device. */
export const gateMethodSchema = methodChoiceSchema.extend({ onThisDevice: z.boolean() });
export type GateMethod = z.infer<typeof gateMethodSchema>;

/** A registered method on the Security info page, with whether it is this device's authenticator. */
export const securityInfoMethodSchema = registeredMethodSchema.extend({ onThisDevice: z.boolean() }).strict();
export type SecurityInfoMethod = z.infer<typeof securityInfoMethodSchema>;

const securityInfoSchema = apiRoutes.getSecurityInfo.response.extend({ methods: z.array(securityInfoMethodSchema) });

/** A code was sent to the phone or address being added; the setup id stays on the main side. */
const codeSentSchema = z.strictObject({ sentTo: z.string(), expiresAt: z.string().datetime(), digits: z.number().int() });
const methodAddedSchema = z.strictObject({ method: securityInfoMethodSchema });

/**
 * Why this device cannot be an authenticator, when it cannot. `presenceUnavailable`: the OS
 * offers no user-presence check here (a missing Windows Hello is a failure, never a bypass).
 */
export const thisDeviceStatusSchema = z.strictObject({
  available: z.boolean(),
  reason: z.enum(['ok', 'presenceUnavailable', 'forbiddenByPolicy', 'kioskMode', 'keyringUnavailable', 'keyringModuleMissing']),
});
export type ThisDeviceStatus = z.infer<typeof thisDeviceStatusSchema>;

/** The OS's answer to "is the user here?", then the code when it said yes. A closed union. */
export const thisDeviceCodeSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('success'), code: codeSchema, secondsLeft: z.number().int().min(0), period: z.number().int() }),
  z.strictObject({ outcome: z.enum(['cancelled', 'unavailable', 'error']) }),
]);
export type ThisDeviceCode = z.infer<typeof thisDeviceCodeSchema>;

export const ipcChannels = {
  'app.getInfo': { request: none, response: appInfoSchema },
  /** Close the app (the lock-screen helper after success or idle): the session is wiped first. */
  'app.quit': { request: none, response: none },
  /** `remember: false` only tells the main side which language the user reads now (the service writes in it). */
  'app.setLanguage': { request: z.strictObject({ language: languageSchema, remember: z.boolean().default(true) }), response: none },
  'session.signIn': {
    request: z.strictObject({ userId: userIdSchema, password: passwordSchema }),
    response: z.strictObject({ status: z.enum(['signedIn', 'secondFactorRequired']), user: userSummarySchema, secondFactorMethods: z.array(gateMethodSchema) }),
  },
  'session.startSecondFactor': { request: z.strictObject({ methodId: idSchema }), response: challengeSchema },
  'session.verifySecondFactor': { request: proofSchema, response: z.strictObject({ user: userSummarySchema }) },
  'session.signOut': { request: none, response: none },
  'securityInfo.get': { request: none, response: securityInfoSchema },
  'securityInfo.beginAuthenticatorApp': {
    request: none,
    /** The QR payload, shown once during setup; the setup id stays on the main side. */
    response: z.strictObject({ otpauthUri: z.string(), manualKey: z.string(), issuer: z.string(), accountName: z.string() }),
  },
  'securityInfo.confirmAuthenticatorApp': { request: z.strictObject({ code: codeSchema, name: methodNameSchema }), response: methodAddedSchema },
  /** Sends a code to the new phone; calling again resends (a new code replaces the old one). */
  'securityInfo.beginPhone': {
    request: z.strictObject({ type: z.enum(['sms', 'voice']), phoneNumber: z.string().trim().min(3).max(32), country: z.string().regex(/^[A-Z]{2}$/).optional() }),
    response: codeSentSchema,
  },
  'securityInfo.confirmPhone': { request: z.strictObject({ code: codeSchema }), response: methodAddedSchema },
  'securityInfo.beginEmail': { request: z.strictObject({ address: z.string().trim().max(254).email() }), response: codeSentSchema },
  'securityInfo.confirmEmail': { request: z.strictObject({ code: codeSchema }), response: methodAddedSchema },
  'securityInfo.beginSecurityKey': {
    request: z.strictObject({ attachment: z.enum(['platform', 'cross-platform']).optional() }),
    /** WebAuthn creation options (public: a challenge, the rp and user ids) for @simplewebauthn/browser. */
    response: z.strictObject({ options: z.record(z.string(), z.unknown()) }),
  },
  'securityInfo.confirmSecurityKey': { request: z.strictObject({ name: methodNameSchema, response: webauthnResponseSchema }), response: methodAddedSchema },
  'securityInfo.getQuestionPool': { request: none, response: apiRoutes.getQuestionPool.response },
  'securityInfo.registerQuestions': { request: apiRoutes.registerQuestions.body, response: methodAddedSchema },
  'securityInfo.removeMethod': { request: z.strictObject({ methodId: idSchema }), response: none },
  'securityInfo.renameMethod': { request: z.strictObject({ methodId: idSchema, name: methodNameSchema }), response: methodAddedSchema },
  'securityInfo.setDefaultMethod': { request: z.strictObject({ methodId: idSchema }), response: none },
  'securityInfo.reconfirm': { request: none, response: z.strictObject({ reconfirmedAt: z.string().datetime() }) },
  'securityInfo.skipRegistration': { request: none, response: z.strictObject({ skipsLeft: z.number().int().min(0) }) },
  /** Whether this device can hold an authenticator (OS presence check, keyring, policy, mode). */
  'thisDevice.getStatus': { request: none, response: thisDeviceStatusSchema },
  /** Adds this device as an authenticator app: the secret goes from the service straight into the OS keyring. */
  'thisDevice.add': { request: z.strictObject({ name: methodNameSchema }), response: methodAddedSchema },
  /** Asks the OS whether the user is present; only then returns the current code. */
  'thisDevice.getCode': { request: z.strictObject({ methodId: idSchema }), response: thisDeviceCodeSchema },
  'password.getPolicy': { request: none, response: passwordPolicySchema },
  /** Check a new password as it is typed: the service's rules and its blocklist (debounced by the renderer). */
  'password.check': { request: apiRoutes.checkPassword.body, response: apiRoutes.checkPassword.response },
  /** Change a known password: the old one proves who you are (it counts towards the sign-in limit). */
  'password.change': { request: apiRoutes.changePassword.body, response: apiRoutes.changePassword.response },
  /** Start a reset or an unlock: the same gates; `expiresAt` lets the app warn before the session runs out. */
  'reset.start': {
    request: z.strictObject({ userId: userIdSchema, mode: z.enum(['reset', 'unlock']).default('reset') }),
    response: z.strictObject({
      userId: z.string(),
      mode: z.enum(['reset', 'unlock']),
      required: z.number().int(),
      expiresAt: z.string().datetime(),
      methods: z.array(gateMethodSchema),
      /** hideAccountState: pick a type from `methodTypes` and prove it by type (the full number or address). */
      hidden: z.literal(true).optional(),
      methodTypes: apiRoutes.startReset.response.shape.methodTypes,
    }),
  },
  /** By method id, or by type when the reset is hidden (the full number or address). */
  'reset.startChallenge': { request: apiRoutes.startResetChallenge.body, response: challengeSchema },
  'reset.verify': { request: apiRoutes.verifyReset.body, response: apiRoutes.verifyReset.response },
  'reset.setPassword': { request: z.strictObject({ newPassword: newPasswordSchema }), response: none },
  'reset.cancel': { request: none, response: none },
  /** Once every gate is passed in an unlock: lift the directory's lockout, keep the password. */
  'reset.unlock': { request: none, response: apiRoutes.unlockAccount.response },
  /** More time for the reset (the page warns before `expiresAt`); the service caps how often. */
  'reset.extend': { request: none, response: apiRoutes.extendReset.response },
  'helpdesk.contact': { request: z.strictObject({ userId: userIdSchema, reason: helpdeskReasonSchema }), response: z.strictObject({ supportCode: z.string() }) },
  'demo.getOutbox': { request: none, response: z.strictObject({ messages: z.array(outboxMessageSchema) }) },
} as const satisfies Record<IpcChannel, { request: z.ZodType; response: z.ZodType }>;

export type IpcChannels = typeof ipcChannels;

/** One payload schema per main → renderer event; the core parses what it emits with these. */
export const ipcEventSchemas = {
  'app.navigate': z.strictObject({ flow: startFlowSchema, userId: z.string().max(256).optional() }),
  'session.wiped': z.strictObject({ reason: z.enum(['idle', 'signedOut', 'lockScreenDone']) }),
} as const satisfies Record<IpcEventChannel, z.ZodType>;
export type IpcEventPayload<C extends IpcEventChannel> = z.infer<(typeof ipcEventSchemas)[C]>;
export type IpcRequest<C extends IpcChannel> = z.input<IpcChannels[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.infer<IpcChannels[C]['response']>;

/** The object the preload exposes as `window.signin` (and the web bridge mimics). */
export type SigninApi = {
  [M in IpcMethodName]: (request: IpcRequest<(typeof ipcMethods)[M]>) => Promise<Result<IpcResponse<(typeof ipcMethods)[M]>>>;
} & {
  /** Named subscriptions to main → renderer events; each returns its unsubscribe. */
  [S in IpcEventSubscription]: (listener: (payload: IpcEventPayload<(typeof ipcEvents)[S]>) => void) => () => void;
};

// Compile-time check: every channel in the map has a method name, and no name points nowhere.
type MissingMethod = Exclude<keyof IpcChannels, IpcChannel>;
const _everyChannelNamed: MissingMethod extends never ? true : never = true;
void _everyChannelNamed;

export { ipcEvents, ipcMethods };
export type { IpcChannel, IpcEventChannel, IpcEventSubscription, IpcMethodName };
