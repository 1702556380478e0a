import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { methodScreens } from '../../../../renderer/methods';
import { checkPhone, defaultCountry } from '../../../../renderer/methods/shared/phone/countries';
import { initI18n } from '../../../../renderer/i18n';
import { added, fail, gate, installApi, ok, tickSeconds } from './helpers';

afterEach(() => vi.useRealTimers());

function renderAdd(type: 'sms' | 'voice') {
  const onAdded = vi.fn();
  const onCancel = vi.fn();
  const Add = methodScreens[type].Add;
  render(<Add onAdded={onAdded} onCancel={onCancel} existingLabels={[]} />);
  return { onAdded, onCancel, user: userEvent.setup(vi.isFakeTimers() ? { advanceTimers: vi.advanceTimersByTime } : {}) };
}

const phoneApi = () =>
  installApi({
    beginPhone: async () => ok({ sentTo: '•••23', expiresAt: '2026-12-01T21:00:00.000Z', digits: 6 }),
    confirmPhone: async (r) => (r.code === '246810' ? ok({ method: added('sms', '•••23') }) : fail('INVALID_CODE')),
  });

describe('phone numbers', () => {
  it('picks the country from the language, and checks a number against it', () => {
    expect(defaultCountry('zh-TW', ['en-US'])).toBe('TW');
    expect(defaultCountry('en', ['en-GB'])).toBe('GB');
    expect(defaultCountry('en', ['en'])).toBe('US');
    expect(checkPhone('0912 345 678', 'TW')).toMatchObject({ ok: true, e164: '+886912345678' });
    expect(checkPhone('(201) 555-0123', 'US')).toMatchObject({ ok: true, e164: '+12015550123' });
    expect(checkPhone('12', 'US')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkPhone('  ', 'US')).toEqual({ ok: false, problem: 'empty' });
  });
});

describe('adding a phone for text messages', () => {
  it('validates the number, sends E.164 with the country, refuses a wrong code, then adds the phone', async () => {
    const api = phoneApi();
    const { onAdded, user } = renderAdd('sms');
    await screen.findByTestId('screen-add-sms-number');
    expect(screen.getByText('Text messages and calls are easier to intercept than an app or a security key.')).toBeInTheDocument();
    expect(screen.getByLabelText('Country or region')).toHaveValue('US');
    const number = screen.getByLabelText('Phone number');
    await user.type(number, '555');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(api.beginPhone).not.toHaveBeenCalled();
    expect(number).toHaveFocus();
    expect(number).toHaveAccessibleDescription(expect.stringContaining("doesn't look like a phone number"));
    await user.clear(number);
    await user.type(number, '(201) 555-0123');
    expect(screen.getByText('We will use +1 201 555 0123.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    await screen.findByTestId('screen-add-sms-code');
    expect(api.beginPhone).toHaveBeenCalledWith({ type: 'sms', phoneNumber: '+12015550123', country: 'US' });
    expect(screen.getByText('We sent a code by text message to •••23.')).toBeInTheDocument();

    const code = screen.getByLabelText('Code');
    await user.type(code, '111111');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText("That code didn't work. Check it and try again.")).toBeInTheDocument();
    expect(code).toHaveValue('');
    expect(code).toHaveFocus();
    await user.type(code, '246810');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await vi.waitFor(() => expect(onAdded).toHaveBeenCalledWith(expect.objectContaining({ type: 'sms' })));
    expect(api.confirmPhone).toHaveBeenLastCalledWith({ code: '246810' });
  });

  it('lets the person change the number, keeping what they typed', async () => {
    phoneApi();
    const { user, onCancel } = renderAdd('sms');
    await user.selectOptions(await screen.findByLabelText('Country or region'), 'TW');
    await user.type(screen.getByLabelText('Phone number'), '0912 345 678');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    await user.click(await screen.findByRole('button', { name: 'Change number' }));
    await screen.findByTestId('screen-add-sms-number');
    expect(screen.getByLabelText('Phone number')).toHaveValue('0912 345 678');
    expect(screen.getByLabelText('Country or region')).toHaveValue('TW');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('disables resend for 30 seconds with a visible countdown, announcing only its start and end', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = phoneApi();
    const { user } = renderAdd('sms');
    await user.type(await screen.findByLabelText('Phone number'), '2015550123');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    await screen.findByTestId('screen-add-sms-code');
    const resend = screen.getByRole('button', { name: /^Send a new code/ });
    expect(resend).toBeDisabled();
    expect(resend).toHaveTextContent(/Send a new code \((30|29) s\)/);
    await tickSeconds(10, act);
    expect(resend).toHaveTextContent(/\((20|19) s\)/);
    await tickSeconds(21, act);
    expect(resend).toBeEnabled();
    expect(resend).toHaveTextContent(/^Send a new code$/);
    expect(screen.getByText('You can ask for a new code now.')).toBeInTheDocument();
    await user.click(resend);
    await vi.waitFor(() => expect(api.beginPhone).toHaveBeenCalledTimes(2));
    expect(api.beginPhone).toHaveBeenLastCalledWith({ type: 'sms', phoneNumber: '+12015550123', country: 'US' });
    expect(await screen.findByText('You can ask for a new code in 30 seconds.')).toBeInTheDocument();
    expect(resend).toBeDisabled();
    expect(screen.getByLabelText('Code')).toHaveFocus();
  });

  it('shows a refused send on the number screen', async () => {
    installApi({ beginPhone: async () => fail('THROTTLED') });
    const { user } = renderAdd('sms');
    await user.type(await screen.findByLabelText('Phone number'), '2015550123');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(await screen.findByText('Too many attempts.')).toBeInTheDocument();
    expect(screen.getByTestId('screen-add-sms-number')).toBeInTheDocument();
  });
});

describe('adding a phone for calls', () => {
  it('says "Call me" and sends type voice', async () => {
    const api = phoneApi();
    const { user } = renderAdd('voice');
    await user.type(await screen.findByLabelText('Phone number'), '2015550123');
    await user.click(screen.getByRole('button', { name: 'Call me' }));
    await screen.findByTestId('screen-add-voice-code');
    expect(api.beginPhone).toHaveBeenCalledWith(expect.objectContaining({ type: 'voice' }));
    expect(screen.getByText(/We are calling •••23/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Call me again/ })).toBeDisabled();
  });

  it('is in zh-TW with Taiwan as the default country', async () => {
    await initI18n('zh-TW');
    phoneApi();
    renderAdd('voice');
    expect(await screen.findByLabelText('國家或地區')).toHaveValue('TW');
    expect(screen.getByRole('button', { name: '打電話給我' })).toBeInTheDocument();
  });
});

describe('verifying with a text message', () => {
  it('sends nothing until asked, then submits the code from the message', async () => {
    installApi({});
    const requestChallenge = vi.fn(async () => ok({ kind: 'code' as const, channel: 'sms' as const, sentTo: '•••42', digits: 6, expiresAt: '2026-12-01T21:00:00.000Z' }));
    const submit = vi.fn();
    const Verify = methodScreens.sms.Verify;
    render(<Verify method={gate('sms', { hint: '•••42' })} requestChallenge={requestChallenge} submit={submit} busy={false} error={null} />);
    const user = userEvent.setup();
    const send = await screen.findByRole('button', { name: 'Send code' });
    expect(screen.getByText('We will send a code by text message to •••42.')).toBeInTheDocument();
    expect(requestChallenge).not.toHaveBeenCalled();
    await user.click(send);
    expect(requestChallenge).toHaveBeenCalledWith('m-sms');
    const code = await screen.findByLabelText('Code');
    await vi.waitFor(() => expect(code).toHaveFocus());
    await user.type(code, '864 201');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(submit).toHaveBeenCalledWith({ code: '864201' });
    expect(screen.getByRole('button', { name: /^Send a new code/ })).toBeDisabled();
  });

  it('starts afresh when the flow switches to another phone', async () => {
    installApi({});
    const requestChallenge = vi.fn(async () => ok({ kind: 'code' as const, channel: 'sms' as const, sentTo: '•••42', digits: 6, expiresAt: '2026-12-01T21:00:00.000Z' }));
    const Verify = methodScreens.sms.Verify;
    const view = render(<Verify method={gate('sms', { id: 'p1', hint: '•••42' })} requestChallenge={requestChallenge} submit={vi.fn()} busy={false} error={null} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Send code' }));
    await screen.findByLabelText('Code');
    view.rerender(<Verify method={gate('sms', { id: 'p2', hint: '•••77' })} requestChallenge={requestChallenge} submit={vi.fn()} busy={false} error={null} />);
    expect(await screen.findByText('We will send a code by text message to •••77.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Code')).toBeNull();
  });
});
