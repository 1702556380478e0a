import { useEffect, useRef, useState } from 'react';
import type { ErrorInfo } from '../../../contract/errors';

/**
 * A verify step's reaction to the flow's verdict: when the flow reports a wrong code, clear
 * the box, mark it wrong and put the cursor back in it. Returns whether the last proof was
 * refused as wrong (cleared as soon as the person submits again).
 */
export function useWrongProof(error: ErrorInfo | null, clear: () => void) {
  const input = useRef<HTMLInputElement>(null);
  const [wrong, setWrong] = useState(false);
  const clearRef = useRef(clear);
  clearRef.current = clear;
  useEffect(() => {
    if (error?.code !== 'INVALID_CODE') return;
    clearRef.current();
    setWrong(true);
    input.current?.focus();
  }, [error]);
  return { input, wrong, setWrong };
}
