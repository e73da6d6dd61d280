#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL server on 127.0.0.1 (Debian's `postgresql` package,
# installed here when missing), with DATABASE_URL pointing at it; stops and removes it afterwards.
#   scripts/with-postgres.sh npm test
set -euo pipefail

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "installing Debian postgresql…"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PORT=${PGTEST_PORT:-55432}
DIR=$(mktemp -d /tmp/upskill-pg.XXXXXX)
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$DIR"

cleanup() {
  run_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT

run_pg "$BIN/initdb" -D "$DIR/data" -U upskill --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=200" start >/dev/null
run_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U upskill upskill

export DATABASE_URL="postgres://upskill@127.0.0.1:$PORT/upskill"
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"
"$@"
