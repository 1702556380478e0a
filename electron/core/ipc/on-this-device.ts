import type { MethodChoice } from '../../../contract/api.js';
import type { GateMethod, SecurityInfoMethod } from '../../../contract/ipc.js';
import type { RegisteredMethod } from '../../../contract/methods.js';
import type { Services } from '../services.js';

/**
 * Marks the methods whose codes this device makes, so the renderer can offer "show the code"
 * instead of a code field. The keyring is read once per list; a keyring that cannot be read
 * marks nothing (the list still shows, and the user can type a code from elsewhere).
 */
export async function markGateMethods(s: Pick<Services, 'keys'>, userId: string, methods: readonly MethodChoice[]): Promise<GateMethod[]> {
  const here = await s.keys.methodIdsOrNone(userId);
  return methods.map((m) => ({ ...m, onThisDevice: here.has(m.id) }));
}

export async function markMethods(s: Pick<Services, 'keys'>, userId: string, methods: readonly RegisteredMethod[]): Promise<SecurityInfoMethod[]> {
  const here = await s.keys.methodIdsOrNone(userId);
  return methods.map((m) => ({ ...m, onThisDevice: here.has(m.id) }));
}

export async function markMethod(s: Pick<Services, 'keys'>, userId: string, method: RegisteredMethod): Promise<{ method: SecurityInfoMethod }> {
  const [marked] = await markMethods(s, userId, [method]);
  return { method: marked! };
}
