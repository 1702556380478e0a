import type { SsprPolicy } from './policy.js';

/**
 * Knobs that a group override may NOT change, because they are decided before the user (and
 * so their groups) is known, or because they define groups themselves: who has SSPR, who is
 * an administrator, the per-address throttle, hiding account state (an override would make
 * answers differ by account and reveal it), and nesting of overrides.
 */
export const notPerGroupKnobs = ['ssprEnabledFor', 'adminGroups', 'perAddress', 'hideAccountState', 'overrides'] as const;
type NotPerGroup = (typeof notPerGroupKnobs)[number];
type Overridable = Omit<SsprPolicy, NotPerGroup>;

/**
 * A partial policy: any knob a group override may set. Objects (throttles, codes, questions…)
 * may be given in part; arrays (methodsEnabled, custom questions) replace the whole list.
 */
export type PolicyPatch = {
  [K in keyof Overridable]?: Overridable[K] extends readonly unknown[] ? Overridable[K] : Overridable[K] extends object ? Partial<Overridable[K]> : Overridable[K];
};

/** `policy` with `patch` laid over it: one level deep for objects, whole for arrays and values. */
export function applyPolicyPatch<P extends SsprPolicy>(policy: P, patch: PolicyPatch): P {
  const result = { ...policy } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const current = result[key];
    const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
    result[key] = isPlainObject(value) && isPlainObject(current) ? { ...current, ...stripUndefined(value) } : value;
  }
  return result as P;
}

const stripUndefined = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
