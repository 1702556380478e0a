import { browserSupportsWebAuthn, platformAuthenticatorIsAvailable, startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { useEffect, useReducer } from 'react';
import { api } from '../../bridge/api';
import { assertNever } from '../../lib/assert-never';
import type { AddWizardProps } from '../method-module';
import { useMounted } from '../shared/use-mounted';
import { initialSecurityKey, securityKeyReducer, type Attachment } from './add-state';
import { ChooseStep } from './choose-step';
import { NameStep } from './name-step';
import { webauthnProblem } from './webauthn-problem';

/** Adding a security key or passkey. Screens: `add-security-key-choose`, `add-security-key-name`. */
export function SecurityKeyAddWizard({ onAdded, onCancel, existingLabels }: AddWizardProps) {
  const [state, dispatch] = useReducer(securityKeyReducer, undefined, () => initialSecurityKey(browserSupportsWebAuthn()));
  const mounted = useMounted();
  const supported = state.step === 'choose' && state.supported;

  useEffect(() => {
    if (!supported) return;
    platformAuthenticatorIsAvailable()
      .catch(() => false)
      .then((available) => mounted.current && dispatch({ type: 'platform', available }));
  }, [supported, mounted]);

  const register = async (attachment: Attachment) => {
    dispatch({ type: 'working' });
    const begun = await api().beginSecurityKey({ attachment });
    if (!mounted.current) return;
    if (!begun.ok) return dispatch({ type: 'failed', error: begun.error });
    try {
      // The options are the service's WebAuthn creation options, passed through untouched.
      const response = await startRegistration({ optionsJSON: begun.data.options as unknown as PublicKeyCredentialCreationOptionsJSON });
      if (mounted.current) dispatch({ type: 'registered', attachment, response });
    } catch (error) {
      if (mounted.current) dispatch({ type: 'problem', problem: webauthnProblem(error) });
    }
  };

  const save = async (name: string) => {
    if (state.step !== 'name') return;
    dispatch({ type: 'working' });
    const reg = state.response;
    const r = await api().confirmSecurityKey({ name, response: { ...reg, response: { ...reg.response } } });
    if (!mounted.current) return;
    if (r.ok) return onAdded(r.data.method);
    dispatch(r.error.code === 'INVALID_CODE' ? { type: 'rejected' } : { type: 'failed', error: r.error });
  };

  switch (state.step) {
    case 'choose':
      return <ChooseStep state={state} onChoose={(a) => void register(a)} onCancel={onCancel} />;
    case 'name':
      return <NameStep state={state} existingLabels={existingLabels} onSave={(name) => void save(name)} onStartOver={() => dispatch({ type: 'startOver' })} onCancel={onCancel} />;
    default:
      return assertNever(state);
  }
}
