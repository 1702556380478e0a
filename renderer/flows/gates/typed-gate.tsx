import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Challenge } from '../../../contract/api';
import type { Result } from '../../../contract/errors';
import { TextField } from '../../components/text-field';
import type { MethodProof } from '../../methods/method-module';
import type { ErrorInfo, GateMethod, MethodType } from '../../store/types';
import { GateVerify } from './gate-verify';

/** The challenge of a method type; `address` is the full number or address for text, call and email. */
export type TypedChallenge = (type: MethodType, address?: string) => Promise<Result<Challenge>>;

interface TypedGateProps {
  /** A type choice (id = type, no hint): see typeChoices in reset-slice. */
  method: GateMethod;
  requestChallenge: TypedChallenge;
  submit: (proof: MethodProof) => void;
  busy: boolean;
  error: ErrorInfo | null;
}

const needsAddress = (type: MethodType): type is 'sms' | 'voice' | 'email' => type === 'sms' || type === 'voice' || type === 'email';

/**
 * A gate of a hidden reset (the service's enumeration-proof shape): the person names the
 * method by type and, for a code sent by text, call or email, types the full number or
 * address they registered — nothing masked is shown, so nothing tells who has what. Then
 * the method's own Verify step runs, with its challenge asked for by type.
 */
export function TypedGate({ method, requestChallenge, ...props }: TypedGateProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [address, setAddress] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  // Stable per type and address: a Verify step may ask for its challenge in an effect on it.
  const challenge = useCallback(() => requestChallenge(method.type, address ?? undefined), [requestChallenge, method.type, address]);

  if (!needsAddress(method.type)) {
    return <GateVerify method={method} requestChallenge={challenge} {...props} />;
  }

  if (address === null) {
    const email = method.type === 'email';
    const onSubmit = (e: FormEvent) => {
      e.preventDefault();
      const value = typed.trim();
      setMissing(!value);
      if (value) setAddress(value);
    };
    return (
      <form className="typed-address" noValidate onSubmit={onSubmit}>
        <TextField
          label={email ? t('reset.hiddenEmail') : t('reset.hiddenPhone')}
          hint={email ? undefined : t('reset.hiddenPhoneHint')}
          type={email ? 'email' : 'tel'}
          autoComplete={email ? 'email' : 'tel'}
          name="typed-address"
          value={typed}
          onChange={setTyped}
          fieldError={missing ? t('reset.hiddenMissing') : null}
        />
        <div className="actions">
          <button type="submit" disabled={props.busy}>
            {t('reset.hiddenContinue')}
          </button>
        </div>
      </form>
    );
  }

  // The typed address stands in for the masked hint: the person sees where the code would go.
  const shown: GateMethod = { ...method, id: `${method.type}:${address}`, hint: address };
  return (
    <div className="typed-gate">
      <GateVerify method={shown} requestChallenge={challenge} {...props} />
      <div className="actions">
        <button type="button" className="link" disabled={props.busy} onClick={() => setAddress(null)}>
          {t('reset.hiddenChange')}
        </button>
      </div>
    </div>
  );
}
