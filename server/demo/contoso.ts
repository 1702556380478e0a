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

/** Self-service reset is on for the group "sspr-users"; adele is not in it. */
export const contosoPolicy: SsprPolicy = {
  ...defaultPolicy,
  ssprEnabledFor: { scope: 'groups', groups: ['sspr-users'] },
};

export const contosoUsers: MemoryUserSeed[] = [
  { userId: 'alain@contoso.com', displayName: 'Alain Charon', groups: ['sspr-users'], passwordManaged: true, password: DEMO_PASSWORD },
  { userId: 'megan@contoso.com', displayName: 'Megan Bowen', groups: ['sspr-users'], passwordManaged: true, password: DEMO_PASSWORD },
  { userId: 'adele@contoso.com', displayName: 'Adele Vance', groups: ['sales'], passwordManaged: true, password: DEMO_PASSWORD },
  // Password lives elsewhere (a federated identity provider): this directory cannot reset it.
  { userId: 'lee@contoso.com', displayName: 'Lee Gu', groups: ['sspr-users'], passwordManaged: false, password: DEMO_PASSWORD },
];

export const contosoMethods = (createdAt: string): StoredMethod[] => [
  { id: 'm-alain-app', userId: 'alain@contoso.com', type: 'authenticatorApp', label: 'Authenticator app', createdAt, secret: DEMO_TOTP_SECRET },
  { id: 'm-alain-email', userId: 'alain@contoso.com', type: 'email', label: 'a•••@example.net', createdAt, address: 'alain.charon@example.net' },
];
