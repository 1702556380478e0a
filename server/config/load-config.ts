import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { configProblems } from './check-config.js';
import { ConfigError } from './config-error.js';
import { serviceConfigSchema, type ServiceConfig } from './config-schema.js';
import { formatIssues } from './format-issues.js';

/**
 * Parses and checks the text of a config file (YAML 1.2; JSON is valid YAML). Relative file
 * paths in it are resolved against `baseDir` (the file's folder), so a config moved with its
 * key file keeps working. Throws ConfigError naming every problem.
 */
export function parseServiceConfig(text: string, options: { source?: string; baseDir?: string } = {}): ServiceConfig {
  const { source, baseDir = process.cwd() } = options;
  // YAML 1.2 core schema: `no`/`yes` stay strings (no "Norway problem"); duplicate keys are errors.
  const lines = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter: lines });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      doc.errors.map((e) => {
        const { line, col } = lines.linePos(e.pos[0]);
        return `line ${line}, column ${col}: ${e.message.split('\n')[0]}`;
      }),
      source,
    );
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) throw new ConfigError(['(top level): the file is empty'], source);
  const parsed = serviceConfigSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error.issues), source);
  const config = resolvePaths(parsed.data, baseDir);
  const problems = configProblems(config);
  if (problems.length > 0) throw new ConfigError(problems, source);
  return config;
}

/** Reads, parses and checks the config file at `path`. */
export async function loadServiceConfig(path: string): Promise<ServiceConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError([`(file): cannot read ${path} (${code})`], path);
  }
  return parseServiceConfig(text, { source: path, baseDir: dirname(resolve(path)) });
}

function resolvePaths(config: ServiceConfig, baseDir: string): ServiceConfig {
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(baseDir, p));
  const out = structuredClone(config);
  if (out.secrets?.keyFile) out.secrets.keyFile = abs(out.secrets.keyFile);
  if (out.server.tls) out.server.tls = { certFile: abs(out.server.tls.certFile), keyFile: abs(out.server.tls.keyFile) };
  if (out.store.kind === 'sqlite' && out.store.path !== ':memory:') out.store.path = abs(out.store.path);
  if (out.notify.email?.kind === 'smtp' && out.notify.email.caFile) out.notify.email.caFile = abs(out.notify.email.caFile);
  if (out.directory.kind !== 'memory' && out.directory.tls?.caFile) out.directory.tls.caFile = abs(out.directory.tls.caFile);
  return out;
}
