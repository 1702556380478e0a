import { beforeEach, describe, expect, it } from 'vitest';
import { resetStore, useStore } from '../../../../renderer/store/store';
import type { AppInfo } from '../../../../renderer/store/types';
import { createFakeApi } from '../fake-api';

const USER = 'alain@contoso.com';

/** The shell ready with this app info (only the fields the router reads). */
function ready(info: Partial<AppInfo>) {
  const fake = createFakeApi();
  window.signin = fake.api;
  const full = { startFlow: 'home', idleTimeoutMs: 600_000, ...info } as AppInfo;
  useStore.setState({ app: { step: 'ready', info: full, flow: 'home', returnTo: 'home', loading: false, error: null } });
  return fake;
}
const flow = () => {
  const app = useStore.getState().app;
  return app.step === 'ready' ? app.flow : null;
};

describe('app slice: the router on the lock screen', () => {
  beforeEach(() => resetStore());

  it('turns navigate to change or home into the reset, id pre-filled', () => {
    ready({ lockScreen: true });
    useStore.getState().navigate('change', USER);
    expect(flow()).toBe('reset');
    expect(useStore.getState().reset).toMatchObject({ step: 'userId', mode: 'reset', userId: USER });
    useStore.getState().navigate('unlock', USER);
    expect(useStore.getState().reset).toMatchObject({ step: 'userId', mode: 'unlock', userId: USER });
  });

  it('never opens sign-in after a reset or an unlock: home (reset and unlock only)', () => {
    ready({ lockScreen: true });
    useStore.getState().finishFlow({ flow: 'reset', kind: 'passwordReset', userId: USER });
    expect(flow()).toBe('home');
    useStore.getState().finishFlow({ flow: 'reset', kind: 'unlocked', userId: USER });
    expect(flow()).toBe('home');
  });

  it('outside the lock screen, a reset ends at sign-in with the id', () => {
    ready({});
    useStore.getState().finishFlow({ flow: 'reset', kind: 'passwordReset', userId: USER });
    expect(flow()).toBe('signIn');
    expect(useStore.getState().signIn).toMatchObject({ step: 'credentials', userId: USER });
  });

  it('a signed-out wipe clears the flows, keeps the app info, says why, and does not quit', () => {
    const fake = ready({ startFlow: 'reset', startUserId: USER, lockScreen: true });
    useStore.setState({ reset: { ...useStore.getState().reset, step: 'verify' } as never });
    useStore.getState().sessionWiped('signedOut');
    const app = useStore.getState().app;
    expect(app).toMatchObject({ step: 'ready', flow: 'reset', notice: 'wiped', info: { startUserId: USER } });
    expect(useStore.getState().reset).toMatchObject({ step: 'userId', userId: USER });
    expect(fake.callsOf('quitApp')).toHaveLength(0);
  });
});
