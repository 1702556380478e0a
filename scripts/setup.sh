#!/usr/bin/env bash
# Install the system packages Sign-in Helper needs to build (keytar) and to test
# (Chromium, oathtool, a real keyring, a PostgreSQL server for the durable store tests,
# OpenLDAP and a Samba AD domain controller for the real-directory tests).
# Debian/Ubuntu; as root it runs apt-get itself, as a user it uses sudo.
# When node_modules is already there (a fresh `npm install` skipped keytar for want of
# libsecret), it then brings keytar back (scripts/keyring-build.mjs).
# Other systems: see README.md "Set-up on other systems".
set -euo pipefail
cd "$(dirname "$0")/.."
PKGS="libsecret-1-dev pkg-config python3 make g++ dbus gnome-keyring libsecret-tools chromium fonts-liberation fonts-wqy-microhei oathtool xvfb xauth postgresql slapd ldap-utils samba samba-ad-dc samba-ad-provision winbind krb5-user smbclient"
if ! command -v apt-get >/dev/null; then
  echo "setup: this script knows Debian/Ubuntu (apt-get). Install the equivalents of: $PKGS" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if ! command -v sudo >/dev/null; then
    echo "setup: installing system packages needs root: run it as root (su -c 'bash scripts/setup.sh'), or install: $PKGS" >&2
    exit 1
  fi
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
# slapd: no default database (the tests start their own, scripts/directories/slapd-up.sh);
# krb5-user: no default realm question.
printf '%s\n' 'slapd slapd/no_configuration boolean true' 'krb5-config krb5-config/default_realm string CONTOSO.TEST' | $SUDO debconf-set-selections
echo "setup: apt-get update…"
$SUDO apt-get update -q >/dev/null
echo "setup: installing $PKGS"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $PKGS >/dev/null

if [ ! -d node_modules ]; then
  echo "setup: done. Next: npm install"
elif [ -O node_modules ] && command -v node >/dev/null; then
  # Ours (not a root shell in someone else's checkout): keytar can be put back as the owner would.
  node scripts/keyring-build.mjs
  echo "setup: done."
else
  echo "setup: done. Next, as the owner of this checkout: npm run keyring:build"
fi
