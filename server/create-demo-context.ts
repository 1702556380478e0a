import { contosoMethods, contosoPolicy, contosoTenant, contosoUsers } from './demo/contoso.js';
import { MemoryDirectory } from './directories/memory-directory.js';
import { Outbox } from './notify/outbox.js';
import type { SsprPolicy } from './policy/policy.js';
import type { ServiceContext } from './service-context.js';
import { MemoryStore } from './store/memory-store.js';

/** A fresh Contoso demo: memory directory, memory store, outbox. Nothing survives a restart. */
export async function createDemoContext(options: { clock?: () => number; policy?: Partial<SsprPolicy> } = {}): Promise<ServiceContext> {
  const clock = options.clock ?? Date.now;
  const store = new MemoryStore();
  for (const method of contosoMethods(new Date(clock()).toISOString())) await store.addMethod(method);
  const outbox = new Outbox(clock);
  return {
    tenant: contosoTenant,
    policy: { ...contosoPolicy, ...options.policy },
    directory: await MemoryDirectory.create(contosoUsers),
    store,
    notifier: outbox,
    outbox,
    clock,
  };
}
