import { useEffect, useRef, useState } from 'react';
import type { ErrorInfo } from '../../../contract/errors';

/**
 * A verify step's reaction to the flow's verdict: when the flow reports a wrong code for a
 * proof this step submitted, clear the box, mark it wrong and put the cursor back in it.
 * Only once per submitted proof, so a flow that re-renders with the same error never wipes
 * what the person is typing now. Call `submitted()` when handing a proof to the flow.
 */
export function useWrongProof(error: ErrorInfo | null, clear: () => void) {
  const input = useRef<HTMLInputElement>(null);
  const [wrong, setWrong] = useState(false);
  const pending = useRef(false);
  const clearRef = useRef(clear);
  clearRef.current = clear;
  useEffect(() => {
    if (error?.code !== 'INVALID_CODE' || !pending.current) return;
    pending.current = false;
    clearRef.current();
    setWrong(true);
    input.current?.focus();
  }, [error]);
  const submitted = () => {
    pending.current = true;
    setWrong(false);
  };
  return { input, wrong, setWrong, submitted };
}
