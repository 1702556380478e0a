import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../server/config/config-error.js';
import { parseServiceConfig } from '../../../../server/config/load-config.js';
import { resolveSecretsKey } from '../../../../server/config/secrets-key.js';
import { configText } from './config-fixtures.js';

const key = randomBytes(32);
const noFile = async (): Promise<Buffer> => {
  throw new Error('no file expected');
};

describe('resolveSecretsKey', () => {
  it('reads the key from the environment variable the config names', async () => {
    const found = await resolveSecretsKey({ secrets: { keyEnv: 'SIH_KEY' } }, { SIH_KEY: key.toString('base64') }, noFile);
    expect(found.equals(key)).toBe(true);
  });

  it('reads the key from the key file, trimming the newline openssl writes', async () => {
    const files: string[] = [];
    const found = await resolveSecretsKey({ secrets: { keyFile: '/etc/sih/secrets.key' } }, {}, async (p) => {
      files.push(p);
      return `${key.toString('base64')}\n`;
    });
    expect(found.equals(key)).toBe(true);
    expect(files).toEqual(['/etc/sih/secrets.key']);
  });

  const refusal = async (config: Parameters<typeof resolveSecretsKey>[0], env: Record<string, string>, readFile = noFile) => {
    const error = await resolveSecretsKey(config, env, readFile).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  };

  it('names what is missing', async () => {
    expect(await refusal({}, {})).toEqual(['secrets: set keyFile or keyEnv (a 32-byte key in base64; required outside demo mode)']);
    expect(await refusal({ secrets: { keyEnv: 'SIH_KEY' } }, {})).toEqual(['secrets.keyEnv: environment variable SIH_KEY is not set']);
  });

  it('refuses a key of the wrong length, without repeating it', async () => {
    const short = randomBytes(16).toString('base64');
    const problems = await refusal({ secrets: { keyEnv: 'SIH_KEY' } }, { SIH_KEY: short });
    expect(problems).toEqual(['secrets.keyEnv (SIH_KEY): the key is 16 bytes; it must be exactly 32 (openssl rand -base64 32)']);
    expect(problems.join()).not.toContain(short);
    expect(await refusal({ secrets: { keyEnv: 'K' } }, { K: randomBytes(33).toString('base64') })).toEqual([expect.stringContaining('the key is 33 bytes')]);
  });

  it('refuses text that is not base64, and an empty key', async () => {
    expect(await refusal({ secrets: { keyEnv: 'K' } }, { K: 'correct horse battery staple' })).toEqual([expect.stringContaining('secrets.keyEnv (K): is not base64')]);
    expect(await refusal({ secrets: { keyEnv: 'K' } }, { K: ' ' })).toEqual([expect.stringContaining('secrets.keyEnv (K): is empty')]);
  });

  it('names an unreadable key file', async () => {
    const problems = await refusal({ secrets: { keyFile: '/etc/sih/secrets.key' } }, {}, async () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    expect(problems).toEqual(['secrets.keyFile: cannot read /etc/sih/secrets.key (EACCES)']);
  });

  it('is configured by one source only', () => {
    expect(() => parseServiceConfig(configText({ secrets: { keyEnv: 'K', keyFile: 'k' } }))).toThrow('secrets: set keyFile or keyEnv, not both');
  });
});
