import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Seals secrets before they reach the store (TOTP secrets, phone numbers, addresses, public
 * keys): AES-256-GCM with a random 96-bit nonce; the output names the key it was sealed with
 * (the first 8 hex chars of the key's SHA-256) so a rotated key is recognised, not misused.
 * Format: `v1.<keyId>.<nonce b64url>.<ciphertext b64url>.<tag b64url>`.
 */
export class SecretBox {
  private readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('The secrets key must be 32 bytes');
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  }

  /** A box with a fresh random key: for the demo, whose data dies with the process. */
  static ephemeral(): SecretBox {
    return new SecretBox(randomBytes(32));
  }

  /**
   * A 32-byte key for one purpose, derived from the secrets key (HKDF-SHA256, `purpose` as
   * info): the same on every instance and across restarts, and telling nothing about the
   * secrets key or any other purpose's key.
   */
  deriveKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), `sign-in-helper/${purpose}`, 32));
  }

  seal(plain: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', this.keyId, nonce.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  /** The plain text, or throws when the value was sealed with another key or tampered with. */
  open(sealed: string): string {
    const [version, keyId, nonce, body, tag] = sealed.split('.');
    if (version !== 'v1' || !nonce || body === undefined || !tag) throw new Error('Not a sealed value');
    if (keyId !== this.keyId) throw new Error(`Sealed with another key (${keyId})`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
