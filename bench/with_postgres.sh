#!/usr/bin/env bash
# Runs a benchmark on a throwaway PostgreSQL server, started on loopback as .ci/run does, then stops it.
#
#   bench/with_postgres.sh                                  # bench/centre_scale.py at full scale
#   bench/with_postgres.sh --patients 200 --days 60         # arguments go to centre_scale.py
#   BENCH=bench/other.py bench/with_postgres.sh ...         # another benchmark script
#
# The server listens on 127.0.0.1 on the first free port from 55432 (PGBENCH_PORT to choose), never
# on CI's, with its data and socket in a new directory under /tmp that is removed afterwards. Set
# PGBENCH_DATA=/some/dir to keep the data directory (and the seeded centre, for --reuse) between runs.
# Durability stays on (fsync, synchronous_commit), as in production; the memory settings are those of
# a modest dedicated server on SSD (random_page_cost 1.1, as the README advises), and can be changed with
# PGBENCH_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PGBIN/initdb" ] || { echo "with_postgres: no PostgreSQL server binaries (apt-get install postgresql)"; exit 1; }
BENCH=${BENCH:-bench/centre_scale.py}
PGBENCH_OPTS=${PGBENCH_OPTS:-"-c shared_buffers=1GB -c effective_cache_size=4GB -c work_mem=16MB \
-c maintenance_work_mem=512MB -c max_wal_size=4GB -c checkpoint_timeout=15min -c random_page_cost=1.1"}

free_port() {
    python3 - "$1" <<'EOF'
import socket, sys
for port in range(int(sys.argv[1]), int(sys.argv[1]) + 100):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
        print(port)
        break
else:
    sys.exit("with_postgres: no free port")
EOF
}
PORT=${PGBENCH_PORT:-$(free_port 55432)}

if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); else as_pg=(); fi
if [ -n "${PGBENCH_DATA:-}" ]; then
    PGTMP=$PGBENCH_DATA
    mkdir -p "$PGTMP"
    cleanup_data=false
else
    PGTMP=$(mktemp -d /tmp/ncbench-pg.XXXXXX)
    cleanup_data=true
fi
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGTMP"

stop() {
    "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast stop >/dev/null 2>&1 || true
    if $cleanup_data; then rm -rf "$PGTMP"; fi
}
trap stop EXIT

if [ ! -f "$PGTMP/data/PG_VERSION" ]; then
    "${as_pg[@]}" "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
fi
# shellcheck disable=SC2086 # PGBENCH_OPTS is a list of server options
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 60 start \
    -o "-p $PORT -c listen_addresses=127.0.0.1 -k $PGTMP $PGBENCH_OPTS" >/dev/null \
    || { cat "$PGTMP/server.log"; exit 1; }
"$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = 'netcompanion_bench'" \
    | grep -q 1 || "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres netcompanion_bench

echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT, data in $PGTMP"
DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/netcompanion_bench" .venv/bin/python "$BENCH" "$@"
