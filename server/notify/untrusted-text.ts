/**
 * Text from outside the service's own templates — a user id, a method's label, a reason, an
 * organization or helpdesk name from the configuration, a directory's words — rendered into a
 * mail, a text message, a call or an audit row. The schema already refuses control characters
 * in what clients type (contract/api.ts `plainText`); this is the second wall, for values that
 * came another way (a directory, a config file, an older row): whatever it holds, it stays ONE
 * bounded field and can never add a line ("Support code: …"), a header or a reordering.
 */
import { CONTROL_CHARACTERS } from '../../contract/api.js';

/** The contract's control characters, plus lone surrogates (no encoder can carry them). */
const UNSAFE = new RegExp(`${CONTROL_CHARACTERS.source}|\\p{Cs}`, 'gu');
const REPLACEMENT = '\uFFFD';

/**
 * `value` as one line: every control character, line or paragraph separator, bidirectional
 * override and lone surrogate becomes U+FFFD (visible, so a reader sees something was there),
 * and at most `max` code points are kept (an ellipsis marks the cut).
 */
export function plainField(value: string, max = 256): string {
  const clean = value.replace(UNSAFE, REPLACEMENT);
  const points = Array.from(clean);
  return points.length <= max ? clean : `${points.slice(0, Math.max(0, max - 1)).join('')}…`;
}
