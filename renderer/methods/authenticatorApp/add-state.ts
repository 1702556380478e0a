import type { ErrorInfo } from '../../../contract/errors';
import type { IpcResponse, ThisDeviceStatus } from '../../../contract/ipc';

/** What the main side returns to start an app on another device: the QR payload, shown once. */
export type AuthAppSetup = IpcResponse<'securityInfo.beginAuthenticatorApp'>;

/**
 * The add-authenticator-app wizard: intro → scan → confirm (another device), or
 * intro → deviceName (this device as the authenticator; no QR). `device` is what
 * thisDevice.getStatus said: `'asking'` until it answers, `null` when it could not be asked.
 */
export type DeviceStatus = ThisDeviceStatus | 'asking' | null;

export type AuthAppState =
  | { step: 'intro'; device: DeviceStatus; loading: boolean; error: ErrorInfo | null }
  | { step: 'scan'; setup: AuthAppSetup; device: DeviceStatus; loading: false; error: null }
  | { step: 'confirm'; setup: AuthAppSetup; device: DeviceStatus; loading: boolean; error: ErrorInfo | null; wrongCodes: number }
  | { step: 'deviceName'; device: DeviceStatus; loading: boolean; error: ErrorInfo | null };

export type AuthAppAction =
  | { type: 'deviceStatus'; device: DeviceStatus }
  | { type: 'working' }
  | { type: 'begun'; setup: AuthAppSetup }
  | { type: 'toConfirm' }
  | { type: 'toDeviceName' }
  | { type: 'back' }
  | { type: 'failed'; error: ErrorInfo }
  | { type: 'wrongCode' };

export const initialAuthApp: AuthAppState = { step: 'intro', device: 'asking', loading: false, error: null };

export function authAppReducer(state: AuthAppState, action: AuthAppAction): AuthAppState {
  switch (action.type) {
    case 'deviceStatus':
      return { ...state, device: action.device };
    case 'working':
      return state.step === 'scan' ? state : { ...state, loading: true, error: null };
    case 'begun':
      return { step: 'scan', setup: action.setup, device: state.device, loading: false, error: null };
    case 'toConfirm':
      return state.step === 'scan' ? { step: 'confirm', setup: state.setup, device: state.device, loading: false, error: null, wrongCodes: 0 } : state;
    case 'toDeviceName':
      return { step: 'deviceName', device: state.device, loading: false, error: null };
    case 'back':
      // From the code back to the same QR (people rescan); from anywhere else to the intro.
      if (state.step === 'confirm') return { step: 'scan', setup: state.setup, device: state.device, loading: false, error: null };
      return { step: 'intro', device: state.device, loading: false, error: null };
    case 'failed':
      return state.step === 'scan' ? state : { ...state, loading: false, error: action.error };
    case 'wrongCode':
      return state.step === 'confirm' ? { ...state, loading: false, error: null, wrongCodes: state.wrongCodes + 1 } : state;
  }
}
