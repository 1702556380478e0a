import { rename } from 'node:fs/promises';
import { configSchema, defaultConfig, type ConfigKey, type ConfigValues } from './config-schema.js';
import { readJsonFile, writeJsonFileAtomic } from './json-file.js';

export interface ConfigSources {
  userPrefsPath: string;
  managedPolicyPath?: string;
  overrides?: ConfigValues;
}

export interface EffectiveConfig {
  values: ConfigValues;
  /** Keys set by managed policy: the UI shows them locked. */
  locked: ReadonlySet<ConfigKey>;
  /** What was wrong with a file, in words for the log (never the file's secrets: it has none). */
  problems: string[];
}

/**
 * Effective configuration: built-in defaults < user preferences < command-line overrides <
 * managed policy. Only preferences are ever written by the app.
 */
export class ConfigService {
  private prefs: ConfigValues = {};
  private policy: ConfigValues = {};
  private problems: string[] = [];

  constructor(private readonly sources: ConfigSources) {}

  async load(): Promise<EffectiveConfig> {
    this.problems = [];
    this.prefs = await this.readLayer(this.sources.userPrefsPath, 'preferences', true);
    this.policy = this.sources.managedPolicyPath ? await this.readLayer(this.sources.managedPolicyPath, 'managed policy', false) : {};
    return this.effective();
  }

  effective(): EffectiveConfig {
    const values = { ...defaultConfig, ...this.prefs, ...this.sources.overrides, ...this.policy };
    return { values, locked: new Set(Object.keys(this.policy) as ConfigKey[]), problems: [...this.problems] };
  }

  /** Save one preference; refused (false) when managed policy sets that key. */
  async setPreference<K extends ConfigKey>(key: K, value: ConfigValues[K]): Promise<boolean> {
    if (key in this.policy) return false;
    const next = configSchema.parse({ ...this.prefs, [key]: value });
    await writeJsonFileAtomic(this.sources.userPrefsPath, next);
    this.prefs = next;
    return true;
  }

  private async readLayer(path: string, name: string, setAsideBroken: boolean): Promise<ConfigValues> {
    const read = await readJsonFile(path);
    if (read.kind === 'missing') return {};
    if (read.kind === 'ok') {
      const parsed = configSchema.safeParse(read.value);
      if (parsed.success) return parsed.data;
      this.problems.push(`${name} ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    } else {
      this.problems.push(`${name} ${path}: ${read.reason}`);
    }
    // A broken preferences file is kept aside, not overwritten, so nothing the user had is lost.
    if (setAsideBroken) await rename(path, `${path}.broken-${Date.now()}`).catch(() => undefined);
    return {};
  }
}
