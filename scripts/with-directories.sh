#!/usr/bin/env bash
# Run a command next to real, throwaway directory servers: OpenLDAP with ppolicy (a free
# loopback port) and a Samba AD domain controller (loopback, fixed ports; needs root).
# Exports for the command:
#   SIGNIN_TEST_LDAP_URL=ldap://127.0.0.1:PORT
#   SIGNIN_TEST_AD_URL=ldaps://127.0.0.1:636  SIGNIN_TEST_AD_CA=<the DC's CA file>
#   (its certificate names DC1.contoso.test, not 127.0.0.1: verify with that server name)
# Both servers are stopped and their directories deleted on exit, also on failure or ^C.
# A server that cannot start is not silently skipped: the script stops with one line naming
# what to install. SIGNIN_TEST_AD_URL already set (your own DC) skips starting Samba; the
# same for SIGNIN_TEST_LDAP_URL.
# Usage: scripts/with-directories.sh CMD [ARGS...]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d /tmp/signin-dirs.XXXXXX)
cleanup() {
  trap - EXIT INT TERM
  for pid in "$TMP"/ldap/slapd.pid "$TMP"/ad/samba.pid; do [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null || true; done
  sleep 0.3
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

if [ -z "${SIGNIN_TEST_LDAP_URL:-}" ]; then
  PORT=$(free_port)
  "$HERE/directories/slapd-up.sh" "$TMP/ldap" "$PORT" >/dev/null
  export SIGNIN_TEST_LDAP_URL="ldap://127.0.0.1:$PORT"
fi
if [ -z "${SIGNIN_TEST_AD_URL:-}" ]; then
  "$HERE/directories/samba-ad-up.sh" "$TMP/ad" >/dev/null
  export SIGNIN_TEST_AD_URL="ldaps://127.0.0.1:636" SIGNIN_TEST_AD_CA="$TMP/ad/private/tls/ca.pem"
fi
"$@" <&0 &
child=$!
trap 'kill -TERM $child 2>/dev/null; wait $child; exit 143' TERM
trap 'kill -INT $child 2>/dev/null; wait $child; exit 130' INT
wait $child
