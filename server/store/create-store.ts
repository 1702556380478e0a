/**
 * The one place a Store is chosen from configuration: memory (demo, unit tests), SQLite
 * (one instance: the default of a real deployment), PostgreSQL (several instances behind a
 * load balancer). Durable stores are migrated before they are returned; a database written
 * by a newer build is refused (SchemaTooNewError).
 */
import { MemoryStore } from './memory-store.js';
import type { Store } from './store.js';

export type StoreConfig = { kind: 'memory' } | { kind: 'sqlite'; path: string; durability?: 'crash' | 'power-loss' } | { kind: 'postgres'; url: string };

export async function createStore(config: StoreConfig): Promise<Store> {
  switch (config.kind) {
    case 'memory':
      return new MemoryStore();
    case 'sqlite': {
      // Loaded on demand: the embedded demo and the memory store never load a native driver.
      const { SqliteStore } = await import('./sqlite-store.js');
      return SqliteStore.open(config.path, config.durability ? { durability: config.durability } : {});
    }
    case 'postgres': {
      const { PostgresStore } = await import('./postgres-store.js');
      return PostgresStore.open(config.url);
    }
  }
}
