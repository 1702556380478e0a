import type { MethodChoice } from '../../../contract/api.js';
import type { MethodType } from '../../../contract/methods.js';

/**
 * The methods this version of the app can take a person through. The directory service
 * offers every method; until the app's screens for the others exist (security-info issue),
 * the core offers only these, so nobody picks a method that leads nowhere.
 */
export const appVerifiableTypes: ReadonlySet<MethodType> = new Set(['authenticatorApp']);

export const appCanVerify = (choices: readonly MethodChoice[]): MethodChoice[] => choices.filter((c) => appVerifiableTypes.has(c.type));
