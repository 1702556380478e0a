#!/usr/bin/env bash
# Run a command inside a private D-Bus session with an unlocked, throwaway gnome-keyring
# (a real Secret Service), without a display. Nothing persists between runs.
# Usage: scripts/with-keyring.sh CMD [ARGS...]
# Needs: dbus gnome-keyring (Debian: apt-get install dbus gnome-keyring libsecret-tools)
set -euo pipefail
if [ -z "${__SIGNIN_KEYRING_SESSION:-}" ]; then
  for tool in dbus-run-session gnome-keyring-daemon dbus-send; do
    command -v "$tool" >/dev/null || { echo "with-keyring: '$tool' is missing — install: apt-get install dbus gnome-keyring libsecret-tools (or run: npm run setup)" >&2; exit 127; }
  done
  export KEYRING_HOME; KEYRING_HOME=$(mktemp -d /tmp/signin-keyring.XXXXXX)
  export __SIGNIN_KEYRING_SESSION=1
  # dbus-daemon warns "Failed to set fd limit" as root in a sandbox: harmless, filtered out.
  rc=0; dbus-run-session -- "$0" "$@" 2> >(grep -v 'Failed to set fd limit' >&2) || rc=$?
  rm -rf "$KEYRING_HOME"; exit $rc
fi
# Inside the session: start and unlock a fresh "login" keyring (password "ci"), secrets only.
eval "$(printf ci | HOME="$KEYRING_HOME" XDG_DATA_HOME="$KEYRING_HOME/.local/share" gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
# Wait until the daemon owns org.freedesktop.secrets, or the first call races its start-up.
for _ in $(seq 1 50); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true' && break
  sleep 0.1
done
export SIGNIN_REAL_KEYRING=1
exec "$@"
