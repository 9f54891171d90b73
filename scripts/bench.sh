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
echo "== SQLite"
"$BIN" bench map --sqlite "$WORK/bench.sqlite" --services "${SERVICES:-10000}"
echo "== PostgreSQL"
URL="$(scripts/pg-cluster.sh start "$WORK/pg")"
"$BIN" bench map --database-url "$URL" --services "${SERVICES:-10000}"
