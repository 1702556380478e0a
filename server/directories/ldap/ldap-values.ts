/** Reading LDAP entries and writing filters, the same for OpenLDAP and Active Directory. */
import { escapeFilter, type Entry } from 'ldapts';
import { DirectoryUnavailableError, type WriteOutcome } from '../directory.js';

/** An untrusted value inside a search filter (RFC 4515 escaping, through ldapts). */
export const filterValue = (value: string): string => escapeFilter`${value}`;

const text = (v: unknown): string => (Buffer.isBuffer(v) ? v.toString('utf8') : String(v));

/** The first value of `attribute`, as text. */
export const first = (entry: Entry, attribute: string): string | undefined => {
  const v = entry[attribute];
  const one = Array.isArray(v) ? v[0] : v;
  return one === undefined ? undefined : text(one);
};

/** Every value of `attribute`, as text. */
export const all = (entry: Entry, attribute: string): string[] => {
  const v = entry[attribute];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(text);
};

/**
 * A write that never reached the directory: the connection layer already turned the failure
 * into DirectoryUnavailableError, whose message names what failed and never a credential.
 */
export const unreachableWrite = (e: unknown): Extract<WriteOutcome, { ok: false }> => ({ ok: false, kind: 'unreachable', message: e instanceof Error ? e.message : 'unreachable' });

/**
 * Run a write whose look-up may meet an outage: the directory could not be asked, so nothing
 * was written — the write's `unreachable` outcome, as the interface promises, not an exception.
 */
export async function orUnreachable<T>(write: () => Promise<T>): Promise<T | Extract<WriteOutcome, { ok: false }>> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof DirectoryUnavailableError) return unreachableWrite(e);
    throw e;
  }
}
