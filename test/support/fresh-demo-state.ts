/**
 * Fresh demo state for property tests that run hundreds of short journeys against one
 * harness: a new store (with the Contoso methods, sealed), a new outbox, and a new memory
 * directory whose scrypt cost is lowered so a journey stays cheap — the same directory code,
 * not a double; its cost is not what these tests are about.
 */
import { seedDemoMethods } from '../../server/create-demo-context.js';
import { contosoUsers } from '../../server/demo/contoso.js';
import { MemoryDirectory } from '../../server/directories/memory-directory.js';
import { Outbox } from '../../server/notify/outbox.js';
import { MemoryStore } from '../../server/store/memory-store.js';
import type { ApiHarness } from './api-harness.js';

/** Put the harness's context back to a just-started demo at `now`. */
export async function freshDemoState(h: ApiHarness, now: number): Promise<MemoryDirectory> {
  h.clock.set(now);
  const store = new MemoryStore();
  await seedDemoMethods(store, h.ctx.box, now, h.ctx.hasher);
  const outbox = new Outbox(h.clock);
  const directory = await MemoryDirectory.create(contosoUsers, { scryptN: 2 ** 4 });
  Object.assign(h.ctx, { store, outbox, notifier: outbox, directory });
  return directory;
}
