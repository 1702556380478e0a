import { useEffect } from 'react';
import { api } from '../bridge/api';
import { useStore } from '../store/store';

/**
 * Listens to the main side's events once the app is ready (before that there is no flow to
 * switch): `app.navigate` opens a flow with the user id pre-filled, `session.wiped` puts
 * every flow back to its start. Unsubscribes on unmount.
 */
export function useMainEvents(ready: boolean): void {
  const navigate = useStore((s) => s.navigate);
  const sessionWiped = useStore((s) => s.sessionWiped);
  useEffect(() => {
    if (!ready) return;
    const offNavigate = api().onNavigate(({ flow, userId }) => navigate(flow, userId));
    const offWiped = api().onSessionWiped(({ reason }) => sessionWiped(reason));
    return () => {
      offNavigate();
      offWiped();
    };
  }, [ready, navigate, sessionWiped]);
}
