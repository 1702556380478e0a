/**
 * The checklist with the directory's rules: its lines under a note naming the directory, the
 * counts in words in both languages (plural forms, durations), a refusal marking its line,
 * and markup axe finds nothing in (not a live region: it would talk on every key).
 */
import { render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { PasswordPolicy } from '../../../../contract/api';
import { checkPassword, type RuleId } from '../../../../renderer/components/password-checks';
import { PasswordRules } from '../../../../renderer/components/password-rules';
import { applyLanguage } from '../../../../renderer/i18n';
import { formatDuration } from '../../../../renderer/i18n/format';

const USER = 'alain@contoso.com';
const SOURCE = 'fine-grained policy sspr-pso';
const policy: PasswordPolicy = {
  minLength: 8,
  maxLength: 64,
  disallowUserName: true,
  blockCommon: true,
  directory: { minLength: 14, complexity: true, history: 24, minAgeSeconds: 86_400, source: SOURCE },
};

function show(password: string, options: { violated?: RuleId | null; policy?: PasswordPolicy } = {}) {
  const p = options.policy ?? policy;
  return render(<PasswordRules id="rules" checks={checkPassword(p, password, '', USER)} violated={options.violated ?? null} directorySource={p.directory?.source} />);
}
const line = (id: string) => document.querySelector(`[data-rule="${id}"]`) as HTMLElement;
const listOf = (id: string) => line(id).closest('ul');

describe('the checklist with directory rules', () => {
  it('lists the directory’s rules under a note naming where they come from', () => {
    show('');
    const note = screen.getByText(`From your organization's directory (${SOURCE}):`);
    expect(note).toHaveClass('rules-source');
    const [ours, directory] = screen.getAllByRole('list');
    expect(note.nextElementSibling).toBe(directory);
    expect([...ours!.querySelectorAll('li')].map((li) => li.dataset.rule)).toEqual(['maxLength', 'containsUserName', 'commonPassword', 'match']);
    expect([...directory!.querySelectorAll('li')].map((li) => li.dataset.rule)).toEqual(['minLength', 'complexity', 'history', 'minAge']);
    expect(line('minLength')).toHaveTextContent('Have at least 14 characters: Not yet');
    expect(line('complexity')).toHaveTextContent('Use at least 3 of: uppercase letters, lowercase letters, digits, symbols: Not yet');
    expect(line('history')).toHaveTextContent('Not be one of your last 24 passwords: Checked when you submit');
    expect(line('minAge')).toHaveTextContent('Be kept for at least 1 day before it can be changed again: Checked when you submit');
  });

  it('ticks complexity and length as the password grows', () => {
    show('Blue-mountain-42');
    expect(line('complexity')).toHaveTextContent('Done');
    expect(line('complexity')).toHaveClass('rule met');
    expect(line('minLength')).toHaveTextContent('Done');
    expect(line('history')).toHaveClass('rule later');
  });

  it('says "your last password" for a history of one, and hours when the age is not whole days', () => {
    show('', { policy: { ...policy, directory: { history: 1, minAgeSeconds: 36 * 3600 } } });
    expect(line('history')).toHaveTextContent('Not be your last password');
    expect(line('minAge')).toHaveTextContent('Be kept for at least 36 hours');
    expect(screen.getByText("From your organization's directory:")).toBeInTheDocument();
  });

  it('shows the service’s minimum in its own list when the directory asks for less, and no note without directory lines', () => {
    show('', { policy: { ...policy, directory: { minLength: 6, source: 'domain password policy' } } });
    expect(screen.getAllByRole('list')).toHaveLength(1);
    expect(line('minLength')).toHaveTextContent('Have at least 8 characters');
    expect(screen.queryByText(/From your organization's directory/)).not.toBeInTheDocument();
  });

  it('marks the line the directory refused as not met, even one it could not check here', () => {
    const first = show('Blue-mountain-42', { violated: 'complexity' });
    expect(line('complexity')).toHaveTextContent('Not yet');
    expect(line('complexity')).not.toHaveClass('met');
    expect(line('minLength')).toHaveTextContent('Done');
    first.unmount();
    show('Blue-mountain-42', { violated: 'history' });
    expect(line('history')).toHaveTextContent('Not be one of your last 24 passwords: Not yet');
    expect(line('complexity')).toHaveTextContent('Done');
  });

  it('reads in zh-TW, with the count and the duration in Chinese', async () => {
    await applyLanguage('zh-TW');
    show('');
    expect(screen.getByText(`來自貴組織的目錄（${SOURCE}）：`)).toBeInTheDocument();
    expect(line('complexity')).toHaveTextContent('至少使用下列其中 3 類字元：大寫字母、小寫字母、數字、符號');
    expect(line('history')).toHaveTextContent('不同於您最近使用過的 24 個密碼');
    expect(line('minAge')).toHaveTextContent('設定後至少保留 1 天，在此之前無法再次變更');
    expect(listOf('minLength')).toHaveTextContent('至少有 14 個字元');
  });

  it('is no live region, and axe finds nothing in it', async () => {
    const { container } = show('Blue');
    expect(container.querySelector('[aria-live], [role="status"], [role="alert"]')).toBeNull();
    const results = await axe.run(container, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] }, rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});

describe('formatDuration', () => {
  it.each([
    [86_400, 'en', '1 day'],
    [2 * 86_400, 'en', '2 days'],
    [36 * 3600, 'en', '36 hours'],
    [100_000, 'en', '28 hours'],
    [90, 'en', '2 minutes'],
    [45, 'en', '45 seconds'],
    [86_400, 'zh-TW', '1 天'],
    [3600, 'zh-TW', '1 小時'],
  ])('%i s in %s → %s', (seconds, language, text) => {
    expect(formatDuration(seconds, language)).toBe(text);
  });
});
