import { useEffect, useRef } from 'react';

/**
 * A ref that is true while the component is mounted. Unlike a per-effect `live` flag it
 * survives StrictMode's simulated remount, so a request started once still lands.
 */
export function useMounted() {
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}
