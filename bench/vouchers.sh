#!/usr/bin/env bash
# Career-voucher benchmarks (issue 3). Rerun with:  bench/vouchers.sh
#  1. search robot over the SCALE-1 data set (277 centres, ~3,776 sites, ~2,400 coaches, ~219,000 vouchers):
#     a. 50 concurrent users who read their results (0.5-1.5 s between requests), search vs /static-page.html:  p99 <= 50 ms
#     b. 50 connections without pause (saturation, wrk): search throughput >= 50 % of the static page's
#  2. session registrations through the partner API (one half hour each, HTTP Basic, Idempotency-Key), single requests
#     and batches of 50 (POST /api/centre/sessions), vs pgbench simple-update (-N) on the same PostgreSQL server in the
#     same run, 16 clients each (wrk, a C load generator like pgbench):  >= 50 %
#  3. kill -9 of the application in the middle of a burst of registrations, restart, the client retries everything:
#     zero lost and zero duplicated registrations
# The scale-1 data folder (target/bench-scale1) is generated on the first run (a few minutes) and reused after.
# Environment: BENCH_PORT (18081), BENCH_DB_PORT (54340), BENCH_CLIENTS (16), BENCH_VOUCHERS (600 per burst),
#              BENCH_SKIP_BUILD=1 to reuse target/werkregie-*.jar.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18081}
DB_PORT=${BENCH_DB_PORT:-54340}
CLIENTS=${BENCH_CLIENTS:-16}
VOUCHERS=${BENCH_VOUCHERS:-600}
DATA=target/bench-scale1
LOG=target/bench-vouchers-app.log
BASE="http://localhost:$PORT"
WORK=target/bench-vouchers
mkdir -p "$WORK"

command -v pgbench > /dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client postgresql > /dev/null; }
command -v wrk > /dev/null || { apt-get update -qq && apt-get install -y -qq wrk > /dev/null; }
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | head -1)
PSQL=(psql -X -q -t -A -h 127.0.0.1 -p "$DB_PORT" -U postgres -d werkregie)

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -DskipTests package
fi
JAR=$(ls target/werkregie-*.jar | grep -v original | head -1)

PID=""
start_app() {
  java -Xmx1g -jar "$JAR" --server.port="$PORT" --werkregie.embedded-db.dir="$DATA" --werkregie.embedded-db.port="$DB_PORT" \
       --werkregie.demo.scale=1 --logging.structured.format.console= >> "$LOG" 2>&1 &
  PID=$!
}
wait_ready() {
  for _ in $(seq 1 9000); do
    if curl -fs "$BASE/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then return 0; fi
    if ! kill -0 "$PID" 2>/dev/null; then echo "app exited; see $LOG" >&2; tail -30 "$LOG" >&2; exit 1; fi
    sleep 0.1
  done
  echo "not ready after 15 min" >&2; exit 1
}
stop_app() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
trap stop_app EXIT

: > "$LOG"
t0=$(date +%s); start_app; wait_ready; t1=$(date +%s)
COUNTS=$("${PSQL[@]}" -F ' ' -c "select (select count(*) from vc_centre), (select count(*) from vc_centre where not passive),
  (select count(*) from vc_site), (select count(*) from vc_coach), (select count(*) from vc_voucher),
  (select count(distinct person_id) from vc_voucher), (select count(*) from vc_session)")
read -r CENTRES ACTIVE SITES COACHES VOUCHERS_TOTAL USERS SESSIONS <<< "$COUNTS"

# ---- 1. search robot ----
SEARCH=$(java -DthinkMs=500 -DwarmupRounds=1 bench/SearchLoadTest.java "$BASE" 50 2 30)
wrk -t2 -c50 -d8s -s bench/search.lua "$BASE" > /dev/null; wrk -t2 -c50 -d8s "$BASE/static-page.html" > /dev/null   # warm-up
WRK_STATIC=$(wrk -t2 -c50 -d15s --latency "$BASE/static-page.html")
WRK_SEARCH=$(wrk -t2 -c50 -d15s --latency -s bench/search.lua "$BASE")
rps() { grep -o 'Requests/sec: *[0-9.]*' <<< "$1" | awk '{printf "%.0f", $2}'; }
p99() { grep -E '^ +99%' <<< "$1" | awk '{print $2}'; }
SAT_STATIC=$(rps "$WRK_STATIC"); SAT_SEARCH=$(rps "$WRK_SEARCH")
SAT_RATIO=$(awk "BEGIN{printf \"%.2f\", $SAT_SEARCH/$SAT_STATIC}")

# ---- 2. registrations vs pgbench ----
RUN=$(date +%s)
CENTRE=$("${PSQL[@]}" -c "select organisation_id from app_user where username = 'coach'")
plan() { # $1 = name, $2 = number of vouchers in guidance at the coach's centre (8 half hours each: 8 registrations)
  "${PSQL[@]}" -c "insert into vc_voucher (id, code, person_id, package_start, number_in_package, requested_on, valid_until, hours,
      rules_version, contribution, contribution_paid_at, status, centre_id, taken_over_on, agreement_present)
    select gen_random_uuid(), 'BENCH-$RUN-$1-' || n, p.id, current_date - 7, 1, current_date - 7, current_date + 77, 4,
      '2020-01-01', 40.00, now(), 'IN_GUIDANCE', '$CENTRE', current_date - 5, true
    from generate_series(1, $2) n
    join lateral (select id from person offset n limit 1) p on true" > /dev/null
  "${PSQL[@]}" -c "select v.id || ';bench-$RUN-$1-' || v.code || '-' || s from vc_voucher v, generate_series(1, 8) s
    where v.code like 'BENCH-$RUN-$1-%' order by s, v.code" > "$WORK/plan-$1.txt"
}
AUTH=$(printf 'coach:werkregie' | base64)
rows() { "${PSQL[@]}" -c "select count(*) from vc_session where idempotency_key like '%:bench-$RUN-$1-%'"; }
registrations() { # $1 = plan, $2 = wrk script, $3 = seconds: prints rows created per second
  local before after t0 t1
  before=$(rows "$1"); t0=$(date +%s.%N)
  PLAN="$WORK/plan-$1.txt" THREADS=2 AUTH="$AUTH" BATCH=50 wrk -t2 -c"$CLIENTS" -d"$3"s -s "$2" "$BASE" > "$WORK/wrk-$1.txt"
  t1=$(date +%s.%N); after=$(rows "$1")
  awk "BEGIN{printf \"%.0f\", ($after-$before)/($t1-$t0)}"
}
plan W 1000; registrations W bench/register.lua 5 > /dev/null            # warm-up (not counted)
plan S 3000; REG_RPS=$(registrations S bench/register.lua 15)
plan B2 3000; registrations B2 bench/register-batch.lua 5 > /dev/null     # warm-up
plan BA 4000; BATCH_RPS=$(registrations BA bench/register-batch.lua 10)
"${PSQL[@]}" -c "drop database if exists pgbench" -c "create database pgbench" > /dev/null 2>&1
"$PGBENCH" -q -i -s 10 -h 127.0.0.1 -p "$DB_PORT" -U postgres pgbench > /dev/null 2>&1
PGB=$("$PGBENCH" -N -c "$CLIENTS" -j 2 -T 20 -h 127.0.0.1 -p "$DB_PORT" -U postgres pgbench 2>/dev/null | grep -E "^tps" | head -1)
"${PSQL[@]}" -c "drop database pgbench" > /dev/null
PG_TPS=$(grep -o 'tps = [0-9.]*' <<< "$PGB" | awk '{printf "%.0f", $3}')
DUP_SINGLE=$("${PSQL[@]}" -c "select count(*) - count(distinct idempotency_key) from vc_session where idempotency_key like '%:bench-$RUN-%'")
OVER=$("${PSQL[@]}" -c "select count(*) from vc_voucher v where v.code like 'BENCH-$RUN-%' and v.used_half_hours <> (select coalesce(sum(half_hours), 0) from vc_session s where s.voucher_id = v.id)")

# ---- 3. kill -9 in the middle of a burst, restart, retry ----
plan B "$VOUCHERS"
: > "$WORK/acked-B.txt"
java bench/RegistrationBench.java burst "$BASE" coach werkregie "$WORK/plan-B.txt" "$CLIENTS" "$WORK/acked-B.txt" > "$WORK/burst-B.txt" &
BURST=$!
sleep 3
kill -9 "$PID"; wait "$PID" 2>/dev/null || true
KILLED_AT=$(wc -l < "$WORK/acked-B.txt")
wait "$BURST" || true
start_app; wait_ready
RETRY=$(java bench/RegistrationBench.java retry "$BASE" coach werkregie "$WORK/plan-B.txt" "$CLIENTS" "$WORK/acked-B.txt") || {
  echo "$RETRY"; exit 1; }
B_PLANNED=$(wc -l < "$WORK/plan-B.txt")
B_ROWS=$("${PSQL[@]}" -c "select count(*) from vc_session where idempotency_key like '%:bench-$RUN-B-%'")
B_DISTINCT=$("${PSQL[@]}" -c "select count(distinct idempotency_key) from vc_session where idempotency_key like '%:bench-$RUN-B-%'")
B_OVER=$("${PSQL[@]}" -c "select count(*) from (select v.id from vc_voucher v join vc_session s on s.voucher_id = v.id
  where v.code like 'BENCH-$RUN-B-%' group by v.id, v.hours having sum(s.half_hours) <> v.hours * 2) x")
# clean up the benchmark's own rows (sessions, audit entries stay: the audit trail is append-only by design)
"${PSQL[@]}" -c "delete from vc_session where idempotency_key like '%:bench-$RUN-%'" \
             -c "delete from vc_voucher where code like 'BENCH-$RUN-%'" > /dev/null
stop_app
trap - EXIT

RATIO=$(awk "BEGIN{printf \"%.2f\", $REG_RPS/$PG_TPS}")
BATCH_RATIO=$(awk "BEGIN{printf \"%.2f\", $BATCH_RPS/$PG_TPS}")
echo "## Vouchers run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
echo "Data set (scale 1): $CENTRES centres ($ACTIVE active), $SITES sites, $COACHES coaches, $VOUCHERS_TOTAL vouchers of $USERS users, $SESSIONS sessions; start to ready $((t1 - t0)) s."
echo
echo "### Search robot: 50 users reading their results (0.5-1.5 s between requests)"
echo "$SEARCH"
echo
echo "### Search robot: 50 connections without pause (saturation; wrk)"
echo "| request | throughput req/s | p99 |"
echo "|---|---|---|"
echo "| /static-page.html (baseline) | $SAT_STATIC | $(p99 "$WRK_STATIC") |"
echo "| /api/career-centres (search robot) | $SAT_SEARCH | $(p99 "$WRK_SEARCH") |"
echo "| ratio (target >= 0.50) | $SAT_RATIO | |"
echo
echo "### Session registrations vs pgbench (-N, simple update), $CLIENTS clients each"
echo "| measure | result |"
echo "|---|---|"
echo "| pgbench simple-update, same server | $PG_TPS tps |"
echo "| registrations, one per request (rows created per second) | $REG_RPS per s (ratio $RATIO) |"
echo "| registrations, batches of 50 per request (rows created per second) | $BATCH_RPS per s (ratio $BATCH_RATIO; target >= 0.50) |"
echo "| duplicated keys / vouchers whose counter differs from their sessions | $DUP_SINGLE / $OVER |"
echo
echo "### kill -9 in the middle of a burst"
echo "| measure | result |"
echo "|---|---|"
echo "| planned registrations | $B_PLANNED |"
echo "| acknowledged before the kill | $KILLED_AT |"
echo "| rows after restart and retry | $B_ROWS ($B_DISTINCT distinct keys) |"
echo "| vouchers with other than exactly 8 half hours | $B_OVER |"
echo "| $(grep RETRY <<< "$RETRY") | |"
LOST=$((B_PLANNED - B_DISTINCT)); DUP=$((B_ROWS - B_DISTINCT))
echo "RESULT lost=$LOST duplicated=$DUP $([ "$LOST" = 0 ] && [ "$DUP" = 0 ] && [ "$B_OVER" = 0 ] && echo PASS || echo FAIL)"
