import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { fakeIpcEvent } from './fake-ipc-event.js';

vi.mock('electron', () => ({}));

const { isTrustedSender } = await import('../../../../electron/main/trusted-sender.js');
const { createAppOrigin } = await import('../../../../electron/main/app-origin.js');

/** The origin of a configured directory https://sspr.contoso.com. */
const origin = createAppOrigin('sign-in-helper.sspr.contoso.com');
const ours = () => true;

describe('isTrustedSender on a configured directory origin', () => {
  it('accepts our top frame on exactly that origin, in a window of ours', () => {
    expect(isTrustedSender(fakeIpcEvent({ url: 'https://sign-in-helper.sspr.contoso.com/index.html#security-info' }), origin, ours)).toBe(true);
  });

  it.each([
    ['a page of another https host', 'https://evil.example/index.html'],
    ['the directory host itself', 'https://sspr.contoso.com/index.html'],
    ['the demo origin (another AppOrigin)', 'https://localhost/index.html'],
    ['our host on another port', 'https://sign-in-helper.sspr.contoso.com:444/index.html'],
    ['the old app: origin', 'app://sign-in-helper/index.html'],
  ])('refuses %s', (_name, url) => {
    expect(isTrustedSender(fakeIpcEvent({ url }), origin, ours)).toBe(false);
  });

  it('refuses an iframe even when it is on our origin', () => {
    expect(isTrustedSender(fakeIpcEvent({ url: 'https://sign-in-helper.sspr.contoso.com/index.html', topFrame: false }), origin, ours)).toBe(false);
  });

  it('refuses our origin in a WebContents we did not create', () => {
    const notOurs = (_contents: WebContents) => false;
    expect(isTrustedSender(fakeIpcEvent({ url: 'https://sign-in-helper.sspr.contoso.com/index.html' }), origin, notOurs)).toBe(false);
  });
});
