import { z } from 'zod';
import { languageSchema } from '../../../contract/ipc.js';

/**
 * Settings any layer may set. Unknown keys are refused rather than ignored, so a typo in a
 * managed policy is reported instead of silently doing nothing.
 */
export const configSchema = z.strictObject({
  /** The directory service; absent = the embedded demo directory. */
  directoryUrl: z.string().url().max(2048).optional(),
  language: languageSchema.optional(),
  /**
   * May this device hold an authenticator (a TOTP secret in the OS keyring)? IT sets it to
   * false in managed policy on shared machines. Absent = allowed (the default).
   */
  thisDeviceAuthenticator: z.boolean().optional(),
});
export type ConfigValues = z.infer<typeof configSchema>;
export type ConfigKey = keyof ConfigValues;

export const defaultConfig: ConfigValues = {};
