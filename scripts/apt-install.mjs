/**
 * Installing Debian packages from a script, as root without sudo and as a user with it.
 * Used by scripts/test.mjs (test parts) and scripts/keyring-build.mjs (keytar's build deps).
 * The decision is a pure function so it is tested without touching the machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * How to install `packages` here: run apt-get (as root, or through sudo when it will not
 * hang waiting for a password nobody can type), or the one line telling the person what to run.
 * @param {{ packages: string[], uid: number | undefined, hasApt: boolean, hasSudo: boolean, sudoWithoutPassword: boolean, interactive: boolean, why: string }} facts
 * @returns {{ kind: 'run', prefix: string[] } | { kind: 'tell', line: string }}
 */
export function aptPlan(facts) {
  const list = facts.packages.join(' ');
  if (!facts.hasApt) return { kind: 'tell', line: `${facts.why}: install the equivalents of these Debian packages: ${list}` };
  if (facts.uid === 0) return { kind: 'run', prefix: [] };
  if (facts.hasSudo && (facts.sudoWithoutPassword || facts.interactive)) return { kind: 'run', prefix: ['sudo'] };
  return { kind: 'tell', line: `${facts.why}: run  sudo apt-get install ${list}  (or: npm run setup)` };
}

/** debconf answers, by package (the first word), given before installing it. */
const DEBCONF_ANSWERS = ['slapd slapd/no_configuration boolean true', 'krb5-user krb5-config/default_realm string CONTOSO.TEST'];

const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** The facts aptPlan needs, read from this machine. */
export function machineFacts() {
  const hasSudo = onPath('sudo');
  return {
    uid: process.getuid?.(),
    hasApt: existsSync('/usr/bin/apt-get'),
    hasSudo,
    // `sudo -n` never prompts: it succeeds only where no password is needed (CI runners).
    sudoWithoutPassword: hasSudo && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
    interactive: Boolean(process.stdin.isTTY),
  };
}

/**
 * Install `packages`, saying so in one line; returns null on success or the one line to print.
 * @param {string[]} packages
 * @param {{ why: string, log?: (line: string) => void }} options
 * @returns {string | null}
 */
export function aptInstall(packages, { why, log = console.log }) {
  const plan = aptPlan({ ...machineFacts(), packages, why });
  if (plan.kind === 'tell') return plan.line;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // sudo resets the environment: pass DEBIAN_FRONTEND through `env` so apt never asks.
  const [cmd, ...pre] = plan.prefix.length ? [...plan.prefix, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get'] : ['apt-get'];
  log(`${why}: installing ${packages.join(' ')}${plan.prefix.length ? ' (with sudo)' : ''}…`);
  // Answers for packages that would otherwise configure a server of their own: slapd with no
  // database (the tests start throwaway ones), krb5-user with no realm question.
  const preseed = DEBCONF_ANSWERS.filter((a) => packages.includes(a.split(' ')[0]));
  if (preseed.length) spawnSync(plan.prefix.length ? 'sudo' : 'debconf-set-selections', plan.prefix.length ? ['debconf-set-selections'] : [], { input: preseed.join('\n') + '\n', stdio: ['pipe', 'ignore', 'ignore'] });
  // sudo may ask for a password on the terminal, so stdin stays connected.
  spawnSync(cmd, [...pre, 'update', '-q'], { stdio: ['inherit', 'ignore', 'ignore'], env });
  const r = spawnSync(cmd, [...pre, 'install', '-y', '-q', '--no-install-recommends', ...packages], { stdio: ['inherit', 'ignore', 'inherit'], env });
  return r.status === 0 ? null : `${why}: apt-get could not install ${packages.join(' ')}; install them and try again`;
}
