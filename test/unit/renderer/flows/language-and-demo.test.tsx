import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../render-app';

describe('language switcher', () => {
  it('switches texts and <html lang>, and stores the choice', async () => {
    const { user, fake } = await renderApp();
    expect(document.documentElement.lang).toBe('en');
    await user.selectOptions(screen.getByLabelText('Language'), 'zh-TW');
    expect(await screen.findByRole('button', { name: '忘記我的密碼' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '登入以管理您的安全性資訊' })).toBeInTheDocument();
    expect(screen.getByLabelText('語言')).toHaveValue('zh-TW');
    expect(document.documentElement.lang).toBe('zh-TW');
    expect(document.title).toBe('登入小幫手');
    expect(fake.callsOf('setLanguage')).toEqual([{ language: 'zh-TW' }]);
  });

  it('follows the system locale when no language is stored', async () => {
    await renderApp({ appInfo: { language: null, systemLocale: 'zh-Hant-HK' } });
    expect(screen.getByRole('button', { name: '忘記我的密碼' })).toBeInTheDocument();
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
