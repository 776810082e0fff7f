#!/usr/bin/env bash
# Platform benchmark (issue 2). Rerun with:  bench/run.sh
#  1. start to ready on an EMPTY data folder (initdb + migrations + demo data load)   target <= 20 s
#  2. start to ready on the EXISTING data folder                                      target <= 10 s
#  3. heap after demo load (after a full GC, and the app runs with -Xmx512m)          target <= 512 MB
#  4. person page under 20 concurrent users vs /static-page.html in the same run      target p95 <= 150 ms
# "Ready" = /actuator/health/readiness answers UP (Spring publishes it after the demo loader has run).
# Environment: BENCH_PORT (18080), BENCH_DB_PORT (54339), BENCH_USERS (20), BENCH_ROUNDS (6), WERKREGIE_DEMO_SCALE (0.02),
#              BENCH_SKIP_BUILD=1 to reuse target/werkregie-*.jar.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18080}
DB_PORT=${BENCH_DB_PORT:-54339}
USERS=${BENCH_USERS:-20}
ROUNDS=${BENCH_ROUNDS:-6}
SCALE=${WERKREGIE_DEMO_SCALE:-0.02}
DATA=target/bench-data
LOG=target/bench-app.log
BASE="http://localhost:$PORT"

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -DskipTests package
fi
JAR=$(ls target/werkregie-*.jar | grep -v original | head -1)
# Production layout: the extracted jar plus a class-data-sharing archive made by a training run (Spring Boot's
# documented way to cut start-up time). The plain `java -jar` start is measured too, for comparison.
rm -rf target/bench-extracted target/bench-train
java -Djarmode=tools -jar "$JAR" extract --destination target/bench-extracted > /dev/null
XJAR=target/bench-extracted/$(basename "$JAR")
java -XX:ArchiveClassesAtExit=target/bench-extracted/app.jsa -Dspring.context.exit=onRefresh -jar "$XJAR" \
     --werkregie.embedded-db.dir=target/bench-train --werkregie.embedded-db.port="$DB_PORT" --server.port="$PORT" \
     > target/bench-train.log 2>&1 || { echo "CDS training run failed; see target/bench-train.log" >&2; exit 1; }
# the training run abandons its context on refresh, so its embedded server is stopped here
as_pg_user=(); [ "$(id -u)" = 0 ] && as_pg_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
"${as_pg_user[@]}" target/bench-train/pg-binaries/bin/pg_ctl -D "$PWD/target/bench-train/pg-data" -m fast -w stop > /dev/null || true
CDS=(-XX:SharedArchiveFile=target/bench-extracted/app.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$XJAR")
PLAIN=(-jar "$JAR")

now_ms() { date +%s%3N; }
PID=""
start_app() {
  : > "$LOG"
  java -Xmx512m "$@" --server.port="$PORT" --werkregie.embedded-db.dir="$DATA" \
       --werkregie.embedded-db.port="$DB_PORT" --werkregie.demo.scale="$SCALE" --logging.structured.format.console= \
       >> "$LOG" 2>&1 &
  PID=$!
}
wait_ready() {
  for _ in $(seq 1 1200); do
    if curl -fs "$BASE/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then return 0; fi
    if ! kill -0 "$PID" 2>/dev/null; then echo "app exited; see $LOG" >&2; tail -30 "$LOG" >&2; exit 1; fi
    sleep 0.1
  done
  echo "not ready after 120 s" >&2; exit 1
}
stop_app() {
  kill "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
}
trap stop_app EXIT

timed_start() { # sets SECONDS_TO_READY
  local t0 t1
  t0=$(now_ms); start_app "$@"; wait_ready; t1=$(now_ms)
  SECONDS_TO_READY=$(awk "BEGIN{printf \"%.1f\", ($t1-$t0)/1000}")
}
rm -rf "$DATA"; timed_start "${PLAIN[@]}"; EMPTY_PLAIN=$SECONDS_TO_READY; stop_app
rm -rf "$DATA"; timed_start "${CDS[@]}"; EMPTY_CDS=$SECONDS_TO_READY
PEOPLE=$(grep -o 'Demo data loaded[^"]*' "$LOG" | head -1 || true)
stop_app
timed_start "${PLAIN[@]}"; EXISTING_PLAIN=$SECONDS_TO_READY; stop_app
timed_start "${CDS[@]}"; EXISTING_CDS=$SECONDS_TO_READY

heap_mb() { # used heap right after a full GC, in MB
  jcmd "$PID" GC.run > /dev/null
  jcmd "$PID" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | awk '{printf "%.0f", $2/1024}'
}
HEAP_AFTER_GC=$(heap_mb)

LOAD_STATUS=0; LOAD=$(java bench/LoadTest.java "$BASE" "$USERS" "$ROUNDS" 25) || LOAD_STATUS=$?   # report everything, then fail
HEAP_AFTER_LOAD=$(heap_mb)
stop_app
trap - EXIT

echo "## Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(java -version 2>&1 | head -1), demo scale $SCALE"
echo "${PEOPLE:+$PEOPLE}"
echo
echo "| measure | result | target |"
echo "|---|---|---|"
echo "| start to ready, empty data folder (extracted jar + CDS) | ${EMPTY_CDS} s | <= 20 s |"
echo "| start to ready, existing data folder (extracted jar + CDS) | ${EXISTING_CDS} s | <= 10 s |"
echo "| start to ready, empty data folder (plain java -jar) | ${EMPTY_PLAIN} s | (reference) |"
echo "| start to ready, existing data folder (plain java -jar) | ${EXISTING_PLAIN} s | (reference) |"
echo "| heap used after demo load (after full GC; -Xmx512m) | ${HEAP_AFTER_GC} MB | <= 512 MB |"
echo "| heap used after the load test (after full GC) | ${HEAP_AFTER_LOAD} MB | <= 512 MB |"
echo
echo "$LOAD"
exit "$LOAD_STATUS"
