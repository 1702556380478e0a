import { shell } from 'electron';
import { createLogger } from './log.js';

const log = createLogger('external-links');

/**
 * Open a link in the user's browser — the ONLY place the app calls `shell.openExternal`.
 * Only `https:` URLs pass: `file:`, `javascript:`, `http:`, custom schemes and anything that
 * does not parse could run programs or leak data, so they are refused and logged (scheme only).
 * Resolves to true when the URL was handed to the OS.
 */
export async function openExternalSafely(url: string): Promise<boolean> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    log.warn('Refused to open a link that is not a URL');
    return false;
  }
  if (parsed.protocol !== 'https:') {
    log.warn(`Refused to open a ${parsed.protocol} link; only https links open externally`);
    return false;
  }
  try {
    await shell.openExternal(parsed.toString());
    return true;
  } catch {
    log.warn('The operating system could not open the link');
    return false;
  }
}
