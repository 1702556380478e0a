/** `alain.charon@example.net` → `a•••@example.net`: enough to recognise, not to learn. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${address[0]}•••${address.slice(at)}`;
}

/** `+14255550142` → `+1 ••• ••• ••42`. */
export function maskPhone(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  const country = e164.startsWith('+1') ? '+1' : `+${digits.slice(0, 2)}`;
  return `${country} ••• ••• ••${digits.slice(-2)}`;
}
