import { describe, expect, it } from 'vitest';
import { SecretBox } from '../../../../server/crypto/secret-box.js';

describe('SecretBox', () => {
  const key = Buffer.alloc(32, 3);
  it('seals and opens; a value sealed with another key is refused by name', () => {
    const box = new SecretBox(key);
    const sealed = box.seal('+14255550123');
    expect(sealed).not.toContain('14255550123');
    expect(box.open(sealed)).toBe('+14255550123');
    expect(() => new SecretBox(Buffer.alloc(32, 4)).open(sealed)).toThrow(/another key/);
    // Two seals of one value differ (a fresh nonce each), and a changed byte is refused (GCM tag).
    expect(box.seal('+14255550123')).not.toBe(sealed);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0]! ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
  });

  it('derives one stable key per purpose: equal across instances with the same secret, different across purposes and secrets', () => {
    const a = new SecretBox(key).deriveKey('hidden-question-draw');
    expect(a).toHaveLength(32);
    expect(new SecretBox(Buffer.from(key)).deriveKey('hidden-question-draw').equals(a)).toBe(true);
    expect(new SecretBox(key).deriveKey('other').equals(a)).toBe(false);
    expect(new SecretBox(Buffer.alloc(32, 4)).deriveKey('hidden-question-draw').equals(a)).toBe(false);
    expect(a.equals(key)).toBe(false);
  });
});
