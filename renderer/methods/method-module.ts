/**
 * A verification method, as the renderer knows it: one module per method type under
 * `renderer/methods/<type>/`, collected in `methodScreens` (./index.ts), a
 * `{ [T in MethodType]: MethodScreens }` record so a missing method is a compile error.
 *
 * Flows (security info, sign-in second factor, step-up, reset, unlock) know methods only
 * through this record: they render `Add` to register one and `Verify` to pass a gate.
 */
import type { ComponentType } from 'react';
import type { Challenge } from '../../contract/api';
import type { ErrorInfo } from '../../contract/errors';
import type { GateMethod, SecurityInfoMethod } from '../../contract/ipc';
import type { Result } from '../../contract/errors';

/** A proof of one method, without the method id the flow adds: a code, answers, or a WebAuthn assertion. */
export type MethodProof =
  | { code: string }
  | { answers: { questionId: string; answer: string }[] }
  | { assertion: Record<string, unknown> & { id: string; rawId: string; type: 'public-key'; response: Record<string, unknown> } };

/**
 * Props of a method's add wizard. The wizard is a full screen (it renders its own `<Screen>`),
 * a small state machine of its own (a union keyed on `step` with `loading` and `error`,
 * ending in an exhaustive switch), and it calls the main side through `api()` itself.
 */
export interface AddWizardProps {
  /** The method was registered: the flow goes back to Security info and says so. */
  onAdded: (method: SecurityInfoMethod) => void;
  /** The user left the wizard; nothing was registered. */
  onCancel: () => void;
  /** Names already in use, so several apps or keys get distinct default names. */
  existingLabels: readonly string[];
}

/**
 * Props of a method's verify step: a part of the flow's screen (no `<Screen>` of its own).
 * It asks for the challenge itself (send the code, draw questions, get WebAuthn options)
 * through `requestChallenge`, then hands a proof to `submit`; the flow owns the
 * `loading`/`error` of the proof and moves on when the gate is passed.
 */
export interface VerifyStepProps {
  method: GateMethod;
  /** The flow's channel for this gate: `session.startSecondFactor` or `reset.startChallenge`. */
  requestChallenge: (methodId: string) => Promise<Result<Challenge>>;
  submit: (proof: MethodProof) => void;
  /** A proof is being checked by the flow. */
  busy: boolean;
  /** The flow's last error for this gate (INVALID_CODE, THROTTLED…), for the step to react to (clear the code, ask for a new one). */
  error: ErrorInfo | null;
}

export interface MethodScreens {
  /** The method's icon, decorative (`aria-hidden`): the name is always written next to it. */
  Icon: ComponentType<{ className?: string }>;
  Add: ComponentType<AddWizardProps>;
  Verify: ComponentType<VerifyStepProps>;
}
