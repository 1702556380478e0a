import { describe, expect, it } from 'vitest';
import { isResetDeepLink, navigationOf, parseDeepLink, parseLaunchOptions, prefillUserId } from '../../../../electron/core/launch-options.js';
import { managedPolicyPath } from '../../../../electron/main/managed-policy-path.js';

describe('parseLaunchOptions', () => {
  it('opens home by default', () => {
    expect(parseLaunchOptions(['/opt/Sign-in Helper/sign-in-helper'])).toEqual({ flow: 'home', startFlow: 'home', lockScreen: false });
  });

  it.each([
    ['--reset', 'reset'],
    ['--unlock', 'unlock'],
    ['--change', 'change'],
    ['sign-in-helper://reset', 'reset'],
    ['sign-in-helper://reset/', 'reset'],
    ['sign-in-helper://unlock', 'unlock'],
    ['sign-in-helper://change?user=alain', 'change'],
  ])('%s opens %s', (arg, flow) => {
    expect(parseLaunchOptions(['electron', '.', arg]).startFlow).toBe(flow);
  });

  it('pre-fills the user id from --user ID, --user=ID or the link, trimmed; refuses control characters and overlong ids', () => {
    expect(parseLaunchOptions(['x', '--reset', '--user', 'alain@contoso.com'])).toMatchObject({ flow: 'reset', userId: 'alain@contoso.com' });
    expect(parseLaunchOptions(['x', '--unlock', '--user= megan ']).userId).toBe('megan');
    expect(parseLaunchOptions(['x', 'sign-in-helper://reset?user=alain%40contoso.com']).userId).toBe('alain@contoso.com');
    expect(parseLaunchOptions(['x', 'sign-in-helper://reset?user=al%0Aain']).userId).toBeUndefined();
    expect(parseLaunchOptions(['x', 'sign-in-helper://reset?user=%E2%80%AEnimda']).userId).toBeUndefined();
    expect(parseLaunchOptions(['x', '--user', 'a'.repeat(257)]).userId).toBeUndefined();
    expect(prefillUserId('   ')).toBeUndefined();
  });

  it('--lock-screen offers reset and unlock only: home and change open reset', () => {
    expect(parseLaunchOptions(['x', '--lock-screen'])).toMatchObject({ flow: 'reset', lockScreen: true });
    expect(parseLaunchOptions(['x', '--lock-screen', '--change'])).toMatchObject({ flow: 'reset', lockScreen: true });
    expect(parseLaunchOptions(['x', '--lock-screen', '--unlock', '--user', 'lee'])).toMatchObject({ flow: 'unlock', lockScreen: true, userId: 'lee' });
  });

  it('ignores other deep links and unknown flags', () => {
    expect(parseLaunchOptions(['x', 'sign-in-helper://register', 'other://reset', '--no-sandbox']).startFlow).toBe('home');
    expect(isResetDeepLink('sign-in-helper://reset/../../x')).toBe(false);
    expect(parseDeepLink('sign-in-helper://reset/extra')).toBeNull();
    expect(parseDeepLink('https://reset?user=alain')).toBeNull();
  });

  it('takes --directory-url only when it is an http(s) URL', () => {
    expect(parseLaunchOptions(['x', '--directory-url=https://sspr.example.com/api']).directoryUrl).toBe('https://sspr.example.com/api');
    expect(parseLaunchOptions(['x', '--directory-url=file:///etc/passwd']).directoryUrl).toBeUndefined();
    expect(parseLaunchOptions(['x', '--directory-url=nonsense']).directoryUrl).toBeUndefined();
  });
});

describe('navigationOf (a second launch or a link into a running app)', () => {
  it('a plain second launch asks for nothing; a flag or a link asks for its flow with the user', () => {
    expect(navigationOf(['/opt/app/sign-in-helper'], false)).toBeNull();
    expect(navigationOf(['/opt/app/sign-in-helper', 'sign-in-helper://reset?user=alain'], false)).toEqual({ flow: 'reset', userId: 'alain' });
    expect(navigationOf(['x', '--change'], false)).toEqual({ flow: 'change' });
  });

  it('a running lock-screen app stays one: change becomes reset', () => {
    expect(navigationOf(['x', 'sign-in-helper://change?user=alain'], true)).toEqual({ flow: 'reset', userId: 'alain' });
    expect(navigationOf(['x', '--unlock'], true)).toEqual({ flow: 'unlock' });
  });
});

describe('managedPolicyPath', () => {
  it('reads /etc on Linux; other platforms wait for their OS readers', () => {
    expect(managedPolicyPath('linux')).toBe('/etc/sign-in-helper/policy.json');
    expect(managedPolicyPath('win32')).toBeUndefined();
    expect(managedPolicyPath('darwin')).toBeUndefined();
  });
});
