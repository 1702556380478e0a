import { describe, expect, it } from 'vitest';
import type { IpcResponse } from '../../../../contract/ipc';
import { canRemove, readiness } from '../../../../renderer/flows/security-info/method-rules';
import type { MethodType } from '../../../../contract/method-traits';
import { en } from '../../../../renderer/i18n/en';
import { zhTW } from '../../../../renderer/i18n/zh-tw';
import { isTypeName } from '../../../../renderer/lib/method-label';
import { byStrength, orderRegistered } from '../../../../renderer/lib/method-order';
import { method } from '../fake-api';

type SecurityInfo = IpcResponse<'securityInfo.get'>;
const info = (methods: SecurityInfo['methods'], required = 1): SecurityInfo => ({
  methods,
  required,
  registrationComplete: methods.length >= required && !methods.every((m) => m.type === 'questions'),
  enabled: [],
  canAdd: [],
  defaultMethodId: null,
  reconfirmDue: false,
  requiredAtLaunch: false,
  skipsLeft: 0,
});

describe('method order', () => {
  const ms = [method('q', 'questions', ''), method('v', 'voice', ''), method('e', 'email', ''), method('k', 'securityKey', ''), method('s', 'sms', ''), method('a', 'authenticatorApp', '')];

  it('puts strong methods first, then text and call, then email and questions', () => {
    expect(byStrength(ms).map((m) => m.id)).toEqual(['a', 'k', 's', 'v', 'e', 'q']);
  });

  it('puts the default first on the Security info page', () => {
    expect(orderRegistered(ms, 'v').map((m) => m.id)).toEqual(['v', 'a', 'k', 's', 'e', 'q']);
    expect(orderRegistered(ms, null).map((m) => m.id)).toEqual(['a', 'k', 's', 'v', 'e', 'q']);
  });
});

describe('removal rules', () => {
  it('refuses a removal that leaves fewer methods than a reset needs', () => {
    const two = info([method('a', 'authenticatorApp', ''), method('s', 'sms', '')], 2);
    expect(canRemove(two.methods[0]!, two)).toEqual({ allowed: false, reason: 'belowRequired' });
    const one = info(two.methods, 1);
    expect(canRemove(one.methods[0]!, one)).toEqual({ allowed: true });
  });

  it('refuses a removal that leaves security questions alone', () => {
    const i = info([method('a', 'authenticatorApp', ''), method('q', 'questions', '')], 1);
    expect(canRemove(i.methods[0]!, i)).toEqual({ allowed: false, reason: 'questionsAlone' });
    expect(canRemove(i.methods[1]!, i)).toEqual({ allowed: true });
  });

  it('says what a reset can do with what is registered', () => {
    expect(readiness(info([method('a', 'authenticatorApp', '')], 1))).toEqual({ kind: 'ready', required: 1 });
    expect(readiness(info([method('a', 'authenticatorApp', '')], 2))).toEqual({ kind: 'missing', required: 2, have: 1 });
    expect(readiness(info([method('q', 'questions', '')], 1))).toEqual({ kind: 'questionsAlone' });
  });
});

describe('isTypeName', () => {
  it('recognizes a label that only repeats the type, in either language', () => {
    expect(isTypeName('Authenticator app', 'authenticatorApp')).toBe(true);
    expect(isTypeName('驗證器應用程式', 'authenticatorApp')).toBe(true);
    expect(isTypeName('', 'questions')).toBe(true);
    expect(isTypeName('Work phone', 'authenticatorApp')).toBe(false);
  });

  it('knows the names the texts use: the type names and the app module\u2019s own name, in both languages', () => {
    for (const messages of [en, zhTW]) {
      for (const [type, name] of Object.entries(messages.methods)) expect(isTypeName(name, type as MethodType), name).toBe(true);
      expect(isTypeName(messages.method.authenticatorApp.name, 'authenticatorApp')).toBe(true);
    }
  });
});
