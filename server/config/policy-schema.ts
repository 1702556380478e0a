/**
 * The `policy` section of the service config: every knob of POLICY.md in human units, each
 * optional (a missing knob keeps its default from `defaultPolicy`), each within its range.
 * The same knobs, minus those decided before the user is known, make a group override.
 */
import { z } from 'zod';
import { methodTypeSchema } from '../../contract/methods.js';
import { groupList, groupName, int, throttleSchema, uniqueBy } from './schema-helpers.js';

const questionText = z.string().trim().min(3).max(200);

const customQuestion = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'must be lowercase letters, digits and dashes (at most 48)'),
  // English is required: it is the fallback for every language the question lacks.
  text: z.strictObject({ en: questionText, 'zh-TW': questionText.optional() }),
});

const methodsEnabled = z
  .array(methodTypeSchema)
  .min(1)
  .refine((list) => new Set(list).size === list.length, 'lists a method twice');

/** The knobs shared by the tenant policy and the group overrides. */
const sharedKnobs = {
  methodsEnabled,
  methodsRequired: z.number().int('must be 1 or 2').refine((n) => n === 1 || n === 2, 'must be 1 or 2'),
  registration: z
    .strictObject({
      requireAtLaunch: z.boolean(),
      allowedSkips: int(0, 10),
      reconfirmDays: int(0, 730),
    })
    .partial(),
  maxAuthenticatorApps: int(1, 5),
  totp: z.strictObject({ secretBytes: int(16, 64) }).partial(),
  codes: z
    .strictObject({
      smsDigits: int(6, 8),
      emailDigits: int(6, 10),
      smsLifetimeMinutes: int(1, 10),
      emailLifetimeMinutes: int(1, 1440),
    })
    .partial(),
  questions: z
    .strictObject({
      toRegister: int(3, 5),
      toAnswer: int(3, 5),
      minAnswerLength: int(3, 40),
      maxAnswerLength: int(3, 100),
      custom: z.array(customQuestion).max(20).superRefine(uniqueBy('id', (q: z.infer<typeof customQuestion>) => q.id)),
    })
    .partial(),
  password: z
    .strictObject({
      minLength: int(8, 64),
      maxLength: int(64, 1024),
      disallowUserName: z.boolean(),
      blockCommon: z.boolean(),
    })
    .partial(),
  sessionLifetimeMinutes: int(5, 120),
  resetLifetimeMinutes: int(5, 60),
  setupLifetimeMinutes: int(5, 30),
  showTriesLeft: z.boolean(),
};

/** Per-user throttles: NIST caps consecutive failed verifications at 100. */
const userThrottles = {
  verifyFailures: throttleSchema(100),
  codeSends: throttleSchema(100),
  emailSends: throttleSchema(100),
  resetsPerAccount: throttleSchema(100),
  signInFailures: throttleSchema(100),
  helpdeskRequests: throttleSchema(100),
};

/** A key a group override may not set; the reason is the message. */
const notPerGroup = (why: string) =>
  z
    .unknown()
    .optional()
    .refine((v) => v === undefined, `cannot be set in a group override: ${why}`);

export const ssprEnabledForSchema = z.union([z.enum(['none', 'all']), z.strictObject({ groups: z.array(groupName).min(1).max(200) })], {
  error: "must be 'none', 'all' or { groups: [group, …] }",
});

export const groupOverrideKnobsSchema = z
  .strictObject({
    ...sharedKnobs,
    throttles: z.strictObject({ ...userThrottles, perAddress: notPerGroup('it applies before the user is known') }).partial(),
    ssprEnabledFor: notPerGroup('it decides per group already'),
    adminGroups: notPerGroup('administrators are defined once, for the tenant'),
    hideAccountState: notPerGroup('answers would differ by account and reveal it'),
    groups: notPerGroup('overrides do not nest'),
  })
  .partial();

export const groupOverrideSchema = z.strictObject({
  match: z.array(groupName).min(1).max(200),
  policy: groupOverrideKnobsSchema,
});

export const policyConfigSchema = z
  .strictObject({
    ...sharedKnobs,
    throttles: z.strictObject({ ...userThrottles, perAddress: throttleSchema(100_000, 10) }).partial(),
    ssprEnabledFor: ssprEnabledForSchema,
    adminGroups: groupList,
    hideAccountState: z.boolean(),
    groups: z.array(groupOverrideSchema).max(50),
  })
  .partial();

export type PolicyConfig = z.output<typeof policyConfigSchema>;
export type GroupOverrideConfig = z.output<typeof groupOverrideSchema>;
/** What the tenant policy and an override have in common, for the unit conversion. */
export type PolicyKnobsConfig = Omit<PolicyConfig, 'ssprEnabledFor' | 'adminGroups' | 'hideAccountState' | 'groups' | 'throttles'> & {
  throttles?: Omit<NonNullable<PolicyConfig['throttles']>, 'perAddress'> & { perAddress?: unknown };
};
