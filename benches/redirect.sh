#!/usr/bin/env bash
# Benchmarks the tracked-link redirect against a bare axum handler in the
# same binary (a constant 302 at /bench/bare), on SQLite and on PostgreSQL.
#
#   benches/redirect.sh [sqlite|postgres|both]     (default: both)
#
# The server runs on core 0 and wrk on core 1 (taskset), 32 connections,
# one thread. Every /s/{code} request is a human click (a browser User-Agent)
# that goes through the queue to the batch writer; after the run the server
# is stopped with SIGTERM and the stored clicks are counted.
# PostgreSQL's processes are pinned to core 0 with the server for the run.
# Each load runs ROUNDS times (default 3), alternating bare and /s/ (which
# goes first alternates too), and the medians are reported, with the median
# of each round's own ratio (its /s/ run against its bare run); the target
# must hold both ways.
# Env: DURATION (s per run, default 10), ROUNDS, CONNECTIONS (default 32), PORTAVOZ_TEST_POSTGRES_URL,
# BIN (a server binary already built; skips the release build).
set -euo pipefail
cd "$(dirname "$0")/.."
WHICH=${1:-both}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-32}
PG_URL=${PORTAVOZ_TEST_POSTGRES_URL:-postgres://portavoz:portavoz@127.0.0.1:5432/portavoz}
UA="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
PORT=38517
BASE="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null || sudo apt-get install -y -qq wrk; }
if [ -z "${BIN:-}" ]; then
  echo "== building the release server"
  cargo build --release --features ssr --bin portavoz 2>&1 | tail -1
  BIN=target/release/portavoz
fi
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

start_server() { # $1 = DATABASE_URL
  DATABASE_URL="$1" PORTAVOZ_DEMO=1 PORTAVOZ_BENCH_ROUTES=1 LEPTOS_SITE_ADDR="127.0.0.1:$PORT" \
    LEPTOS_SITE_ROOT=target/site RUST_LOG=warn taskset -c 0 "$BIN" >"$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 100); do curl -fs "$BASE/healthz" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "server did not start:"; cat "$WORK/server.log"; exit 1
}

# Ana's tracked X link for the first post of her feed, through the real API.
tracked_path() {
  local jar="$WORK/cookies"
  curl -fs -c "$jar" -o /dev/null -H 'Accept: application/json' \
    --data-urlencode email=ana@example.com --data-urlencode password=portavoz-demo "$BASE/api/sign-in"
  local post
  post=$(curl -fs -b "$jar" -H 'Content-Type: application/json' -d '{"query":{"topic":null,"q":""}}' "$BASE/api/feed" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
  curl -fs -b "$jar" -H 'Content-Type: application/json' -d "{\"post_id\":$post}" "$BASE/api/share/kit" \
    | python3 -c 'import json,sys; print([l["url"] for l in json.load(sys.stdin)["links"] if l["channel"]=="x"][0].split("127.0.0.1:'$PORT'")[1])'
}

# Prints "<requests/s> <p99 ms> <requests>" for one wrk run.
load() { # $1 = path, $2 = seconds
  taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"${2}s" --latency -H "User-Agent: $UA" "$BASE$1" >"$WORK/wrk.txt"
  python3 - "$WORK/wrk.txt" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
m = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", t)
p99 = float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
n = int(re.search(r"(\d+) requests in", t).group(1))
non3xx = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
print(f"{rps:.0f} {p99:.2f} {n}")
PY
}

# "rps p99 n;rps p99 n;…" -> "median-rps median-p99"
median() {
  python3 -c 'import sys,statistics as st; r=[l.split() for l in sys.argv[1].split(";") if l]; print(f"{st.median(float(x[0]) for x in r):.0f} {st.median(float(x[1]) for x in r):.2f}")' "$1"
}

# PostgreSQL belongs to the system under test: its processes share the
# server's core, so the load generator keeps core 1 to itself.
pin_postgres() { # $1 = cpu list
  local pids; pids=$(pgrep -x postgres || true)
  for p in $pids; do taskset -apc "$1" "$p" >/dev/null 2>&1 || { echo "could not pin postgres ($p) to $1"; return 0; }; done
}

stored_clicks() { # $1 = backend, $2 = url
  if [ "$1" = sqlite ]; then
    python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from click").fetchone()[0])' "${2#sqlite://}"
  else
    psql -qtA "$2" -c 'select count(*) from click'
  fi
}

run_backend() { # $1 = sqlite | postgres
  local backend=$1 url
  if [ "$backend" = sqlite ]; then
    url="sqlite://$WORK/bench.db"
  else
    if ! psql -qtA "$PG_URL" -c 'select 1' >/dev/null 2>&1; then echo "postgres: unreachable at $PG_URL, skipped"; return; fi
    local db="portavoz_bench_$$"
    psql -qtA "$PG_URL" -c "drop database if exists $db" -c "create database $db" >/dev/null
    url="${PG_URL%/*}/$db"
    pin_postgres 0
  fi
  echo; echo "== $backend"
  start_server "$url"
  local path; path=$(tracked_path)
  echo "tracked link: $path"
  load /bench/bare 3 >/dev/null; local warm; warm=$(load "$path" 3)
  local sent=${warm##* } round bare_runs="" s_runs=""
  # Alternating rounds, then the median of each: a noisy neighbour on a
  # shared machine moves one round, not the result.
  for round in $(seq 1 "$ROUNDS"); do
    local b s
    # Which load goes first alternates: a machine speeding up or slowing
    # down through a round favours neither.
    if (( round % 2 )); then
      b=$(load /bench/bare "$DURATION"); s=$(load "$path" "$DURATION")
    else
      s=$(load "$path" "$DURATION"); b=$(load /bench/bare "$DURATION")
    fi
    echo "  round $round: bare ${b% *}   /s/ ${s% *}   (req/s, p99 ms)"
    bare_runs+="$b;"; s_runs+="$s;"; sent=$(( sent + ${s##* } ))
  done
  read -r bare_rps bare_p99 < <(median "$bare_runs")
  read -r s_rps s_p99 < <(median "$s_runs")
  kill -TERM "$SERVER"; wait "$SERVER" || true
  local stored; stored=$(stored_clicks "$backend" "$url")
  local dropped; dropped=$(grep -c "click not recorded" "$WORK/server.log" || true)
  python3 - "$backend" "$bare_rps" "$bare_p99" "$s_rps" "$s_p99" "$sent" "$stored" "$dropped" "$bare_runs" "$s_runs" <<'PY'
import sys, statistics
b, bare, bare99, s, s99, sent, stored, dropped, bare_runs, s_runs = sys.argv[1:]
bare, bare99, s, s99, sent, stored = float(bare), float(bare99), float(s), float(s99), int(sent), int(stored)
# Each round's /s/ against its own bare run: the machine's speed drifts
# between rounds, and a pair sees the same drift.
rates = lambda runs: [float(r.split()[0]) for r in runs.split(";") if r]
paired = [x / y for x, y in zip(rates(s_runs), rates(bare_runs))]
print(f"bare 302        {bare:>9.0f} req/s   p99 {bare99:6.2f} ms")
print(f"/s/{{code}}       {s:>9.0f} req/s   p99 {s99:6.2f} ms")
print(f"ratio           {s / bare:>9.1%}  of the medians;  {statistics.median(paired):.1%} median of the rounds' own"
      f" ({', '.join(f'{p:.1%}' for p in paired)})")
ok = min(s / bare, statistics.median(paired)) >= 0.85
print(f"targets         >= 85% both ways: {'ok' if ok else 'MISSED'}   p99 <= 5 ms: {'ok' if s99 <= 5 else 'MISSED'}")
print(f"clicks answered {sent:>9}   stored {stored}   queue-full warnings {dropped}"
      f"   {'every click stored' if stored >= sent and dropped == '0' else 'CLICKS MISSING'}")
PY
  if [ "$backend" = postgres ]; then
    pin_postgres "0-$(( $(nproc) - 1 ))"
    psql -qtA "$PG_URL" -c "drop database if exists portavoz_bench_$$" >/dev/null
  fi
}

case "$WHICH" in
  sqlite|postgres) run_backend "$WHICH" ;;
  both) run_backend sqlite; run_backend postgres ;;
  *) echo "usage: $0 [sqlite|postgres|both]"; exit 2 ;;
esac
