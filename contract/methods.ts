import { z } from 'zod';

/** The verification methods of the seed, in the order the app offers them. */
export const methodTypes = ['authenticatorApp', 'sms', 'voice', 'securityKey', 'email', 'questions'] as const;
export const methodTypeSchema = z.enum(methodTypes);
export type MethodType = z.infer<typeof methodTypeSchema>;

/** Methods that can only be used to reset a password, never as a second factor (seed, NIST). */
export const resetOnlyMethods: readonly MethodType[] = ['email', 'questions'];

/** A registered method as its owner sees it: never a secret, at most a masked hint. */
export const registeredMethodSchema = z.object({
  id: z.string().min(1).max(64),
  type: methodTypeSchema,
  /** Name given by the user (authenticator app) or a masked address (`a•••@contoso.com`). */
  label: z.string().max(200),
  createdAt: z.string().datetime(),
});
export type RegisteredMethod = z.infer<typeof registeredMethodSchema>;
