/**
 * The directory's own password rules for the live checklist, read from the directory (never
 * hard-coded) and kept a few minutes: the checklist is fetched by every reset and change, and
 * the rules change when IT edits a policy, not per request. A directory that does not answer
 * leaves the checklist with the service's rules only: the directory still decides at the write.
 */
import type { DirectoryPasswordRulesView } from '../../contract/api.js';
import type { Directory, DirectoryPasswordRules } from './directory.js';

const KEEP_MS = 5 * 60_000;
const defaults = new WeakMap<Directory, { at: number; rules: Promise<DirectoryPasswordRulesView | undefined> }>();

/** Only what the contract carries, integers and a bounded source; nothing when the directory has no rules. */
function view(rules: DirectoryPasswordRules): DirectoryPasswordRulesView | undefined {
  const out: DirectoryPasswordRulesView = {};
  if (rules.minLength) out.minLength = Math.trunc(rules.minLength);
  if (rules.complexity) out.complexity = true;
  if (rules.history) out.history = Math.trunc(rules.history);
  if (rules.minAgeSeconds) out.minAgeSeconds = Math.trunc(rules.minAgeSeconds);
  if (Object.keys(out).length === 0) return undefined;
  if (rules.source) out.source = rules.source.slice(0, 300);
  return out;
}

async function read(directory: Directory, userId?: string): Promise<DirectoryPasswordRulesView | undefined> {
  if (!directory.passwordRules) return undefined;
  try {
    return view(await directory.passwordRules(userId));
  } catch {
    return undefined;
  }
}

/** The rules that apply to an account not yet known (the default policy), cached per directory. */
export function defaultDirectoryRules(directory: Directory, now = Date.now()): Promise<DirectoryPasswordRulesView | undefined> {
  const kept = defaults.get(directory);
  if (kept && now - kept.at < KEEP_MS) return kept.rules;
  const rules = read(directory);
  defaults.set(directory, { at: now, rules });
  // A failed read is not kept: the next checklist asks again.
  void rules.then((r) => r === undefined && defaults.delete(directory));
  return rules;
}

/** The rules for one account (a fine-grained policy or its own ppolicy entry), read fresh. */
export const accountDirectoryRules = (directory: Directory, userId: string): Promise<DirectoryPasswordRulesView | undefined> => read(directory, userId);
