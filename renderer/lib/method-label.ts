import type { MethodType } from '../../contract/method-traits';
import { en } from '../i18n/en';
import { zhTW } from '../i18n/zh-tw';

/**
 * True when a method's label only repeats its type's name, in any language the app speaks
 * ("Authenticator app", as the demo directory and older versions named apps). Such a label
 * is not shown beside the type: it would say the same thing twice, or in English on a
 * zh-TW screen.
 */
export function isTypeName(label: string, type: MethodType): boolean {
  const l = label.trim().toLowerCase();
  if (!l) return true;
  return [en, zhTW].some((m) => m.methods[type].toLowerCase() === l || (type === 'authenticatorApp' && m.method.authenticatorApp.name.toLowerCase() === l));
}
