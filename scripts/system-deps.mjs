/**
 * The system parts the tests need, how to find each, and the Debian package that provides it.
 * Used by scripts/test.mjs (to provision or stop with one line) and scripts/setup.sh.
 */
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** Chromium's path differs by OS: CHROMIUM_PATH wins, then the usual names. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  return null;
}

/** Debian installs the server per major version: /usr/lib/postgresql/<major>/bin/initdb. */
function hasPostgresServer() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return false;
  return readdirSync(root).some((major) => existsSync(`${root}/${major}/bin/initdb`));
}

export const systemDeps = [
  { what: 'Chromium (end-to-end tests)', present: () => findChromium() !== null, debian: ['chromium', 'fonts-liberation', 'fonts-wqy-microhei'] },
  { what: 'oathtool (independent TOTP oracle)', present: () => onPath('oathtool'), debian: ['oathtool'] },
  { what: 'D-Bus session tools', present: () => onPath('dbus-run-session') && onPath('dbus-send'), debian: ['dbus'] },
  { what: 'gnome-keyring (real Secret Service)', present: () => onPath('gnome-keyring-daemon'), debian: ['gnome-keyring'] },
  { what: 'secret-tool (reads the keyring independently)', present: () => onPath('secret-tool'), debian: ['libsecret-tools'] },
  { what: 'PostgreSQL server (durable store tests)', present: () => hasPostgresServer(), debian: ['postgresql'] },
  { what: 'OpenLDAP server and tools (real-directory tests)', present: () => onPath('slapd') && onPath('slapadd') && onPath('ldapsearch'), debian: ['slapd', 'ldap-utils'] },
  { what: 'Samba AD domain controller (Active Directory tests)', present: () => onPath('samba') && onPath('samba-tool'), debian: ['samba', 'samba-ad-dc', 'samba-ad-provision', 'winbind', 'krb5-user', 'smbclient'] },
];

/** Packages to build keytar from source when its prebuilt binary cannot be downloaded. */
export const buildDeps = { debian: ['libsecret-1-dev', 'pkg-config', 'python3', 'make', 'g++'] };

export const missingDeps = () => systemDeps.filter((d) => !d.present());
