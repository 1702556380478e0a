#!/usr/bin/env bash
# Install the system packages Sign-in Helper needs to build (keytar) and to test
# (Chromium, oathtool, a real keyring, a PostgreSQL server for the durable store tests).
# Debian/Ubuntu; run as root or with sudo.
# Other systems: see README.md "Set-up on other systems".
set -euo pipefail
PKGS="libsecret-1-dev pkg-config python3 make g++ dbus gnome-keyring libsecret-tools chromium fonts-liberation fonts-wqy-microhei oathtool xvfb xauth postgresql"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
if ! command -v apt-get >/dev/null; then
  echo "setup: this script knows Debian/Ubuntu (apt-get). Install the equivalents of: $PKGS" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "setup: apt-get update…"
$SUDO apt-get update -q >/dev/null
echo "setup: installing $PKGS"
$SUDO apt-get install -y -q --no-install-recommends $PKGS >/dev/null
echo "setup: done. Next: npm install"
