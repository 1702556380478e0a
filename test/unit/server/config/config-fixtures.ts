/** Builders of small config files for the config tests. */
import { stringify } from 'yaml';
import { ConfigError } from '../../../../server/config/config-error.js';
import { parseServiceConfig } from '../../../../server/config/load-config.js';

/** The smallest valid config: no method needs a channel, memory directory and store. */
export const minimalConfig = (): Record<string, unknown> => ({
  tenant: { name: 'Fabrikam' },
  policy: { methodsEnabled: ['authenticatorApp'] },
  directory: { kind: 'memory', users: [] },
  store: { kind: 'memory' },
});

/** Sets `value` at a dotted path (`policy.codes.smsDigits`), creating objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
  return target;
}

/** YAML text of the minimal config with these dotted-path settings. */
export const configText = (settings: Record<string, unknown> = {}): string => {
  const config = minimalConfig();
  for (const [path, value] of Object.entries(settings)) setPath(config, path, value);
  return stringify(config);
};

/** The problems a config text produces (empty when it loads). */
export function problemsOf(text: string): string[] {
  try {
    parseServiceConfig(text);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}
