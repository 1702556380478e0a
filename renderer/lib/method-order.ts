import { methodTraits, methodTypes, type MethodType } from '../../contract/method-traits';

const strengthRank = { strong: 0, restricted: 1, resetOnly: 2 } as const;

/** Strong methods (app, key) first, then text and call (NIST "restricted"), then email and questions. */
export function byStrength<T extends { type: MethodType }>(methods: readonly T[]): T[] {
  const rank = (m: T) => strengthRank[methodTraits[m.type].strength] * 10 + methodTypes.indexOf(m.type);
  // Array.prototype.sort is stable: methods of one type keep the service's order.
  return [...methods].sort((a, b) => rank(a) - rank(b));
}

/** The Security info page's order: the default method first, then by strength. */
export function orderRegistered<T extends { id: string; type: MethodType }>(methods: readonly T[], defaultMethodId: string | null): T[] {
  const sorted = byStrength(methods);
  const i = sorted.findIndex((m) => m.id === defaultMethodId);
  if (i <= 0) return sorted;
  return [sorted[i]!, ...sorted.slice(0, i), ...sorted.slice(i + 1)];
}
