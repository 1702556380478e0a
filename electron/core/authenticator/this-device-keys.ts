import { z } from 'zod';
import type { CredentialVault } from '../vault/credential-vault.js';
import { totpParamsSchema, type TotpParams } from './totp-code.js';

/**
 * This device's authenticator secrets, in the OS keyring and nowhere else. One item per
 * method holds the bare secret; one index item per user lists which of their method ids live
 * here, with how codes are made (digits, period: public). The index is in the keyring too, so
 * nothing about this feature is ever written to a file.
 *
 * Items are keyed on the directory's URL, the user and the method, so two directories (or
 * two users of one machine) never read each other's secrets.
 */
const indexSchema = z.strictObject({ methods: z.record(z.string(), totpParamsSchema) });
type Index = z.infer<typeof indexSchema>;

const userKey = (userId: string) => userId.trim().toLowerCase();

/** The keyring account of a method's secret (`secret-tool lookup service … account …`). */
export const secretAccount = (directoryUrl: string, userId: string, methodId: string) => `totp|${directoryUrl}|${userKey(userId)}|${methodId}`;
/** The keyring account of a user's index of this device's methods. */
export const indexAccount = (directoryUrl: string, userId: string) => `totp-index|${directoryUrl}|${userKey(userId)}`;

export class ThisDeviceKeys {
  constructor(
    private readonly vault: CredentialVault,
    private readonly directoryUrl: string,
  ) {}

  /** Reads something harmless, so a missing module or a dead keyring shows before any setup. */
  async probe(): Promise<void> {
    await this.vault.get(indexAccount(this.directoryUrl, '(probe)'));
  }

  /** The method ids of `userId` on this device, with their code parameters. A broken index reads as empty. */
  async methods(userId: string): Promise<Record<string, TotpParams>> {
    return (await this.readIndex(userId)).methods;
  }

  /** The method ids on this device, or none when the keyring cannot be read (a list still shows, unmarked). */
  async methodIdsOrNone(userId: string | null | undefined): Promise<ReadonlySet<string>> {
    if (!userId) return new Set();
    try {
      return new Set(Object.keys(await this.methods(userId)));
    } catch {
      return new Set();
    }
  }

  async save(userId: string, methodId: string, secret: string, params: TotpParams): Promise<void> {
    await this.vault.set(secretAccount(this.directoryUrl, userId, methodId), secret);
    const index = await this.readIndex(userId);
    index.methods[methodId] = params;
    await this.writeIndex(userId, index);
  }

  async secret(userId: string, methodId: string): Promise<string | null> {
    return this.vault.get(secretAccount(this.directoryUrl, userId, methodId));
  }

  /** Forget a method: its secret first, then its index line. True when it was here. */
  async remove(userId: string, methodId: string): Promise<boolean> {
    const index = await this.readIndex(userId);
    const deleted = await this.vault.delete(secretAccount(this.directoryUrl, userId, methodId));
    if (!(methodId in index.methods)) return deleted;
    delete index.methods[methodId];
    await this.writeIndex(userId, index);
    return true;
  }

  private async readIndex(userId: string): Promise<Index> {
    const raw = await this.vault.get(indexAccount(this.directoryUrl, userId));
    if (raw === null) return { methods: {} };
    try {
      const parsed = indexSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : { methods: {} };
    } catch {
      return { methods: {} };
    }
  }

  private async writeIndex(userId: string, index: Index): Promise<void> {
    const account = indexAccount(this.directoryUrl, userId);
    if (Object.keys(index.methods).length === 0) await this.vault.delete(account);
    else await this.vault.set(account, JSON.stringify(index));
  }
}
