/**
 * The directory service as IT runs it in front of a real directory: its own process
 * (`server/cli.ts --config FILE`, what `npm run server` runs) from a YAML file written here —
 * a SQLite store in the test's temp folder, the directory's section, and email through a real
 * SMTP relay on loopback (smtp-server) that this test reads as the person's mailbox.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordingRelay, type RecordingRelay } from '../../integration/notify/smtp-doubles.js';
import { BIND_PASSWORD_ENV, type RealDirectory } from './real-directory-servers.js';

export interface RunningService {
  url: string;
  relay: RecordingRelay;
  /** Everything the service printed, for a failure's message. */
  output(): string;
  stop(): Promise<void>;
}

const SECRETS_KEY_ENV = 'SIGNIN_E2E_SECRETS_KEY';

/** The whole service file: one tenant, the app and an alternate email as methods. */
function configYaml(directory: RealDirectory, dir: string, smtpPort: number): string {
  return [
    'tenant: { name: Contoso, helpdesk: { email: helpdesk@contoso.test } }',
    'policy:',
    '  methodsEnabled: [authenticatorApp, email]',
    '  ssprEnabledFor: { groups: [sspr-users] }',
    directory.yaml,
    `store: { kind: sqlite, path: ${join(dir, 'service.db')} }`,
    `secrets: { keyEnv: ${SECRETS_KEY_ENV} }`,
    'notify:',
    // A relay on loopback without STARTTLS, as a site's local relay.
    `  email: { kind: smtp, host: 127.0.0.1, port: ${smtpPort}, secure: false, requireTls: false, from: '"Contoso IT" <it-noreply@contoso.test>', timeoutSeconds: 5 }`,
    'server: { host: 127.0.0.1, port: 0 }',
    '',
  ].join('\n');
}

/** Start the service on `directory` and wait for its "listening on URL" line. */
export async function startService(directory: RealDirectory, dir: string): Promise<RunningService> {
  const relay = await recordingRelay();
  const configFile = join(dir, 'service.yaml');
  writeFileSync(configFile, configYaml(directory, dir, relay.port));
  const env = { ...process.env, [BIND_PASSWORD_ENV]: directory.bindPassword, [SECRETS_KEY_ENV]: randomBytes(32).toString('base64') };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(process.cwd(), 'server', 'cli.ts'), '--config', configFile], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the directory service printed no "listening on" line within 30 s:\n${output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the directory service exited (${code}) before listening:\n${output}`));
      });
    });
    return {
      url,
      relay,
      output: () => output,
      async stop() {
        if (child.exitCode === null) child.kill('SIGTERM');
        await exited;
        await relay.close();
      },
    };
  } catch (e) {
    if (child.exitCode === null) child.kill('SIGKILL');
    await relay.close();
    throw e;
  }
}
