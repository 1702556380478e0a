/**
 * The password policy control of draft-behera-ldap-password-policy (OpenLDAP's ppolicy
 * overlay): sent empty with a bind or a password change, it comes back telling WHY the
 * server refused — "too short", "in history", "locked" — where the result code alone says
 * only "constraint violation" or "invalid credentials".
 *
 * ldapts hands a response control of a type it does not know to the request control of the
 * same type (ControlParser), so the decoded answer lands on the instance that was sent.
 */
import { Control } from 'ldapts';

export const PPOLICY_OID = '1.3.6.1.4.1.42.2.27.8.5.1';

/** The draft's error enumeration, in its order. */
export const ppolicyErrors = [
  'passwordExpired',
  'accountLocked',
  'changeAfterReset',
  'passwordModNotAllowed',
  'mustSupplyOldPassword',
  'insufficientPasswordQuality',
  'passwordTooShort',
  'passwordTooYoung',
  'passwordInHistory',
] as const;
export type PpolicyError = (typeof ppolicyErrors)[number];

/** One BER TLV (short or long definite length; the control is small). */
function readTlv(buf: Buffer, at: number): { tag: number; start: number; end: number } | null {
  if (at + 2 > buf.length) return null;
  const tag = buf[at]!;
  let len = buf[at + 1]!;
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || start + n > buf.length) return null;
    len = 0;
    for (let i = 0; i < n; i++) len = (len << 8) | buf[start + i]!;
    start += n;
  }
  const end = start + len;
  return end <= buf.length ? { tag, start, end } : null;
}

const readUnsigned = (buf: Buffer, start: number, end: number): number => {
  let v = 0;
  for (let i = start; i < end; i++) v = v * 256 + buf[i]!;
  return v;
};

export class PasswordPolicyControl extends Control {
  /** Set when the server answered with the control. */
  error?: PpolicyError;
  timeBeforeExpiration?: number;
  graceAuthNsRemaining?: number;

  constructor() {
    super(PPOLICY_OID, { critical: false });
  }

  /** The request carries no value. */
  protected override writeControl(): void {}

  /**
   * ldapts gives a reader over the control's value: SEQUENCE { warning [0] CHOICE {
   * timeBeforeExpiration [0] INTEGER, graceAuthNsRemaining [1] INTEGER } OPTIONAL,
   * error [1] ENUMERATED OPTIONAL }. Decoded by hand: two optional fields.
   */
  protected override parseControl(reader: { buffer: Buffer }): void {
    const buf = reader.buffer;
    const seq = readTlv(buf, 0);
    if (!seq || seq.tag !== 0x30) return;
    for (let at = seq.start; at < seq.end; ) {
      const field = readTlv(buf, at);
      if (!field) return;
      if (field.tag === 0xa0) {
        const warning = readTlv(buf, field.start);
        if (warning?.tag === 0x80) this.timeBeforeExpiration = readUnsigned(buf, warning.start, warning.end);
        if (warning?.tag === 0x81) this.graceAuthNsRemaining = readUnsigned(buf, warning.start, warning.end);
      } else if (field.tag === 0x81) {
        this.error = ppolicyErrors[readUnsigned(buf, field.start, field.end)];
      }
      at = field.end;
    }
  }
}
