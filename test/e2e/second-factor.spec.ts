/**
 * Every method that may be a second factor passes it at sign-in (authenticator app with
 * oathtool's code, text and call with codes from the outbox, a USB security key on a CDP
 * virtual authenticator); email and security questions are never offered as a second factor.
 */
import { AppDriver } from './app-driver.js';
import { expect, test } from './fixtures.js';
import { addAuthenticatorApp, addEmail, addPhone, addQuestions, addSecurityKey, expectAdded, openAdd, signInToRegister, signOut } from './support/add-methods.js';
import { offeredTypes, passWith } from './support/gates.js';
import { addVirtualAuthenticator } from './support/virtual-authenticator.js';

const SMS = { country: 'US', number: '425 555 0142', e164: '+14255550142' };
const VOICE = { country: 'US', number: '425 555 0143', e164: '+14255550143' };

test('megan signs in with each second factor; email and questions are never offered', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  const app = new AppDriver(page);
  await app.onScreen('home');
  await addVirtualAuthenticator(page, 'usb');

  await signInToRegister(app);
  await app.button(app.t.methods.authenticatorApp).click();
  const secret = await addAuthenticatorApp(app);
  await expectAdded(app);
  await openAdd(app, 'sms');
  await addPhone(app, host.directoryUrl, 'sms', SMS);
  await expectAdded(app);
  await openAdd(app, 'voice');
  await addPhone(app, host.directoryUrl, 'voice', VOICE);
  await expectAdded(app);
  await openAdd(app, 'securityKey');
  await addSecurityKey(app, 'cross-platform');
  await expectAdded(app);
  await openAdd(app, 'email');
  await addEmail(app, host.directoryUrl, 'megan.b@example.net');
  await expectAdded(app);
  await openAdd(app, 'questions');
  await addQuestions(app);
  await expectAdded(app);
  await signOut(app);

  const proofs = [
    { type: 'sms', directoryUrl: host.directoryUrl, to: SMS.e164 },
    { type: 'voice', directoryUrl: host.directoryUrl, to: VOICE.e164 },
    { type: 'securityKey' },
    // The add spent this time step's code; the next step's is inside the ±1 step window.
    { type: 'authenticatorApp', secret, offsetSeconds: 30 },
  ] as const;
  for (const proof of proofs) {
    await app.signInFromHome('megan@contoso.com');
    await app.onScreen('second-factor', app.t.secondFactor.title);
    expect((await offeredTypes(app)).sort()).toEqual(['authenticatorApp', 'securityKey', 'sms', 'voice']);
    await passWith(app, proof);
    await app.onScreen('security-info', app.t.overview.title);
    await signOut(app);
  }
});
