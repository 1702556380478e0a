import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { methodTypes } from '../../../../contract/methods';
import { methodScreens } from '../../../../renderer/methods';
import { methodStringsEn } from '../../../../renderer/methods/strings';
import { methodStringsZhTW } from '../../../../renderer/methods/strings.zh-tw';
import { distinctName, nameTaken } from '../../../../renderer/methods/shared/distinct-name';

type Tree = { [k: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] => Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
const values = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : values(v)));

describe('methodScreens', () => {
  it('has an icon, an add wizard and a verify step for every method type', () => {
    expect(Object.keys(methodScreens).sort()).toEqual([...methodTypes].sort());
    for (const type of methodTypes) {
      const screens = methodScreens[type];
      expect(typeof screens.Add, type).toBe('function');
      expect(typeof screens.Verify, type).toBe('function');
      const { container, unmount } = render(<screens.Icon className="x" />);
      const svg = container.querySelector('svg');
      expect(svg, type).toHaveAttribute('aria-hidden', 'true');
      expect(svg).toHaveClass('method-icon', 'x');
      unmount();
    }
  });
});

describe('method texts', () => {
  it('has the same keys in English and zh-TW', () => {
    expect(keys(methodStringsZhTW as Tree).sort()).toEqual(keys(methodStringsEn as Tree).sort());
  });

  it('never shows an internal name, and zh-TW is translated', () => {
    const internal = /authenticatorApp|securityKey|SSPR_|_NOT_|\bsms\b|\bvoice\b/;
    for (const text of [...values(methodStringsEn as Tree), ...values(methodStringsZhTW as Tree)]) expect(text).not.toMatch(internal);
    const zh = values(methodStringsZhTW as Tree).filter((v) => v !== '');
    // Every zh-TW text has Chinese in it, except the ones that are only placeholders.
    for (const text of zh) expect(text.replace(/\{\{\w+\}\}/g, '')).toMatch(/[\u4e00-\u9fff]|^[\s（）()秒]*$/);
  });

  it('uses the Taiwan wording of the methods', () => {
    expect(methodStringsZhTW.authenticatorApp.name).toBe('驗證器應用程式');
    expect(methodStringsZhTW.sms.name).toBe('簡訊');
    expect(methodStringsZhTW.voice.name).toBe('電話');
    expect(methodStringsZhTW.securityKey.name).toBe('安全性金鑰');
    expect(methodStringsZhTW.email.name).toBe('電子郵件');
    expect(methodStringsZhTW.questions.name).toBe('安全性問題');
  });
});

describe('distinct default names', () => {
  it('numbers a name already in use', () => {
    expect(distinctName('Authenticator app', [])).toBe('Authenticator app');
    expect(distinctName('Authenticator app', ['authenticator app '])).toBe('Authenticator app 2');
    expect(distinctName('Authenticator app', ['Authenticator app', 'Authenticator app 2'])).toBe('Authenticator app 3');
    expect(nameTaken(' Security KEY', ['Security key'])).toBe(true);
  });
});
