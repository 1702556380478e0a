/**
 * The method types and their traits, without zod: the renderer's initial bundle uses these
 * at run time (order, "less secure", "reset only"), and importing contract/methods.ts would
 * pull the whole of zod into it (~29 KB gz). contract/methods.ts re-exports everything here.
 */

/** The verification methods of the seed, in the order the app offers them. */
export const methodTypes = ['authenticatorApp', 'sms', 'voice', 'securityKey', 'email', 'questions'] as const;
export type MethodType = (typeof methodTypes)[number];

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
