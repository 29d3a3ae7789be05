#!/usr/bin/env bash
# The benchmark (docs/benchmark.md): prepares or reuses the data set (bench/seed.sh), copies it into a throw-away
# database, starts the service jar in the prod profile against the local PostgreSQL, Redis and RabbitMQ, waits for
# /health/ready, and drives the mixed workload over HTTP with real bearer tokens (closed loop at each --levels
# concurrency, open loop at --rate), with the HTTP ceiling (/health/live) and the database ceiling (pgbench on the
# same SQL) in the same run. Results: bench/results/<time>/report.{json,md} and latency-*.png.
#
#   bench/run.sh [--tickets N] [--duration S] [--warmup S] [--rate R] [--levels 1,16,64] [--database NAME]
#   bench/run.sh --smoke      # CI: 5,000 tickets, about a minute of load; fails only on errors or a collapse
#   bench/run.sh --profile    # also where the time goes: JFR of the service, samples of PostgreSQL's active queries
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

tickets=1000000 database="" duration=60 warmup=20 rate=300 levels=1,16,64 ceiling="" smoke=false keep=false profile=false
server_opts="${BENCH_SERVER_JAVA_OPTS:--Xmx512m -XX:+ExitOnOutOfMemoryError}"
while [ $# -gt 0 ]; do
  case "$1" in
    --tickets) tickets="$2"; shift 2 ;;
    --database) database="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --levels) levels="$2"; shift 2 ;;
    --ceiling-duration) ceiling="$2"; shift 2 ;;
    --keep-db) keep=true; shift ;;
    --smoke) smoke=true; shift ;;
    --profile) profile=true; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) log "unknown option $1"; exit 2 ;;
  esac
done
if $smoke; then
  tickets=5000 duration=8 warmup=5 rate=50 levels=1,16 ceiling=5
  database="${database:-echamado_bench_smoke}"
fi
if [ -z "$database" ]; then
  if [ "$tickets" = 1000000 ]; then database=echamado_scale; else database="echamado_scale_$tickets"; fi
fi
ceiling="${ceiling:-$(( duration / 2 > 5 ? duration / 2 : 5 ))}"
run_db="${database}_run"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="bench/results/$stamp$($smoke && echo -smoke || true)"
mkdir -p "$out"
SERVER_LOG="$out/server.log"
SERVER_PID=

SAMPLER_PID=
cleanup() {
  if [ -n "$SAMPLER_PID" ]; then kill "$SAMPLER_PID" 2>/dev/null || true; fi
  stop_server
  if ! $keep; then psql_q -c "drop database if exists $run_db with (force)" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# 1. the data set: reused when the marker says it is complete with these parameters, else bench/seed.sh makes it
have=$(psql_q -d "$database" -c "select tickets from scale_dataset where finished_at is not null" 2>/dev/null || true)
if [ "$have" = "$tickets" ]; then
  log "reusing $database ($tickets tickets)"
else
  log "preparing $database with bench/seed.sh ($tickets tickets)"
  bench/seed.sh --database "$database" --tickets "$tickets"
fi

# 2. a throw-away copy, so every run starts from the same data (the workload writes)
log "copying $database to $run_db"
psql_q -c "drop database if exists $run_db with (force)" >/dev/null
psql_q -c "create database $run_db template $database" >/dev/null
psql_q -d "$run_db" -f bench/pgbench/helpers.sql >/dev/null
psql_q -d "$run_db" -c "analyze" >/dev/null

# 3. the service jar and the load generator
jar=$(app_jar)
log "compiling the load generator (src/tools/java, scripts/tools.sh)"
tools=$(scripts/tools.sh --classpath)
ensure_rabbit_user
make_signing_key "$out/signing-key.pem"

# 4. the service in the prod profile
log "starting $jar (prod profile, $server_opts) on port $BENCH_PORT"
t0=$(date +%s%3N)
# shellcheck disable=SC2086
start_server "$run_db" "$out/signing-key.pem" java $server_opts -jar "$jar"
ready_ms=$(wait_ready "$t0" 600)
sleep 2
rss_start=$(rss_mb "$SERVER_PID")
log "ready in $ready_ms ms, RSS $rss_start MB (load average $(cut -d' ' -f1-3 /proc/loadavg))"

# 5. the load (with --profile: a JFR recording of the service from now on, with the 'profile' settings, and
# PostgreSQL's active statements of this database sampled every 200 ms)
if $profile; then
  jcmd "$SERVER_PID" JFR.start name=bench settings=profile >/dev/null
  sample_db_activity "$run_db" "$out/db-activity.txt" &
  SAMPLER_PID=$!
fi
smoke_flag=()
$smoke && smoke_flag=(--smoke)
set +e
java -Djava.awt.headless=true -cp "$tools" com.echamado.tools.bench.Bench \
  --base-url "http://127.0.0.1:$BENCH_PORT" --issuer "http://127.0.0.1:$BENCH_PORT" --key "$out/signing-key.pem" \
  --database "$run_db" --server-pid "$SERVER_PID" --out "$out" --duration "$duration" --warmup "$warmup" \
  --ceiling-duration "$ceiling" --rate "$rate" --levels "$levels" --startup-ms "$ready_ms" \
  --rss-after-start "$rss_start" --commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  --server "$(java -version 2>&1 | head -n 1), $server_opts" "${smoke_flag[@]}"
status=$?
set -e
rm -f "$out/signing-key.pem"
if $profile; then
  kill "$SAMPLER_PID" 2>/dev/null || true
  SAMPLER_PID=
  jcmd "$SERVER_PID" JFR.dump name=bench filename="$PWD/$out/server.jfr" >/dev/null || true
  stop_server
  summarize_profile "$out"
fi
log "results in $out (exit $status)"
exit $status
