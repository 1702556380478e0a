import { describe, expect, it } from 'vitest';
import { isResetDeepLink, parseLaunchOptions } from '../../../../electron/main/launch-options.js';
import { managedPolicyPath } from '../../../../electron/main/managed-policy-path.js';

describe('parseLaunchOptions', () => {
  it('opens home by default', () => {
    expect(parseLaunchOptions(['/opt/Sign-in Helper/sign-in-helper'])).toEqual({ startFlow: 'home' });
  });

  it.each([['--reset'], ['sign-in-helper://reset'], ['sign-in-helper://reset/']])('opens reset for %s', (arg) => {
    expect(parseLaunchOptions(['electron', '.', arg]).startFlow).toBe('reset');
  });

  it('ignores other deep links and unknown flags', () => {
    expect(parseLaunchOptions(['x', 'sign-in-helper://register', 'other://reset', '--no-sandbox']).startFlow).toBe('home');
    expect(isResetDeepLink('sign-in-helper://reset/../../x')).toBe(false);
  });

  it('takes --directory-url only when it is an http(s) URL', () => {
    expect(parseLaunchOptions(['x', '--directory-url=https://sspr.example.com/api']).directoryUrl).toBe('https://sspr.example.com/api');
    expect(parseLaunchOptions(['x', '--directory-url=file:///etc/passwd']).directoryUrl).toBeUndefined();
    expect(parseLaunchOptions(['x', '--directory-url=nonsense']).directoryUrl).toBeUndefined();
  });
});

describe('managedPolicyPath', () => {
  it('reads /etc on Linux; other platforms wait for their OS readers', () => {
    expect(managedPolicyPath('linux')).toBe('/etc/sign-in-helper/policy.json');
    expect(managedPolicyPath('win32')).toBeUndefined();
    expect(managedPolicyPath('darwin')).toBeUndefined();
  });
});
