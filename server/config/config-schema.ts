/**
 * The service configuration file: one file per service instance = one tenant. Every object
 * is strict, so a misspelt key is an error with its path rather than a silently ignored knob.
 * Secrets are never in the file: it names environment variables (or a key file) instead.
 */
import { isPossiblePhoneNumber } from 'libphonenumber-js';
import { z } from 'zod';
import { policyConfigSchema } from './policy-schema.js';
import { envName, filePath, groupName, int, proxyEntry, serviceUrl, uniqueBy } from './schema-helpers.js';

const tenantSchema = z.strictObject({
  /** Shown in the app and in every message ("Your Contoso verification code…"). */
  name: z.string().trim().min(1).max(100),
  helpdesk: z
    .strictObject({
      email: z.email('must be an email address').optional(),
      phone: z
        .string()
        .refine((p) => isPossiblePhoneNumber(p), 'must be a phone number in international form (+1 425 555 0100)')
        .optional(),
      url: serviceUrl.optional(),
    })
    .default({}),
});

const memoryUser = z.strictObject({
  userId: z.string().trim().min(1).max(256),
  displayName: z.string().trim().min(1).max(256),
  groups: z.array(groupName).max(200).default([]),
  /** false: the password lives elsewhere (federated); the seed's PASSWORD_NOT_MANAGED. */
  passwordManaged: z.boolean().default(true),
  password: z.string().min(1),
});

const ldapUrl = z
  .string()
  .regex(/^ldaps?:\/\/[^/?#\s]+\/?$/, 'must be ldap://host:port or ldaps://host:port (no base DN in the URL)');
const attributeName = z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/, 'must be an LDAP attribute name');
const dn = z.string().trim().min(3).max(1024);

/** How the service reaches an LDAP server and binds as its service account (password from the environment). */
const ldapConnectionShape = {
  url: ldapUrl,
  /** Upgrade ldap:// with StartTLS. Plain ldap:// without it is allowed to a loopback server only. */
  startTls: z.boolean().default(false),
  tls: z
    .strictObject({
      /** PEM of the CA that signed the directory's certificate (default: the system's CAs). */
      caFile: filePath.optional(),
      /** The name in the certificate, when the URL uses another (an IP address, a load balancer). */
      serverName: z.string().trim().min(1).max(253).optional(),
    })
    .optional(),
  bindDn: dn,
  bindPasswordEnv: envName,
  timeoutSeconds: int(1, 60).default(5),
  poolSize: int(1, 32).default(4),
  /** Members of these groups have their password elsewhere (federated, smart card only): PASSWORD_NOT_MANAGED. */
  unmanagedGroups: z.array(groupName).max(200).default([]),
};

/** `kind` picks the directory: the demo's memory directory, OpenLDAP (with ppolicy) or Active Directory. */
const directorySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('openldap'),
    ...ldapConnectionShape,
    userBase: dn,
    /** `{id}` is what the person typed (escaped). */
    userFilter: z.string().includes('{id}', { message: 'must contain {id}, where the typed user id goes' }).default('(|(uid={id})(mail={id}))'),
    userIdAttribute: attributeName.default('uid'),
    displayNameAttribute: attributeName.default('displayName'),
    mailAttribute: attributeName.default('mail'),
    phoneAttribute: attributeName.default('mobile'),
    groupBase: dn,
    groupFilter: z.string().includes('{dn}', { message: "must contain {dn}, where the user's DN goes" }).default('(member={dn})'),
    groupNameAttribute: attributeName.default('cn'),
    /** The ppolicy entry of users without pwdPolicySubentry (slapd's ppolicy_default). */
    defaultPolicyDn: dn.optional(),
  }),
  z.strictObject({
    kind: z.literal('activeDirectory'),
    ...ldapConnectionShape,
    /** Where users are searched (the domain or an OU). */
    userBase: dn,
    /** The domain's head, DC=…: where the default password policy lives. */
    domainBase: dn,
    userIdAttribute: z.enum(['userPrincipalName', 'sAMAccountName', 'mail']).default('userPrincipalName'),
    phoneAttribute: z.enum(['mobile', 'telephoneNumber']).default('mobile'),
  }),
  z.strictObject({
    kind: z.literal('memory'),
    /**
     * log2 of the scrypt cost the seed passwords are hashed at when the service starts (default
     * 14, the demo's). The memory directory is for demos, tests and benchmarks, never a site's
     * directory: a benchmark of tens of thousands of users lowers it so they start in seconds.
     */
    scryptCost: z.number().int().min(4).max(20).default(14),
    users: z
      .array(memoryUser)
      .max(50_000)
      .superRefine(uniqueBy('userId', (u: z.infer<typeof memoryUser>) => u.userId.toLowerCase())),
  }),
]);

const storeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('memory') }),
  /** durability: 'crash' (default: survives a killed process) or 'power-loss' (fsync every commit, ~3× slower writes). */
  z.strictObject({ kind: z.literal('sqlite'), path: filePath, durability: z.enum(['crash', 'power-loss']).optional() }),
  z.strictObject({ kind: z.literal('postgres'), urlEnv: envName }),
]);

const secretsSchema = z
  .strictObject({ keyFile: filePath.optional(), keyEnv: envName.optional() })
  .refine((s) => !(s.keyFile && s.keyEnv), 'set keyFile or keyEnv, not both');

const smtpSchema = z
  .strictObject({
    kind: z.literal('smtp'),
    host: z.string().trim().min(1),
    port: int(1, 65_535).default(587),
    /** true: TLS from the start (465). false: STARTTLS. */
    secure: z.boolean().default(false),
    /** With secure: false, refuse a relay that does not offer STARTTLS. */
    requireTls: z.boolean().default(true),
    from: z.string().regex(/^[^\r\n]*@[^\r\n]*$/, 'must be an address like "Contoso IT" <it-noreply@contoso.com>'),
    user: z.string().min(1).optional(),
    passwordEnv: envName.optional(),
    /** PEM of a private CA that signed the relay's certificate. */
    caFile: filePath.optional(),
    timeoutSeconds: int(1, 120).default(10),
  })
  .refine((s) => !s.user === !s.passwordEnv, { message: 'set user and passwordEnv together', path: ['passwordEnv'] });

const outboxSchema = z.strictObject({ kind: z.literal('outbox') });

const phoneProviderSchema = z.strictObject({
  kind: z.literal('http'),
  /** e.g. https://api.twilio.com/2010-04-01 */
  baseUrl: serviceUrl,
  accountSid: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be the account id (letters, digits, _ and -)'),
  authTokenEnv: envName,
  /** The sending number in E.164 (+14255550100) or an alphanumeric sender id. */
  from: z.string().regex(/^(\+[1-9]\d{6,14}|[A-Za-z0-9 ]{1,11})$/, 'must be an E.164 number (+14255550100) or a sender id of at most 11 letters/digits'),
  timeoutSeconds: int(1, 60).default(10),
});

const notifySchema = z.strictObject({
  email: z.discriminatedUnion('kind', [smtpSchema, outboxSchema]).optional(),
  sms: z.discriminatedUnion('kind', [phoneProviderSchema, outboxSchema]).optional(),
  voice: z.discriminatedUnion('kind', [phoneProviderSchema, outboxSchema]).optional(),
});

const webauthnSchema = z
  .strictObject({
    /** The registrable domain the passkeys are bound to, e.g. contoso.com. */
    rpId: z.string().regex(/^(localhost|([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})$/, 'must be a domain name like contoso.com (or localhost)'),
    rpName: z.string().trim().min(1).max(100),
    origins: z
      .array(
        z.url('must be a URL').refine((value) => {
          if (!URL.canParse(value)) return true;
          const url = new URL(value);
          return url.protocol === 'https:' || (url.protocol === 'http:' && url.hostname === 'localhost');
        }, 'must be an https origin (http only for localhost)'),
      )
      .min(1),
  })
  .superRefine((w, ctx) => {
    w.origins.forEach((origin, index) => {
      if (!URL.canParse(origin)) return;
      const host = new URL(origin).hostname;
      // Browsers accept an rpId only if it equals the origin's host or is a suffix of it.
      if (host !== w.rpId && !host.endsWith(`.${w.rpId}`))
        ctx.addIssue({ code: 'custom', path: ['origins', index], message: `host ${host} is not ${w.rpId} nor a subdomain of it` });
    });
  });

const serverSchema = z
  .strictObject({
    host: z.string().min(1).default('127.0.0.1'),
    port: int(0, 65_535).default(8787),
    tls: z.strictObject({ certFile: filePath, keyFile: filePath }).optional(),
    /**
     * The reverse proxies in front of the service, whose X-Forwarded-* headers are believed:
     * the client address (per-address limit, audit) is the right-most hop not listed here.
     */
    trustedProxies: z
      .array(proxyEntry)
      .max(100)
      .default([])
      .transform((list) => list.map((entry) => entry.trim())),
    /** Replaced by trustedProxies; `false` is still accepted so older files load. */
    trustProxy: z.boolean().optional(),
  })
  .superRefine((server, ctx) => {
    // Trusting every hop lets any client write its own address into X-Forwarded-For and walk
    // past the per-address limit: the proxies must be named.
    if (server.trustProxy === true)
      ctx.addIssue({
        code: 'custom',
        path: ['trustProxy'],
        message: 'true trusts every address, so any client could set its own address with X-Forwarded-For; remove it and list the proxies instead, e.g. server.trustedProxies: ["10.0.0.5"] (addresses or CIDR ranges)',
      });
  })
  .transform(({ trustProxy: _replaced, ...server }) => server);

export const serviceConfigSchema = z.strictObject({
  tenant: tenantSchema,
  policy: policyConfigSchema.default({}),
  directory: directorySchema,
  store: storeSchema,
  secrets: secretsSchema.optional(),
  notify: notifySchema.default({}),
  webauthn: webauthnSchema.optional(),
  server: serverSchema.default({ host: '127.0.0.1', port: 8787, trustedProxies: [] }),
});

/** A parsed, checked configuration (defaults filled in, file paths absolute). */
export type ServiceConfig = z.output<typeof serviceConfigSchema>;
export type NotifyConfig = ServiceConfig['notify'];
export type SmtpConfig = z.output<typeof smtpSchema>;
export type PhoneProviderConfig = z.output<typeof phoneProviderSchema>;
export type StoreConfig = ServiceConfig['store'];
export type DirectoryConfig = ServiceConfig['directory'];
