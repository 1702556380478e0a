import { methodTraits, type MethodType } from '../../contract/methods.js';

/** A module's type and the traits every side agrees on (contract/methods.ts), never restated by hand. */
export const traitsOf = <T extends MethodType>(type: T): { type: T; secondFactor: boolean; resetOnly: boolean } => ({
  type,
  secondFactor: methodTraits[type].secondFactor,
  resetOnly: methodTraits[type].resetOnly,
});
