/**
 * The memory directory (the demo's, and the reference) against the Directory contract. It
 * has no server: its "independent" password check is its own verifyPassword, its lockout is
 * lock() (it counts no failures), and an administrator's states are setState().
 */
import { MemoryDirectory } from '../../../server/directories/memory-directory.js';
import { directoryContract, type FreshUser } from '../../support/directory-contract.js';

const reference = {
  userId: 'alain@contoso.com',
  displayName: 'Alain Dupont',
  groups: ['sspr-users', 'staff'],
  passwordManaged: true,
  contact: { email: 'alain.dupont@example.net', phone: '+14255550101' },
};
const SPARES = 12;

directoryContract('memory directory', async () => {
  const spares = Array.from({ length: SPARES }, (_, i) => ({ userId: `spare${i}@contoso.com`, displayName: `Spare ${i}`, groups: [], passwordManaged: true, password: `Spare-Passw0rd-${i}` }));
  // The cost of its scrypt is not what is tested here: low, so a case stays milliseconds.
  const directory = await MemoryDirectory.create([{ ...reference, password: 'Alain-Passw0rd1' }, ...spares], { scryptN: 2 ** 10 });
  let next = 0;
  return {
    directory,
    reference: { id: 'Alain@Contoso.com', password: 'Alain-Passw0rd1', expected: { ...reference, state: { locked: false, disabled: false, expired: false, mustChange: false } } },
    async freshUser(): Promise<FreshUser> {
      const seed = spares[next++];
      if (!seed) throw new Error(`the memory fixture has ${SPARES} spare users: raise SPARES`);
      return { id: seed.userId, password: seed.password, forms: [seed.userId], canonical: seed.userId };
    },
    passwordWorks: async (user, password) => (await directory.verifyPassword(user.id, password)) === 'ok',
    lockByFailedBinds: async (user) => directory.lock(user.id),
    disable: async (user) => directory.setState(user.id, { disabled: true }),
    expireAccount: async (user) => directory.setState(user.id, { expired: true }),
    requireChange: async (user) => directory.setState(user.id, { mustChange: true }),
    rules: { history: 3, source: 'demo directory' },
    words: { history: /history/i },
    close: async () => undefined,
  };
});
