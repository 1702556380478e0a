import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../render-app';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('language', () => {
  it('tells the main side at start which language the person reads, without storing it', async () => {
    const { fake } = await renderApp({ appInfo: { language: 'zh-TW' } });
    expect(screen.getByRole('button', { name: '忘記我的密碼' })).toBeInTheDocument();
    expect(fake.callsOf('setLanguage')).toEqual([{ language: 'zh-TW', remember: false }]);
  });

  it('switches texts and <html lang>, and stores the choice', async () => {
    const { user, fake } = await renderApp();
    expect(document.documentElement.lang).toBe('en');
    await user.selectOptions(screen.getByLabelText('Language'), 'zh-TW');
    expect(await screen.findByRole('button', { name: '忘記我的密碼' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '登入以管理您的安全性資訊' })).toBeInTheDocument();
    expect(screen.getByLabelText('語言')).toHaveValue('zh-TW');
    expect(document.documentElement.lang).toBe('zh-TW');
    expect(document.title).toBe('登入小幫手');
    expect(fake.callsOf('setLanguage')).toEqual([
      { language: 'en', remember: false },
      { language: 'zh-TW', remember: true },
    ]);
  });

  it('follows the system locale in Electron when no language is stored', async () => {
    const { fake } = await renderApp({ appInfo: { host: 'electron', language: null, systemLocale: 'zh-Hant-HK' } });
    expect(screen.getByRole('button', { name: '忘記我的密碼' })).toBeInTheDocument();
    expect(fake.callsOf('setLanguage')).toEqual([{ language: 'zh-TW', remember: false }]);
  });

  it('follows the browser’s languages in the web host when no language is stored', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR', 'zh-TW', 'en-US']);
    const { fake } = await renderApp({ appInfo: { host: 'web', language: null, systemLocale: 'en-US' } });
    expect(screen.getByRole('button', { name: '忘記我的密碼' })).toBeInTheDocument();
    expect(fake.callsOf('setLanguage')).toEqual([{ language: 'zh-TW', remember: false }]);
  });

  it('keeps a stored choice over the browser’s languages', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-TW']);
    await renderApp({ appInfo: { host: 'web', language: 'en' } });
    expect(screen.getByRole('button', { name: 'Forgot my password' })).toBeInTheDocument();
  });

  it('is disabled when managed policy locks the language', async () => {
    await renderApp({ appInfo: { languageLocked: true, language: 'en' } });
    expect(screen.getByLabelText('Language')).toBeDisabled();
    expect(screen.getByText('Your organization has set the language.')).toBeInTheDocument();
  });
});

describe('demo mode', () => {
  it('shows the banner and the demo inbox, newest first, then goes back', async () => {
    const { user, fake } = await renderApp();
    const note = screen.getByRole('note');
    expect(note).toHaveTextContent('Demo directory');
    await user.click(within(note).getByRole('button', { name: 'Demo inbox' }));
    await screen.findByTestId('screen-demo-inbox');
    const subjects = (await screen.findAllByRole('heading', { level: 2 })).map((h) => h.textContent);
    expect(subjects).toEqual(['Newer message', 'Older message']);
    expect(screen.getByText('Your code is 222222')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(fake.callsOf('getDemoOutbox').length).toBeGreaterThanOrEqual(2);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await screen.findByTestId('screen-home');
  });

  it('has no banner outside demo mode', async () => {
    await renderApp({ appInfo: { demo: false } });
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });
});
