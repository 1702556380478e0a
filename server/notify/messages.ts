/**
 * The texts the service sends, in every language the app speaks. Each function returns the
 * subject and body of one message; channels without a subject (sms, voice) ignore it.
 * A message with a one-time code is built here and handed straight to a notifier: it is
 * never logged (POLICY.md: audit "never a secret or a code").
 *
 * Every value that does not come from these templates (user id, organization, helpdesk, a
 * label, a reason) passes `plainField` on its way in: one bounded line, whatever it holds, so
 * it cannot forge a line such as "Support code: …" (./untrusted-text.ts).
 */
import { plainField } from './untrusted-text.js';

export type NotifyLanguage = 'en' | 'zh-TW';
export const notifyLanguages: readonly NotifyLanguage[] = ['en', 'zh-TW'];

export interface RenderedMessage {
  subject: string;
  body: string;
}

/** `undefined` or a language we do not have falls back to English. */
const pick = (language: string | undefined): NotifyLanguage => (language === 'zh-TW' ? 'zh-TW' : 'en');

/**
 * The language of an `Accept-Language` header (contract/api.ts LANGUAGE_HEADER): the first
 * of its tags, by weight then order, that we write — zh-TW for Traditional Chinese (zh-TW,
 * zh-Hant…, zh-HK, zh-MO), en for English — else en.
 */
export function languageFromHeader(header: string | undefined): NotifyLanguage {
  if (!header) return 'en';
  const tags = header
    .slice(0, 512)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of tags) {
    if (tag === 'zh-tw' || tag.startsWith('zh-tw-') || tag.startsWith('zh-hant') || tag === 'zh-hk' || tag.startsWith('zh-hk-') || tag === 'zh-mo' || tag.startsWith('zh-mo-')) return 'zh-TW';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}

/** A readable, unambiguous time: the recipient may be anywhere, so UTC with its name. */
export const formatTime = (at: Date): string => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Digits spaced out so a text-to-speech voice reads them one by one, not as a number. */
const spoken = (code: string): string => code.split('').join(', ');

export interface CodeMessageInput {
  channel: 'email' | 'sms' | 'voice';
  organization: string;
  code: string;
  lifetimeMinutes: number;
  language?: string;
}

/** The one-time code (text, call or email). */
export function codeMessage({ channel, organization: rawOrganization, code, lifetimeMinutes, language }: CodeMessageInput): RenderedMessage {
  const m = lifetimeMinutes;
  const organization = plainField(rawOrganization, ORGANIZATION_MAX);
  if (pick(language) === 'zh-TW') {
    const subject = `${organization} 驗證碼`;
    if (channel === 'voice') return { subject, body: `您的 ${organization} 驗證碼是 ${spoken(code)}。再說一次：${spoken(code)}。此驗證碼將於 ${m} 分鐘後失效。` };
    if (channel === 'sms') return { subject, body: `您的 ${organization} 驗證碼是 ${code}。此驗證碼將於 ${m} 分鐘後失效。` };
    return {
      subject,
      body: `您的 ${organization} 驗證碼是 ${code}。此驗證碼將於 ${m} 分鐘後失效。\n\n如果您沒有要求此驗證碼，請忽略這封郵件；您的密碼不會變更。`,
    };
  }
  const subject = `Your ${organization} verification code`;
  const minutes = `${m} minute${m === 1 ? '' : 's'}`;
  if (channel === 'voice') return { subject, body: `Your ${organization} verification code is ${spoken(code)}. Again: ${spoken(code)}. It expires in ${minutes}.` };
  if (channel === 'sms') return { subject, body: `Your ${organization} verification code is ${code}. It expires in ${minutes}.` };
  return {
    subject,
    body: `Your ${organization} verification code is ${code}. It expires in ${minutes}.\n\nIf you did not ask for this code, ignore this message; your password has not changed.`,
  };
}

export interface AccountEventInput {
  organization: string;
  userId: string;
  at: Date;
  /** Where to turn if it was not them: the helpdesk email, phone or URL. */
  helpdesk?: string;
  language?: string;
}

const ORGANIZATION_MAX = 100;
const USER_ID_MAX = 256;
const LABEL_MAX = 100;

/** The untrusted parts of an account event, each made one bounded line. */
const safeEvent = <T extends AccountEventInput>(input: T): T => ({
  ...input,
  organization: plainField(input.organization, ORGANIZATION_MAX),
  userId: plainField(input.userId, USER_ID_MAX),
  ...(input.helpdesk !== undefined ? { helpdesk: plainField(input.helpdesk, 254) } : {}),
});

const notYou = (language: NotifyLanguage, helpdesk: string | undefined): string =>
  language === 'zh-TW'
    ? `如果這不是您本人的操作，請立即聯絡技術支援中心${helpdesk ? `：${helpdesk}` : ''}。`
    : `If this wasn't you, contact your helpdesk right away${helpdesk ? `: ${helpdesk}` : ''}.`;

/** One change to security info: what was done to which method (its name in each language) and its label. */
export interface SecurityInfoChange {
  action: 'added' | 'removed' | 'renamed';
  methodName: Record<NotifyLanguage, string>;
  label: string;
  /** `renamed`: the name it had. */
  previousLabel?: string;
}

/** The change as a phrase of the message's language, e.g. `added Text message “+1 ••• ••• ••42”`. */
export function describeChange(change: SecurityInfoChange, language?: string): string {
  const lang = pick(language);
  const name = plainField(change.methodName[lang], LABEL_MAX);
  const label = plainField(change.label, LABEL_MAX);
  const previous = plainField(change.previousLabel ?? '', LABEL_MAX);
  if (lang === 'zh-TW') {
    if (change.action === 'renamed') return `已將${name}「${previous}」重新命名為「${label}」`;
    return `${change.action === 'added' ? '已新增' : '已移除'}${name}「${label}」`;
  }
  if (change.action === 'renamed') return `renamed ${name} “${previous}” to “${label}”`;
  return `${change.action} ${name} “${label}”`;
}

/** Security info was added, changed or removed (sent on a channel other than the one changed). */
export function securityInfoChangedMessage(raw: AccountEventInput & { change: string }): RenderedMessage {
  const input = { ...safeEvent(raw), change: plainField(raw.change, 400) };
  const lang = pick(input.language);
  const when = formatTime(input.at);
  if (lang === 'zh-TW')
    return {
      subject: `您的 ${input.organization} 安全性資訊已變更`,
      body: `您的帳戶 ${input.userId} 的安全性資訊已於 ${when} 變更：${input.change}。\n\n${notYou(lang, input.helpdesk)}`,
    };
  return {
    subject: `Your ${input.organization} security info was changed`,
    body: `The security info of your account ${input.userId} was changed on ${when}: ${input.change}.\n\n${notYou(lang, input.helpdesk)}`,
  };
}

/** What an account event says, per language: its subject and the sentence of its body. */
const accountEvents = {
  reset: {
    en: (o: string, u: string, when: string) => [`Your ${o} password was reset`, `The password of your account ${u} was reset on ${when}.`],
    'zh-TW': (o: string, u: string, when: string) => [`您的 ${o} 密碼已重設`, `您的帳戶 ${u} 的密碼已於 ${when} 重設。`],
  },
  change: {
    en: (o: string, u: string, when: string) => [`Your ${o} password was changed`, `The password of your account ${u} was changed on ${when}.`],
    'zh-TW': (o: string, u: string, when: string) => [`您的 ${o} 密碼已變更`, `您的帳戶 ${u} 的密碼已於 ${when} 變更。`],
  },
  unlock: {
    en: (o: string, u: string, when: string) => [`Your ${o} account was unlocked`, `Your account ${u} was unlocked on ${when}.`],
    'zh-TW': (o: string, u: string, when: string) => [`您的 ${o} 帳戶已解除鎖定`, `您的帳戶 ${u} 已於 ${when} 解除鎖定。`],
  },
} as const;

function accountEventMessage(kind: keyof typeof accountEvents, raw: AccountEventInput): RenderedMessage {
  const input = safeEvent(raw);
  const lang = pick(input.language);
  const [subject, sentence] = accountEvents[kind][lang](input.organization, input.userId, formatTime(input.at));
  return { subject: subject!, body: `${sentence}\n\n${notYou(lang, input.helpdesk)}` };
}

/** The password was reset through self-service. */
export const passwordResetMessage = (input: AccountEventInput): RenderedMessage => accountEventMessage('reset', input);

/** The password was changed by its owner (with the old password). */
export const passwordChangedMessage = (input: AccountEventInput): RenderedMessage => accountEventMessage('change', input);

/** The account was unlocked through self-service. */
export const accountUnlockedMessage = (input: AccountEventInput): RenderedMessage => accountEventMessage('unlock', input);

export interface HelpdeskRequestInput {
  organization: string;
  userId: string;
  /** The seed's situation: SSPR_NOT_ENABLED, NOT_REGISTERED, PASSWORD_NOT_MANAGED or OTHER. */
  reason: string;
  supportCode: string;
  at: Date;
  /** What the user wrote, if anything. */
  note?: string;
  language?: string;
}

/** To the helpdesk: a user asks for help from the app ("Contact your administrator"). */
export function helpdeskRequestMessage(raw: HelpdeskRequestInput): RenderedMessage {
  const input = {
    ...raw,
    organization: plainField(raw.organization, ORGANIZATION_MAX),
    userId: plainField(raw.userId, USER_ID_MAX),
    reason: plainField(raw.reason, 64),
    supportCode: plainField(raw.supportCode, 64),
  };
  const when = formatTime(input.at);
  const note = raw.note ? plainField(raw.note, 500) : undefined;
  if (pick(input.language) === 'zh-TW')
    return {
      subject: `${input.organization}：${input.userId} 需要協助（${input.reason}）`,
      body: [`使用者 ${input.userId} 於 ${when} 透過登入小幫手要求協助。`, `原因：${input.reason}`, `支援代碼：${input.supportCode}`, ...(note ? [`留言：${note}`] : [])].join('\n'),
    };
  return {
    subject: `${input.organization}: ${input.userId} asks for help (${input.reason})`,
    body: [`User ${input.userId} asked for help from Sign-in Helper on ${when}.`, `Reason: ${input.reason}`, `Support code: ${input.supportCode}`, ...(note ? [`Note: ${note}`] : [])].join('\n'),
  };
}
