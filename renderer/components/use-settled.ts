import { useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `ms`: what a screen reader is told, and what is
 * sent to the service, so neither follows every key.
 */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
