#!/usr/bin/env bash
# Leaderboards at scale: generates 100k employees, 500k tracked links and
# 10M clicks over 90 days in a fresh database, then times the board queries
# (kept counters) against a naive GROUP BY over the raw events, checks that
# both give the same answers, and prints the database size per click.
#
#   benches/boards.sh [sqlite|postgres|both]     (default: both)
#
# Env: BIN (a release server binary; else one is built), PEOPLE, LINKS,
# CLICKS, DAYS, ITERATIONS, PORTAVOZ_TEST_POSTGRES_URL (a role that may
# create databases; one is created and dropped).
set -euo pipefail
cd "$(dirname "$0")/.."
WHICH=${1:-both}
PG_URL=${PORTAVOZ_TEST_POSTGRES_URL:-postgres://portavoz:portavoz@127.0.0.1:5432/portavoz}
ARGS=(--people "${PEOPLE:-100000}" --links "${LINKS:-500000}" --clicks "${CLICKS:-10000000}"
      --days "${DAYS:-90}" --iterations "${ITERATIONS:-200}" --naive-iterations "${NAIVE:-3}")
if [ -z "${BIN:-}" ]; then
  echo "== building the release binary"
  cargo build --release --features ssr --bin portavoz 2>&1 | tail -1
  BIN=target/release/portavoz
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# The naive queries are slow on purpose: keep the slow-statement warnings out.
export RUST_LOG=error

if [ "$WHICH" = sqlite ] || [ "$WHICH" = both ]; then
  echo "== SQLite"
  DATABASE_URL="sqlite://$WORK/boards.db" "$BIN" bench-boards "${ARGS[@]}"
fi
if [ "$WHICH" = postgres ] || [ "$WHICH" = both ]; then
  echo "== PostgreSQL"
  DB="portavoz_bench_$$"
  ADMIN_URL="${PG_URL%/*}/postgres"
  psql "$ADMIN_URL" -qc "create database $DB" >/dev/null
  trap 'psql "$ADMIN_URL" -qc "drop database if exists $DB" >/dev/null; rm -rf "$WORK"' EXIT
  DATABASE_URL="${PG_URL%/*}/$DB" "$BIN" bench-boards "${ARGS[@]}"
fi
