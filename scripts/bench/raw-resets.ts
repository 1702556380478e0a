/**
 * The administrative reset done with ldapts alone — no service code — as the reference the
 * service is measured against: Password Modify (RFC 3062) for slapd, unicodePwd replace for
 * Active Directory, both as the service account.
 */
import { Attribute, BerWriter, Change, Client, type ClientOptions } from 'ldapts';
import type { RawReset } from './reset-comparison.js';

/** PasswdModifyRequestValue ::= SEQUENCE { userIdentity [0], newPasswd [2] }, written here (not the service's encoder). */
function passwordModify(dn: string, password: string): Buffer {
  const writer = new BerWriter();
  writer.startSequence();
  writer.writeString(dn, 0x80);
  writer.writeString(password, 0x82);
  writer.endSequence();
  return writer.buffer;
}

async function rawReset(options: ClientOptions, bindDn: string, bindPassword: string, reset: (client: Client, dn: string, password: string) => Promise<unknown>): Promise<RawReset> {
  const pooled = new Client(options);
  await pooled.bind(bindDn, bindPassword);
  return {
    pooled: async (dn, password) => void (await reset(pooled, dn, password)),
    async freshBind(dn, password) {
      const client = new Client(options);
      try {
        await client.bind(bindDn, bindPassword);
        await reset(client, dn, password);
      } finally {
        await client.unbind().catch(() => undefined);
      }
    },
    close: () => pooled.unbind(),
  };
}

export const rawOpenLdapReset = (url: string, bindDn: string, bindPassword: string): Promise<RawReset> =>
  rawReset({ url, timeout: 5000, connectTimeout: 5000 }, bindDn, bindPassword, (client, dn, password) => client.exop('1.3.6.1.4.1.4203.1.11.1', passwordModify(dn, password)));

export const rawActiveDirectoryReset = (url: string, ca: string, serverName: string, bindDn: string, bindPassword: string): Promise<RawReset> =>
  rawReset({ url, timeout: 5000, connectTimeout: 5000, tlsOptions: { ca, servername: serverName, minVersion: 'TLSv1.2' } }, bindDn, bindPassword, (client, dn, password) =>
    client.modify(dn, new Change({ operation: 'replace', modification: new Attribute({ type: 'unicodePwd', values: [Buffer.from(`"${password}"`, 'utf16le')] }) })),
  );
