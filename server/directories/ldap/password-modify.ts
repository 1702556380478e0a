/**
 * The Password Modify extended operation (RFC 3062): the directory hashes the password with
 * its own scheme and applies its password policy — unlike a plain `userPassword` replace,
 * which would store whatever we send.
 */
import { BerWriter } from 'ldapts';

export const PASSWORD_MODIFY_OID = '1.3.6.1.4.1.4203.1.11.1';

/** PasswdModifyRequestValue ::= SEQUENCE { userIdentity [0] OPTIONAL, oldPasswd [1] OPTIONAL, newPasswd [2] OPTIONAL } */
export function passwordModifyValue(fields: { userDn?: string; oldPassword?: string; newPassword: string }): Buffer {
  const writer = new BerWriter();
  writer.startSequence();
  if (fields.userDn !== undefined) writer.writeString(fields.userDn, 0x80);
  if (fields.oldPassword !== undefined) writer.writeString(fields.oldPassword, 0x81);
  writer.writeString(fields.newPassword, 0x82);
  writer.endSequence();
  return writer.buffer;
}
