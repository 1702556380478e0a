/**
 * The demo tenant "Contoso" (README: Demo users). Every user's password is DEMO_PASSWORD.
 * alain is registered with a FIXED authenticator secret so people and tests can produce codes
 * (e.g. `oathtool --totp -b JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP`); it is a demo value, never a real one.
 */
import type { MemoryUserSeed } from '../directories/memory-directory.js';
import type { SsprPolicy } from '../policy/policy.js';
import { defaultPolicy } from '../policy/policy.js';
import type { StoredMethod } from '../store/store.js';
import type { TenantInfo } from '../tenant.js';

export const DEMO_PASSWORD = 'Demo-Passw0rd-2026';
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export const contosoTenant: TenantInfo = {
  name: 'Contoso',
  demo: true,
  helpdesk: { email: 'helpdesk@contoso.com', phone: '+1 425 555 0100', url: 'https://support.contoso.com/password' },
};

/**
 * Self-service reset is on for the group "sspr-users"; adele is not in it. The demo enables
 * every method, security questions too (off by default in a real tenant: POLICY.md), so a
 * newcomer can try each one; members of "it-admins" are administrators (2 methods, no questions).
 */
export const contosoPolicy: SsprPolicy = {
  ...defaultPolicy,
  ssprEnabledFor: { scope: 'groups', groups: ['sspr-users'] },
  methodsEnabled: ['authenticatorApp', 'sms', 'voice', 'securityKey', 'email', 'questions'],
  adminGroups: ['it-admins'],
  // The demo shows what a site can turn on: a wrong code says how many tries are left.
  showTriesLeft: true,
};

/** The demo answers of isaiah's security questions (demo values, printed in the README). */
export const DEMO_ANSWERS: Record<string, string> = {
  'q-first-school': 'Lakeside Elementary',
  'q-first-pet': 'Biscuit',
  'q-first-job': 'Paper route',
};

export const contosoUsers: MemoryUserSeed[] = [
  { userId: 'alain@contoso.com', displayName: 'Alain Charon', groups: ['sspr-users'], passwordManaged: true, password: DEMO_PASSWORD },
  { userId: 'megan@contoso.com', displayName: 'Megan Bowen', groups: ['sspr-users'], passwordManaged: true, password: DEMO_PASSWORD },
  { userId: 'adele@contoso.com', displayName: 'Adele Vance', groups: ['sales'], passwordManaged: true, password: DEMO_PASSWORD },
  // Password lives elsewhere (a federated identity provider): this directory cannot reset it.
  { userId: 'lee@contoso.com', displayName: 'Lee Gu', groups: ['sspr-users'], passwordManaged: false, password: DEMO_PASSWORD },
  // Only a phone for text messages: the weakest setup that can still reset and step up.
  { userId: 'pradeep@contoso.com', displayName: 'Pradeep Gupta', groups: ['sspr-users'], passwordManaged: true, password: DEMO_PASSWORD },
  // Only reset-only methods: an alternate email and security questions (no second factor).
  { userId: 'isaiah@contoso.com', displayName: 'Isaiah Langer', groups: ['sspr-users'], passwordManaged: true, password: DEMO_PASSWORD },
  // An administrator: every reset needs two methods, and questions never count.
  { userId: 'admin@contoso.com', displayName: 'Allan Deyoung', groups: ['sspr-users', 'it-admins'], passwordManaged: true, password: DEMO_PASSWORD },
];

/** Demo methods before sealing; questions carry their answers in clear until seeded (hashed then). */
export type DemoMethod = Exclude<StoredMethod, { type: 'questions' }> | (Omit<Extract<StoredMethod, { type: 'questions' }>, 'answers'> & { answers: { questionId: string; answer: string }[] });

export const contosoMethods = (createdAt: string): DemoMethod[] => [
  { id: 'm-alain-app', userId: 'alain@contoso.com', type: 'authenticatorApp', label: 'Authenticator app', createdAt, secret: DEMO_TOTP_SECRET },
  { id: 'm-alain-email', userId: 'alain@contoso.com', type: 'email', label: 'a•••@example.net', createdAt, address: 'alain.charon@example.net' },
  { id: 'm-pradeep-sms', userId: 'pradeep@contoso.com', type: 'sms', label: '+1 ••• ••• ••23', createdAt, address: '+14255550123' },
  { id: 'm-isaiah-email', userId: 'isaiah@contoso.com', type: 'email', label: 'i•••@example.net', createdAt, address: 'isaiah.l@example.net' },
  { id: 'm-isaiah-questions', userId: 'isaiah@contoso.com', type: 'questions', label: '3', createdAt, answers: Object.entries(DEMO_ANSWERS).map(([questionId, answer]) => ({ questionId, answer })) },
  { id: 'm-admin-app', userId: 'admin@contoso.com', type: 'authenticatorApp', label: 'Authenticator app', createdAt, secret: DEMO_TOTP_SECRET },
  { id: 'm-admin-sms', userId: 'admin@contoso.com', type: 'sms', label: '+1 ••• ••• ••99', createdAt, address: '+14255550199' },
];
