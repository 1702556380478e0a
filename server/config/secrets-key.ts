import { readFile as fsReadFile } from 'node:fs/promises';
import { ConfigError } from './config-error.js';
import type { ServiceConfig } from './config-schema.js';

export type Env = Readonly<Record<string, string | undefined>>;
export type ReadFile = (path: string) => Promise<string | Buffer>;

const KEY_BYTES = 32;
const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A 32-byte key from its base64 text, or the reason it is not one (never the text itself). */
function decodeKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  if (!trimmed) throw new ConfigError([`${where}: is empty; expected a 32-byte key in base64 (openssl rand -base64 32)`]);
  if (!base64.test(trimmed) || trimmed.length % 4 !== 0) throw new ConfigError([`${where}: is not base64; expected a 32-byte key in base64 (openssl rand -base64 32)`]);
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== KEY_BYTES) throw new ConfigError([`${where}: the key is ${key.length} bytes; it must be exactly ${KEY_BYTES} (openssl rand -base64 32)`]);
  return key;
}

/**
 * The AES-256 key that protects secrets at rest (TOTP secrets, phone numbers…), from the
 * environment variable `secrets.keyEnv` or the file `secrets.keyFile`, each holding 32 bytes
 * in base64. Throws ConfigError naming what is missing or wrong; the service refuses to
 * start outside demo mode when it does.
 */
export async function resolveSecretsKey(config: Pick<ServiceConfig, 'secrets'>, env: Env = process.env, readFile: ReadFile = (p) => fsReadFile(p)): Promise<Buffer> {
  const { keyEnv, keyFile } = config.secrets ?? {};
  if (keyEnv) {
    const value = env[keyEnv];
    if (value === undefined) throw new ConfigError([`secrets.keyEnv: environment variable ${keyEnv} is not set`]);
    return decodeKey(value, `secrets.keyEnv (${keyEnv})`);
  }
  if (keyFile) {
    let content: string | Buffer;
    try {
      content = await readFile(keyFile);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new ConfigError([`secrets.keyFile: cannot read ${keyFile} (${code})`]);
    }
    return decodeKey(content.toString('utf8'), `secrets.keyFile (${keyFile})`);
  }
  throw new ConfigError(['secrets: set keyFile or keyEnv (a 32-byte key in base64; required outside demo mode)']);
}
