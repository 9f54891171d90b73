#!/usr/bin/env bash
# Runs every test: the Swift suite on SQLite and on a throwaway PostgreSQL 15 cluster, then the
# browser tests in headless Chromium against a running `mgn` on each database. `make test` and CI call this.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)

scripts/install-test-deps.sh
echo "== build"
swift build --build-tests

pgdir=$(mktemp -d /tmp/mgn-pg.XXXXXX)
cleanup() { scripts/pg-cluster.sh stop "$pgdir" || true; rm -rf "$pgdir"; }
trap cleanup EXIT
pgurl=$(scripts/pg-cluster.sh start "$pgdir")
echo "== PostgreSQL 15 test cluster on port $(cat "$pgdir/run/port")"

echo "== Swift tests on SQLite"
swift test --skip-build
echo "== Swift tests on PostgreSQL"
MGN_TEST_POSTGRES_URL="$pgurl" swift test --skip-build

echo "== Browser tests (headless Chromium, SQLite and PostgreSQL)"
MGN_BIN="$(swift build --show-bin-path)/mgn" MGN_TEST_POSTGRES_URL="$pgurl" \
  .venv/bin/pytest -q -p no:cacheprovider Tests/browser

echo "== all tests passed in $(( $(date +%s) - start )) s"
