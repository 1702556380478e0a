import type { Result } from '../../../contract/errors';
import { methodScreens } from '../../methods';
import type { MethodProof } from '../../methods/method-module';
import type { Challenge, ErrorInfo, GateMethod } from '../../store/types';

interface GateVerifyProps {
  method: GateMethod;
  requestChallenge: (methodId: string) => Promise<Result<Challenge>>;
  submit: (proof: MethodProof) => void;
  busy: boolean;
  error: ErrorInfo | null;
}

/**
 * The chosen method's own Verify step (sign-in second factor, reset gates). Keyed on the
 * method, so switching methods starts the new one fresh (nothing sent, nothing typed).
 */
export function GateVerify({ method, ...props }: GateVerifyProps) {
  const { Verify } = methodScreens[method.type];
  return (
    <div className="gate-verify">
      <Verify key={method.id} method={method} {...props} />
    </div>
  );
}
