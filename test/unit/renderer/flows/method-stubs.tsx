/**
 * Stand-ins for renderer/methods in FLOW tests only (vi.mock('…/renderer/methods')): the
 * methods have their own tests; here they only have to honour the MethodScreens contract —
 * a Verify step that asks for its challenge and hands a proof to `submit`, an Add wizard
 * that registers through the api and calls `onAdded`/`onCancel`.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { Challenge } from '../../../../contract/api';
import type { MethodType } from '../../../../contract/methods';
import { Screen } from '../../../../renderer/components/screen';
import type { AddWizardProps, MethodScreens, VerifyStepProps } from '../../../../renderer/methods/method-module';
import { GOOD_CODE, GOOD_CREDENTIAL } from '../fake-api';

function StubVerify({ method, requestChallenge, submit, busy, error }: VerifyStepProps) {
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [value, setValue] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    void requestChallenge(method.id).then((r) => live && r.ok && setChallenge(r.data));
    return () => {
      live = false;
    };
  }, [method.id, requestChallenge]);

  if (!challenge) return <p>Preparing {method.type}</p>;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (challenge.kind === 'questions') submit({ answers: challenge.questions.map((q) => ({ questionId: q.id, answer: answers[q.id] ?? '' })) });
    else submit({ code: value });
  };
  if (challenge.kind === 'webauthn') {
    return (
      <button type="button" disabled={busy} onClick={() => submit({ assertion: { id: GOOD_CREDENTIAL, rawId: GOOD_CREDENTIAL, type: 'public-key', response: {} } })}>
        Use your security key
      </button>
    );
  }
  return (
    <form onSubmit={onSubmit} data-testid={`verify-${method.type}`} data-challenge={challenge.kind} data-error={error?.code ?? ''}>
      {challenge.kind === 'questions' ? (
        challenge.questions.map((q) => (
          <label key={q.id}>
            {q.text.en}
            <input value={answers[q.id] ?? ''} onChange={(e) => setAnswers({ ...answers, [q.id]: e.target.value })} />
          </label>
        ))
      ) : (
        <label>
          Code
          <input value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
      )}
      {challenge.kind === 'code' && <p>Sent to {challenge.sentTo}</p>}
      <button type="submit" disabled={busy}>
        Verify
      </button>
    </form>
  );
}

/** Registers one method of `type` through the fake api, the way a real wizard ends. */
async function register(type: MethodType) {
  const api = window.signin;
  switch (type) {
    case 'authenticatorApp':
      return api.confirmAuthenticatorApp({ code: GOOD_CODE, name: 'New app' });
    case 'sms':
    case 'voice':
      return api.confirmPhone({ code: GOOD_CODE });
    case 'email':
      return api.confirmEmail({ code: GOOD_CODE });
    case 'securityKey':
      return api.confirmSecurityKey({ name: 'New key', response: { id: 'k', rawId: 'k', type: 'public-key', response: {} } });
    case 'questions':
      return api.registerQuestions({ answers: [{ questionId: 'q1', answer: 'right' }] });
  }
}

function stubAdd(type: MethodType) {
  return function StubAdd({ onAdded, onCancel, existingLabels }: AddWizardProps) {
    return (
      <Screen name={`stub-add-${type}`} title={`Stub add ${type}`}>
        <p>Names in use: {existingLabels.join(', ')}</p>
        <button
          type="button"
          onClick={() =>
            void register(type).then((r) => {
              if (r.ok) onAdded(r.data.method);
            })
          }
        >
          Finish adding
        </button>
        <button type="button" onClick={onCancel}>
          Leave wizard
        </button>
      </Screen>
    );
  };
}

const screens = (type: MethodType): MethodScreens => ({
  Icon: ({ className }) => <svg className={className} data-icon={type} aria-hidden="true" focusable="false" />,
  Add: stubAdd(type),
  Verify: StubVerify,
});

export const methodScreens: { [T in MethodType]: MethodScreens } = {
  authenticatorApp: screens('authenticatorApp'),
  sms: screens('sms'),
  voice: screens('voice'),
  securityKey: screens('securityKey'),
  email: screens('email'),
  questions: screens('questions'),
};
