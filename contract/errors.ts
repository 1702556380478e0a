import { z } from 'zod';

/**
 * Every error code a person or a program can meet, in one closed list.
 * The renderer maps each code to translated text and an action; the server and the
 * directory client only ever produce codes from this list.
 */
export const errorCodes = [
  // Input and protocol
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'INTERNAL',
  // Sign-in and verification
  'INVALID_CREDENTIALS',
  'SECOND_FACTOR_REQUIRED',
  'INVALID_CODE',
  'SETUP_EXPIRED',
  'RESET_EXPIRED',
  'STEP_NOT_ALLOWED',
  'METHOD_NOT_AVAILABLE',
  'METHOD_LIMIT_REACHED',
  // The seed's error table, and the policy's
  'PASSWORD_NOT_MANAGED',
  'SSPR_NOT_ENABLED',
  'NOT_REGISTERED',
  'THROTTLED',
  'POLICY_VIOLATION',
  // An outside system failed; the user's state is left as it was (nothing sent is counted)
  /** The mail relay or the SMS/voice provider refused or did not answer: nothing was sent. */
  'DELIVERY_FAILED',
  /** The directory did not answer (down, timeout, TLS): nothing was changed. */
  'DIRECTORY_UNAVAILABLE',
  /** The directory says the account is disabled (or expired) by an administrator: self-service cannot help. */
  'ACCOUNT_DISABLED',
  /** The directory locked the account after failed sign-ins: unlock it (self-service), or wait. */
  'ACCOUNT_LOCKED',
  /** The password is right but has expired (or must be changed at next sign-in): change it first. */
  'PASSWORD_EXPIRED',
  // Produced on the app's side of the wire
  'DIRECTORY_UNREACHABLE',
  'DIRECTORY_TIMEOUT',
  'DIRECTORY_ERROR',
  'DIRECTORY_BAD_RESPONSE',
  'DIRECTORY_INSECURE',
  'VAULT_UNAVAILABLE',
  /** The keyring's native module (keytar) is not installed or was built without libsecret. */
  'KEYRING_MODULE_MISSING',
  'FORBIDDEN_SENDER',
  'NOT_AVAILABLE',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** The password rules a new password can break; the renderer explains each one. */
export const passwordRules = [
  'minLength',
  'maxLength',
  /** The user's name, the parts of their id or display name. */
  'containsUserName',
  /** The organization's, the tenant's or the product's name (with digits or a year around it). */
  'containsOrganizationName',
  /** A common password, also once normalized (leetspeak, trailing digits, years and symbols stripped). */
  'commonPassword',
  /** One letter added, doubled, removed or changed from a common password. */
  'nearCommonPassword',
  /** A NUL or another control character: directories mishandle them. */
  'forbiddenCharacter',
  'directory',
] as const;
export const passwordRuleSchema = z.enum(passwordRules);
export type PasswordRule = z.infer<typeof passwordRuleSchema>;

export const errorInfoSchema = z.object({
  code: errorCodeSchema,
  /** English, for logs and programs; people see the translated text of `code`. */
  message: z.string().max(2000),
  /** Random id written to the audit log, for the user to read to the helpdesk. */
  supportCode: z.string().max(64).optional(),
  /** INVALID_CODE, when the policy shows it (`showTriesLeft`): wrong tries left before the method is blocked. */
  triesLeft: z.number().int().min(0).optional(),
  /** THROTTLED: when the user may try again (ISO 8601). */
  retryAfter: z.string().datetime().optional(),
  /** POLICY_VIOLATION: which rule, its parameter, and the directory's own words. */
  rule: passwordRuleSchema.optional(),
  ruleValue: z.number().int().optional(),
  directoryMessage: z.string().max(1000).optional(),
  /** POLICY_VIOLATION with rule `directory`: which of the directory's rules, as the directory classed it. */
  directoryReason: z.enum(['tooShort', 'quality', 'history', 'tooYoung', 'other']).optional(),
  /** Contact details from policy, for PASSWORD_NOT_MANAGED and similar. */
  helpdesk: z.object({ email: z.string().optional(), url: z.string().optional(), phone: z.string().optional() }).optional(),
});
export type ErrorInfo = z.infer<typeof errorInfoSchema>;

/** Results as data: every call across IPC or HTTP ends in one of these two shapes. */
export type Ok<T> = { ok: true; data: T };
export type Err = { ok: false; error: ErrorInfo };
export type Result<T> = Ok<T> | Err;

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data });
export const err = (code: ErrorCode, message: string, extra: Omit<ErrorInfo, 'code' | 'message'> = {}): Err => ({
  ok: false,
  error: { code, message, ...extra },
});

/** Zod schema of a Result carrying `data`, used to parse what crosses a boundary. */
export const resultSchema = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: errorInfoSchema }),
  ]);
