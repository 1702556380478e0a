import { methodScreens } from '../../methods';
import type { SecurityInfoState } from '../../store/security-info-slice';
import { useStore } from '../../store/store';

/** The method module's own add wizard (a full screen of its own); the flow hears how it ended. */
export function AddStep({ state }: { state: Extract<SecurityInfoState, { step: 'add' }> }) {
  const methodAdded = useStore((s) => s.methodAdded);
  const cancelAdd = useStore((s) => s.cancelAdd);
  const { Add } = methodScreens[state.type];
  const existingLabels = state.info.methods.map((m) => m.label);
  return <Add onAdded={(method) => void methodAdded(method)} onCancel={cancelAdd} existingLabels={existingLabels} />;
}
