import { Argon2Hasher, type Hasher } from './crypto/hasher.js';
import { SecretBox } from './crypto/secret-box.js';
import { contosoMethods, contosoPolicy, contosoTenant, contosoUsers, type DemoMethod } from './demo/contoso.js';
import { MemoryDirectory } from './directories/memory-directory.js';
import { Outbox } from './notify/outbox.js';
import type { SsprPolicy } from './policy/policy.js';
import type { ServiceContext } from './service-context.js';
import { MemoryStore } from './store/memory-store.js';
import type { Store, StoredMethod } from './store/store.js';
import { normalizeAnswer } from './verifiers/questions.js';

/** Register the Contoso users' demo methods in `store`, sealed and hashed as the service stores them. */
export async function seedDemoMethods(store: Store, box: SecretBox, now: number, hasher: Hasher): Promise<void> {
  for (const method of contosoMethods(new Date(now).toISOString())) {
    await store.addMethod(await sealDemoMethod(method, box, hasher));
  }
}

async function sealDemoMethod(method: DemoMethod, box: SecretBox, hasher: Hasher): Promise<StoredMethod> {
  if (method.type === 'questions') {
    const answers = await Promise.all(method.answers.map(async (a) => ({ questionId: a.questionId, hash: await hasher.hash(normalizeAnswer(a.answer)) })));
    return { ...method, answers };
  }
  if ('address' in method) return { ...method, address: box.seal(method.address) };
  if ('secret' in method) return { ...method, secret: box.seal(method.secret) };
  return method;
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
  const hasher = options.hasher ?? new Argon2Hasher();
  await seedDemoMethods(store, box, clock(), hasher);
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
    hasher,
    // The web host listens on a random port: any http://localhost port is this demo's origin;
    // the packaged Electron app serves its page from https://localhost (docs/security.md).
    webauthn: { rpId: 'localhost', rpName: 'Contoso (demo)', origins: ['http://localhost:*', 'https://localhost'] },
  };
}
