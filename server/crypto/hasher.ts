import { hash, verify } from '@node-rs/argon2';

/** Hashes of what the service stores but must never read back: one-time codes, answers. */
export interface Hasher {
  hash(value: string): Promise<string>;
  verify(encoded: string, value: string): Promise<boolean>;
}

/** POLICY.md: Argon2id, m = 19 MiB, t = 2, p = 1 (OWASP's first recommended setting). */
export const ARGON2_POLICY = { memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

/** Argon2id through @node-rs/argon2 (prebuilt binaries shipped on npm; runs off the main thread). */
export class Argon2Hasher implements Hasher {
  constructor(private readonly params: { memoryCost: number; timeCost: number; parallelism: number } = ARGON2_POLICY) {}

  hash(value: string): Promise<string> {
    // algorithm 2 = Argon2id in @node-rs/argon2's enum (const enums are not importable under isolatedModules).
    return hash(value, { ...this.params, algorithm: 2 });
  }

  async verify(encoded: string, value: string): Promise<boolean> {
    try {
      return await verify(encoded, value);
    } catch {
      return false; // a malformed hash is a failed match, not a crash
    }
  }
}
