#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests: initdb + pg_ctl as the postgres user, its own port
# and socket folder, stopped by PID afterwards. Exports TEST_DATABASE_URL.
pg_throwaway_start() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PG_TMP=$(mktemp -d /tmp/fiscus-pg.XXXXXX)
  chown postgres "$PG_TMP" 2>/dev/null || true
  PG_PORT=${PG_PORT:-55432}
  while (echo >/dev/tcp/127.0.0.1/$PG_PORT) 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done
  local as=()
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$bin/initdb" -D "$PG_TMP/data" -U fiscus --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_TMP/initdb.log" 2>&1
  "${as[@]}" "$bin/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w \
    -o "-p $PG_PORT -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  export TEST_DATABASE_URL="postgres://fiscus@127.0.0.1:$PG_PORT/postgres"
  export PG_TMP PG_PORT PG_BIN="$bin"
  echo "pg-throwaway: PostgreSQL on port $PG_PORT ($PG_TMP)"
}
pg_throwaway_stop() {
  [ -n "${PG_TMP:-}" ] || return 0
  local pid
  pid=$(head -1 "$PG_TMP/data/postmaster.pid" 2>/dev/null || true)
  [ -n "$pid" ] && kill -INT "$pid" 2>/dev/null || true
  for _ in $(seq 50); do [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -rf "$PG_TMP"
}
