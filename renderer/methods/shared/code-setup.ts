import { useCallback, useReducer } from 'react';
import type { ErrorInfo, Result } from '../../../contract/errors';
import type { SecurityInfoMethod } from '../../../contract/ipc';
import { RESEND_COOLDOWN_SECONDS, useCooldown } from './use-cooldown';
import { useMounted } from './use-mounted';

/** A code was sent to the phone or address being added. */
export interface CodeSent {
  sentTo: string;
  digits: number;
}

/**
 * Adding a phone or an email: type where to send, then prove the code that arrived.
 * `wrongCodes` counts refused codes so the code step can clear and refocus its box.
 */
export type CodeSetupState =
  | { step: 'address'; loading: boolean; error: ErrorInfo | null }
  | { step: 'code'; sent: CodeSent; loading: boolean; error: ErrorInfo | null; wrongCodes: number };

export type CodeSetupAction =
  | { type: 'working' }
  | { type: 'sent'; sent: CodeSent }
  | { type: 'failed'; error: ErrorInfo }
  | { type: 'wrongCode' }
  | { type: 'back' };

export const initialCodeSetup: CodeSetupState = { step: 'address', loading: false, error: null };

export function codeSetupReducer(state: CodeSetupState, action: CodeSetupAction): CodeSetupState {
  switch (action.type) {
    case 'working':
      return { ...state, loading: true, error: null };
    case 'sent':
      // A resend keeps the count of wrong codes: the box is cleared either way.
      return { step: 'code', sent: action.sent, loading: false, error: null, wrongCodes: state.step === 'code' ? state.wrongCodes : 0 };
    case 'failed':
      return { ...state, loading: false, error: action.error };
    case 'wrongCode':
      return state.step === 'code' ? { ...state, loading: false, error: null, wrongCodes: state.wrongCodes + 1 } : state;
    case 'back':
      return initialCodeSetup;
  }
}

interface CodeSetupOptions {
  begin: () => Promise<Result<CodeSent>>;
  confirm: (code: string) => Promise<Result<{ method: SecurityInfoMethod }>>;
  onAdded: (method: SecurityInfoMethod) => void;
}

/** The state machine of a code-sent setup plus its resend cooldown, wired to the main side. */
export function useCodeSetup({ begin, confirm, onAdded }: CodeSetupOptions) {
  const [state, dispatch] = useReducer(codeSetupReducer, initialCodeSetup);
  const cooldown = useCooldown(RESEND_COOLDOWN_SECONDS);
  const startCooldown = cooldown.start;
  const mounted = useMounted();

  const send = useCallback(async () => {
    dispatch({ type: 'working' });
    const result = await begin();
    if (!mounted.current) return;
    if (!result.ok) return dispatch({ type: 'failed', error: result.error });
    startCooldown();
    dispatch({ type: 'sent', sent: { sentTo: result.data.sentTo, digits: result.data.digits } });
  }, [begin, startCooldown, mounted]);

  const verify = useCallback(
    async (code: string) => {
      dispatch({ type: 'working' });
      const result = await confirm(code);
      if (!mounted.current) return;
      if (result.ok) return onAdded(result.data.method);
      if (result.error.code === 'INVALID_CODE') return dispatch({ type: 'wrongCode' });
      dispatch({ type: 'failed', error: result.error });
    },
    [confirm, onAdded, mounted],
  );

  const back = useCallback(() => dispatch({ type: 'back' }), []);
  return { state, send, verify, back, cooldown };
}
