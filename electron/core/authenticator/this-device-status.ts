import type { ThisDeviceStatus } from '../../../contract/ipc.js';
import type { Services } from '../services.js';
import { vaultFailure } from './vault-failure.js';

const off = (reason: ThisDeviceStatus['reason']): ThisDeviceStatus => ({ available: false, reason });

/**
 * Whether this device can hold an authenticator, and why not. All must hold: policy allows
 * it, the app is not on a lock screen or a kiosk (the lock-screen helper starts in reset; a
 * shared machine is no one's authenticator), the OS can check the user's presence, and the
 * keyring answers. Cheap checks first, so a forbidden feature never touches the keyring.
 */
export async function thisDeviceStatus(s: Pick<Services, 'config' | 'startFlow' | 'lockScreen' | 'presence' | 'keys'>): Promise<ThisDeviceStatus> {
  if (s.config.effective().values.thisDeviceAuthenticator === false) return off('forbiddenByPolicy');
  // The lock screen is anyone's machine; a launch straight into reset is how the older helper opened it.
  if (s.lockScreen || s.startFlow === 'reset') return off('kioskMode');
  const present = await s.presence.isAvailable().catch(() => false);
  if (!present) return off('presenceUnavailable');
  try {
    await s.keys.probe();
  } catch (cause) {
    return off(vaultFailure(cause).error.code === 'KEYRING_MODULE_MISSING' ? 'keyringModuleMissing' : 'keyringUnavailable');
  }
  return { available: true, reason: 'ok' };
}
