#!/usr/bin/env bash
# Run a command next to a throwaway PostgreSQL server: a fresh cluster in a temp dir,
# listening only on 127.0.0.1 (a free port) and a unix socket inside the temp dir, trust
# auth for the local "postgres" role. Exports SIGNIN_TEST_PG_URL=postgres://… for the
# command; the server is stopped and its directory deleted on exit, also on failure or ^C.
# Usage: scripts/with-postgres.sh CMD [ARGS...]
# When SIGNIN_TEST_PG_URL is already set (a CI service container, your own server), the
# command runs against that one and nothing is started.
# Needs: PostgreSQL server binaries (Debian: apt-get install postgresql, or: npm run setup).
# initdb/postgres refuse to run as root: as root the cluster runs as the `postgres` OS user.
set -euo pipefail
if [ -n "${SIGNIN_TEST_PG_URL:-}" ]; then exec "$@"; fi

PGBIN=""
for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  [ -x "$dir/initdb" ] && { PGBIN=$dir; break; }
done
if [ -z "$PGBIN" ] && command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then PGBIN=$(dirname "$(command -v initdb)"); fi
[ -n "$PGBIN" ] || { echo "with-postgres: PostgreSQL server binaries not found — install: apt-get install postgresql (or run: npm run setup)" >&2; exit 127; }

PGTMP=$(mktemp -d /tmp/signin-pg.XXXXXX)
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "with-postgres: running as root needs the 'postgres' OS user (created by the Debian postgresql package)" >&2; rm -rf "$PGTMP"; exit 127; }
  chown postgres: "$PGTMP"
  as_pg() { (cd "$PGTMP" && runuser -u postgres -- "$@"); }
else
  as_pg() { (cd "$PGTMP" && "$@"); }
fi
chmod 700 "$PGTMP"

cleanup() {
  trap - EXIT INT TERM
  as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

as_pg "$PGBIN/initdb" -D "$PGTMP/data" -U postgres --auth=trust --encoding=UTF8 --locale=C --no-sync >"$PGTMP/initdb.log" 2>&1 \
  || { echo "with-postgres: initdb failed:" >&2; cat "$PGTMP/initdb.log" >&2; exit 1; }

# A free port can be taken between the probe and the server's bind: try a few.
started=""
for _ in 1 2 3 4 5; do
  PORT=$(free_port)
  if as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGTMP -c max_connections=200 -c shared_buffers=32MB" start >/dev/null 2>&1; then
    started=1; break
  fi
done
[ -n "$started" ] || { echo "with-postgres: the server did not start:" >&2; tail -n 20 "$PGTMP/server.log" >&2; exit 1; }

export SIGNIN_TEST_PG_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
# The command runs in the background (stdin kept) so a TERM/INT to this script is handled at
# once: passed on to the command, then the cluster is removed by the EXIT trap.
"$@" <&0 &
child=$!
trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 143' TERM
trap 'kill -INT "$child" 2>/dev/null; wait "$child"; exit 130' INT
rc=0; wait "$child" || rc=$?
exit $rc
