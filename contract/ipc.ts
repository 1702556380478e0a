/**
 * The channel map between the renderer and the main side: one request and one response
 * schema per channel. Both hosts (Electron's ipcMain and the web host) parse requests with
 * these before any handler runs; the renderer's `window.signin` type is derived from here.
 */
import { z } from 'zod';
import { codeSchema, helpdeskReasonSchema, idSchema, methodChoiceSchema, outboxMessageSchema, passwordPolicySchema, passwordSchema, userIdSchema, userSummarySchema } from './api.js';
import type { Result } from './errors.js';
import { ipcMethods, type IpcChannel, type IpcMethodName } from './ipc-methods.js';
import { methodTypeSchema, registeredMethodSchema } from './methods.js';

export const languages = ['en', 'zh-TW'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

const none = z.strictObject({});

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
  /** Where the app was asked to open (lock-screen helper opens straight into reset). */
  startFlow: z.enum(['home', 'reset']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const ipcChannels = {
  'app.getInfo': { request: none, response: appInfoSchema },
  'app.setLanguage': { request: z.strictObject({ language: languageSchema }), response: none },
  'session.signIn': {
    request: z.strictObject({ userId: userIdSchema, password: passwordSchema }),
    response: z.strictObject({ status: z.enum(['signedIn', 'secondFactorRequired']), user: userSummarySchema, secondFactorMethods: z.array(methodChoiceSchema) }),
  },
  'session.verifySecondFactor': { request: z.strictObject({ methodId: idSchema, code: codeSchema }), response: z.strictObject({ user: userSummarySchema }) },
  'session.signOut': { request: none, response: none },
  'securityInfo.get': {
    request: none,
    response: z.strictObject({ methods: z.array(registeredMethodSchema), enabled: z.array(methodTypeSchema), canAdd: z.array(methodTypeSchema) }),
  },
  'securityInfo.beginAuthenticatorApp': {
    request: none,
    /** The QR payload, shown once during setup; the setup id stays on the main side. */
    response: z.strictObject({ otpauthUri: z.string(), manualKey: z.string(), issuer: z.string(), accountName: z.string() }),
  },
  'securityInfo.confirmAuthenticatorApp': {
    request: z.strictObject({ code: codeSchema, name: z.string().trim().min(1).max(64) }),
    response: z.strictObject({ method: registeredMethodSchema }),
  },
  'password.getPolicy': { request: none, response: passwordPolicySchema },
  'reset.start': {
    request: z.strictObject({ userId: userIdSchema }),
    response: z.strictObject({ userId: z.string(), required: z.number().int(), methods: z.array(methodChoiceSchema) }),
  },
  'reset.verify': {
    request: z.strictObject({ methodId: idSchema, code: codeSchema }),
    response: z.strictObject({ passed: z.number().int(), required: z.number().int(), complete: z.boolean() }),
  },
  'reset.setPassword': { request: z.strictObject({ newPassword: passwordSchema }), response: none },
  'reset.cancel': { request: none, response: none },
  'helpdesk.contact': { request: z.strictObject({ userId: userIdSchema, reason: helpdeskReasonSchema }), response: z.strictObject({ supportCode: z.string() }) },
  'demo.getOutbox': { request: none, response: z.strictObject({ messages: z.array(outboxMessageSchema) }) },
} as const satisfies Record<IpcChannel, { request: z.ZodType; response: z.ZodType }>;

export type IpcChannels = typeof ipcChannels;
export type IpcRequest<C extends IpcChannel> = z.input<IpcChannels[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.infer<IpcChannels[C]['response']>;

/** The object the preload exposes as `window.signin` (and the web bridge mimics). */
export type SigninApi = {
  [M in IpcMethodName]: (request: IpcRequest<(typeof ipcMethods)[M]>) => Promise<Result<IpcResponse<(typeof ipcMethods)[M]>>>;
};

// Compile-time check: every channel in the map has a method name, and no name points nowhere.
type MissingMethod = Exclude<keyof IpcChannels, IpcChannel>;
const _everyChannelNamed: MissingMethod extends never ? true : never = true;
void _everyChannelNamed;

export { ipcMethods };
export type { IpcChannel, IpcMethodName };
