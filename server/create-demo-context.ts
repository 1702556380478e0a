import { Argon2Hasher, type Hasher } from './crypto/hasher.js';
import { SecretBox } from './crypto/secret-box.js';
import { contosoMethods, contosoPolicy, contosoTenant, contosoUsers } from './demo/contoso.js';
import { MemoryDirectory } from './directories/memory-directory.js';
import { Outbox } from './notify/outbox.js';
import type { SsprPolicy } from './policy/policy.js';
import type { ServiceContext } from './service-context.js';
import { MemoryStore } from './store/memory-store.js';
import type { Store, StoredMethod } from './store/store.js';

/** Register the Contoso users' demo methods in `store`, sealed with `box` as the service seals them. */
export async function seedDemoMethods(store: Store, box: SecretBox, now: number): Promise<void> {
  for (const method of contosoMethods(new Date(now).toISOString())) {
    const sealed: StoredMethod =
      'address' in method ? { ...method, address: box.seal(method.address) } : 'secret' in method ? { ...method, secret: box.seal(method.secret) } : method;
    await store.addMethod(sealed);
  }
}

/**
 * A fresh Contoso demo: memory directory, memory store (or the one given, for tests of durable
 * stores), outbox, and a secrets key that lives only as long as the process. Nothing survives
 * a restart.
 */
export async function createDemoContext(options: { clock?: () => number; policy?: Partial<SsprPolicy>; hasher?: Hasher; store?: Store } = {}): Promise<ServiceContext> {
  const clock = options.clock ?? Date.now;
  const box = SecretBox.ephemeral();
  const store = options.store ?? new MemoryStore();
  await seedDemoMethods(store, box, clock());
  const outbox = new Outbox(clock);
  return {
    tenant: contosoTenant,
    policy: { ...contosoPolicy, ...options.policy },
    directory: await MemoryDirectory.create(contosoUsers),
    store,
    notifier: outbox,
    outbox,
    clock,
    box,
    hasher: options.hasher ?? new Argon2Hasher(),
    // The web host listens on a random port: any http://localhost port is this demo's origin.
    webauthn: { rpId: 'localhost', rpName: 'Contoso (demo)', origins: ['http://localhost:*'] },
  };
}
