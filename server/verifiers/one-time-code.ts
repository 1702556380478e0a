import { randomInt } from 'node:crypto';

/** A one-time code of `digits` digits from the CSPRNG, leading zeros kept. */
export function newCode(digits: number): string {
  let code = '';
  for (let i = 0; i < digits; i++) code += String(randomInt(10));
  return code;
}
