import { describe, expect, it } from 'vitest';
import { firstScreenHint, firstScreenQuery } from '../../../contract/first-screen.js';

describe("the first screen's hint in the page's address", () => {
  it('says "reset" for the lock screen and for a start in reset or unlock, nothing for home or change', () => {
    expect(firstScreenQuery({ lockScreen: true })).toBe('?first=reset');
    expect(firstScreenQuery({ lockScreen: true, startFlow: 'change' })).toBe('?first=reset');
    expect(firstScreenQuery({ startFlow: 'reset' })).toBe('?first=reset');
    expect(firstScreenQuery({ startFlow: 'unlock' })).toBe('?first=reset');
    expect(firstScreenQuery({ startFlow: 'home' })).toBe('');
    expect(firstScreenQuery({ startFlow: 'change' })).toBe('');
    expect(firstScreenQuery({})).toBe('');
  });

  it('is read back by the page, and anything else is no hint', () => {
    expect(firstScreenHint(firstScreenQuery({ lockScreen: true }))).toBe('reset');
    expect(firstScreenHint('?x=1&first=reset')).toBe('reset');
    expect(firstScreenHint('')).toBeNull();
    expect(firstScreenHint('?first=securityInfo')).toBeNull();
  });
});
