/** The reference implementation against the Store contract. */
import { MemoryStore } from '../../../server/store/memory-store.js';
import { storeContract } from './store-contract.js';

storeContract('MemoryStore', async () => ({ store: new MemoryStore() }), { durable: false });
