import { z } from 'zod';
import { languageSchema } from '../../../contract/ipc.js';

/**
 * Settings any layer may set. Unknown keys are refused rather than ignored, so a typo in a
 * managed policy is reported instead of silently doing nothing.
 */
/**
 * A DNS host name (lower case, no port, no scheme, not an IP address): the packaged app's
 * renderer is served on `https://<appHost>` and WebAuthn's rpId must be a suffix of it,
 * which an IP address can never satisfy.
 */
export const appHostSchema = z
  .string()
  .max(253)
  .regex(/^(?!-)[a-z0-9-]{1,63}(?<!-)(?:\.(?!-)[a-z0-9-]{1,63}(?<!-))*$/, 'a lower-case DNS host name')
  .refine((host) => !/^[0-9.]+$/.test(host), 'a host name, not an IP address');

export const configSchema = z.strictObject({
  /** The directory service; absent = the embedded demo directory. */
  directoryUrl: z.string().url().max(2048).optional(),
  language: languageSchema.optional(),
  /**
   * May this device hold an authenticator (a TOTP secret in the OS keyring)? IT sets it to
   * false in managed policy on shared machines. Absent = allowed (the default).
   */
  thisDeviceAuthenticator: z.boolean().optional(),
  /**
   * The host the packaged app serves its page on (`https://<appHost>`), when the one derived
   * from directoryUrl does not fit the directory's WebAuthn rpId (see docs/security.md,
   * "WebAuthn origins"). Absent = derived. The web host ignores it.
   */
  appHost: appHostSchema.optional(),
});
export type ConfigValues = z.infer<typeof configSchema>;
export type ConfigKey = keyof ConfigValues;

export const defaultConfig: ConfigValues = {};
