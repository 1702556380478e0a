import { z } from 'zod';

/** The verification methods of the seed, in the order the app offers them. */
export const methodTypes = ['authenticatorApp', 'sms', 'voice', 'securityKey', 'email', 'questions'] as const;
export const methodTypeSchema = z.enum(methodTypes);
export type MethodType = z.infer<typeof methodTypeSchema>;

/**
 * What every side must know of a method type without its module: may it stand as a second
 * factor (seed, NIST: never email or questions), and how strong is it (NIST "restricted"
 * for text and call: shown after the stronger methods, marked as weaker).
 * A Record, so a new method type without its traits is a compile error.
 */
export const methodTraits: Record<MethodType, { secondFactor: boolean; resetOnly: boolean; strength: 'strong' | 'restricted' | 'resetOnly' }> = {
  authenticatorApp: { secondFactor: true, resetOnly: false, strength: 'strong' },
  securityKey: { secondFactor: true, resetOnly: false, strength: 'strong' },
  sms: { secondFactor: true, resetOnly: false, strength: 'restricted' },
  voice: { secondFactor: true, resetOnly: false, strength: 'restricted' },
  email: { secondFactor: false, resetOnly: true, strength: 'resetOnly' },
  questions: { secondFactor: false, resetOnly: true, strength: 'resetOnly' },
};

/** Methods that can only be used to reset a password, never as a second factor (seed, NIST). */
export const resetOnlyMethods: readonly MethodType[] = methodTypes.filter((t) => methodTraits[t].resetOnly);

/** A registered method as its owner sees it: never a secret, at most a masked hint. */
export const registeredMethodSchema = z.object({
  id: z.string().min(1).max(64),
  type: methodTypeSchema,
  /** Name given by the user (authenticator app) or a masked address (`a•••@contoso.com`). */
  label: z.string().max(200),
  createdAt: z.string().datetime(),
});
export type RegisteredMethod = z.infer<typeof registeredMethodSchema>;
