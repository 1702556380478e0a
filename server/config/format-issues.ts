/**
 * zod issues → `field.path: reason` lines that an administrator can act on: ranges as
 * "at least 3" / "at most 10" with the value found, unknown keys by their full path, one line
 * per problem. Values are quoted only when short and never under a `password` key.
 */
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

export const formatPath = (path: Path): string =>
  path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '') || '(top level)';

const secretPath = (path: Path) => path.some((k) => typeof k === 'string' && /password|token|secret|key$/i.test(k) && k !== 'keyFile');

function shown(input: unknown, path: Path): string {
  if (secretPath(path)) return '';
  if (typeof input === 'number' || typeof input === 'boolean') return ` (got ${input})`;
  if (typeof input === 'string' && input.length <= 60) return ` (got "${input}")`;
  return '';
}

const describe = (input: unknown): string => (input === null ? 'null' : Array.isArray(input) ? 'a list' : typeof input === 'object' ? 'an object' : typeof input);

/** zod's own messages start this way; anything else is ours (a refine) and is kept. */
const isZodDefault = (message: string) => /^(Invalid|Too (small|big)|Unrecognized|Expected)/.test(message);

function unit(origin: string, n: number): string {
  if (origin === 'string') return ` character${n === 1 ? '' : 's'}`;
  if (origin === 'array' || origin === 'set') return ` item${n === 1 ? '' : 's'}`;
  return '';
}

/** One issue as one or more `path: reason` lines. */
function linesOf(issue: Issue, prefix: Path): string[] {
  const path = [...prefix, ...issue.path];
  const where = formatPath(path);
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => `${formatPath([...path, key])}: unknown key`);
    case 'invalid_type':
      if (input === undefined) return [`${where}: required`];
      // z.number().int() reports 1.5 as a type error; say what is wrong with the number.
      if (issue.expected === 'int' && typeof input === 'number') return [`${where}: must be a whole number${shown(input, path)}`];
      return [`${where}: expected ${issue.expected === 'int' ? 'number' : issue.expected}, got ${describe(input)}`];
    case 'too_small': {
      const min = Number(issue.minimum);
      const bound = issue.inclusive === false ? `more than ${min}` : `at least ${min}`;
      return [`${where}: ${bound}${unit(issue.origin, min)}${shown(input, path)}`];
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      const bound = issue.inclusive === false ? `less than ${max}` : `at most ${max}`;
      return [`${where}: ${bound}${unit(issue.origin, max)}${shown(input, path)}`];
    }
    case 'invalid_value':
      return [`${where}: must be ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`}${shown(input, path)}`];
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        return [`${where}: must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}`];
      }
      // An object that almost matches one form: report that form's problems, they are precise.
      const near = issue.errors.find((errs) => errs.length > 0 && !errs.some((e) => e.path.length === 0 && (e.code === 'invalid_type' || e.code === 'invalid_value')));
      if (near && typeof input === 'object' && input !== null) return near.flatMap((e) => linesOf(e, path));
      return [`${where}: ${isZodDefault(issue.message) ? 'does not match any allowed form' : issue.message}`];
    }
    default:
      return [`${where}: ${isZodDefault(issue.message) ? issue.message.toLowerCase() : issue.message}${issue.code === 'custom' ? shown(input, path) : ''}`];
  }
}

/** Every problem of a failed parse, in file order, without duplicates. */
export function formatIssues(issues: readonly Issue[], prefix: Path = []): string[] {
  return [...new Set(issues.flatMap((issue) => linesOf(issue, prefix)))];
}
