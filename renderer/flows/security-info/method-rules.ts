import { methodTraits, type MethodType } from '../../../contract/method-traits';
import type { SecurityInfo, SecurityInfoMethod } from '../../store/types';

/** Why a method cannot be removed, when it cannot. */
export type RemoveCheck = { allowed: true } | { allowed: false; reason: 'belowRequired' | 'questionsAlone' };

/**
 * Never below what the policy needs: a removal that would leave fewer methods than a reset
 * needs (`required`), or security questions alone (never enough by themselves), is refused
 * here with its reason, before the service would refuse it.
 */
export function canRemove(method: SecurityInfoMethod, info: SecurityInfo): RemoveCheck {
  const rest = info.methods.filter((m) => m.id !== method.id);
  if (rest.length > 0 && rest.every((m) => m.type === 'questions')) return { allowed: false, reason: 'questionsAlone' };
  if (rest.length < info.required) return { allowed: false, reason: 'belowRequired' };
  return { allowed: true };
}

/** Only names the user gave can change: an app's or a key's. Phones and addresses are their own label. */
export const canRename = (type: MethodType) => type === 'authenticatorApp' || type === 'securityKey';

/** The default is the method offered first at sign-in, so it must be able to stand as a second factor. */
export const canBeDefault = (type: MethodType) => methodTraits[type].secondFactor;

/** What a reset can do with what is registered now: the Done screen says it in words. */
export type Readiness = { kind: 'ready'; required: number } | { kind: 'missing'; required: number; have: number } | { kind: 'questionsAlone' };

export function readiness(info: SecurityInfo): Readiness {
  if (info.registrationComplete) return { kind: 'ready', required: info.required };
  if (info.methods.length > 0 && info.methods.every((m) => m.type === 'questions')) return { kind: 'questionsAlone' };
  return { kind: 'missing', required: info.required, have: info.methods.length };
}
