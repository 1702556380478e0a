import type { MethodType } from '../../contract/method-traits';
import { typeNamesEn, typeNamesZhTW } from '../i18n/type-names';

/**
 * True when a method's label only repeats its type's name, in any language the app speaks
 * ("Authenticator app", as the demo directory and older versions named apps). Such a label
 * is not shown beside the type: it would say the same thing twice, or in English on a
 * zh-TW screen. (The names of every language are in the first bundle: the zh-TW texts are not.)
 */
export function isTypeName(label: string, type: MethodType): boolean {
  const l = label.trim().toLowerCase();
  if (!l) return true;
  return [typeNamesEn, typeNamesZhTW].some((names) => names[type].toLowerCase() === l);
}
