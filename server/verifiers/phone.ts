import type { CountryCode } from 'libphonenumber-js/max';

/**
 * libphonenumber's full metadata (~0.3 MB of the service's bundle) loads with the first phone
 * number, not at start.
 */
const phoneNumbers = () => import('libphonenumber-js/max');

/**
 * A phone number as E.164 (`+14255550142`), or null when it is not a valid number.
 * `country` (ISO 3166 alpha-2) lets people type national numbers ("0912 345 678", TW).
 */
export async function toE164(input: string, country?: string): Promise<string | null> {
  const { parsePhoneNumberFromString } = await phoneNumbers();
  const parsed = parsePhoneNumberFromString(input, country as CountryCode | undefined);
  return parsed && parsed.isValid() ? parsed.number : null;
}
