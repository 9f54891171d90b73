#!/usr/bin/env bash
# Benchmarks on throwaway databases, release build: `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product mgn
BIN="$(swift build -c release --show-bin-path)/mgn"
WORK="$(mktemp -d)"
# The PostgreSQL cluster runs as the postgres user, which must be able to enter the folder.
chmod 755 "$WORK"
trap 'scripts/pg-cluster.sh stop "$WORK/pg" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
URL="$(scripts/pg-cluster.sh start "$WORK/pg")"
echo "== sociale kaart, SQLite"
"$BIN" bench map --sqlite "$WORK/bench.sqlite" --services "${SERVICES:-10000}"
echo "== sociale kaart, PostgreSQL"
"$BIN" bench map --database-url "$URL" --services "${SERVICES:-10000}"
# The monitor at national scale: its go-live 23 months back, so the baseline has a year before it.
export MGN_GO_LIVE="$(date -d "-23 months" +%Y-%m)"
echo "== monitor, SQLite"
"$BIN" bench monitor --sqlite "$WORK/monitor.sqlite" --registrations "${REGISTRATIONS:-1000000}"
rm -f "$WORK"/monitor.sqlite*
echo "== monitor, PostgreSQL"
psql "$URL" -q -c "CREATE DATABASE monitor"
"$BIN" bench monitor --database-url "$(echo "$URL" | sed 's#/postgres?sslmode#/monitor?sslmode#')" --registrations "${REGISTRATIONS:-1000000}"
