#!/usr/bin/env bash
# Server time of every web page at scale (docs/scale.md, "Pages"): copies the data set made by bench/seed.sh into a
# throw-away database (signing in writes), starts the service jar in the prod profile on it with a Tomcat access log
# that records each request's own time in microseconds, signs in administrators, agents and requesters of the data
# set through the login form, requests each page --runs times after --warmup rounds (PageBenchmark, src/tools/java),
# and prints p50/p95/p99/max per page. Results: bench/results/<time>-pages/pages.md and access.log.
#
#   bench/pages.sh [--database echamado_scale] [--runs 100] [--warmup 20] [--users 3] [--only <text>]
#                  [--dashboard-cache 0s] [--profile] [--keep-db]
#
# --only keeps the pages whose role/name contains the text (e.g. agent/, list-search); --dashboard-cache is the
# service's ECHAMADO_DASHBOARD_CACHE_TTL (default 0s: every dashboard is computed, the worst case; prod uses 30s).
# --profile records the service with Java Flight Recorder (hot methods of the request threads: hot-methods.txt) and
# samples pg_stat_activity every 5 ms (the SQL behind each page, in pages.md); it slows the service a little, so
# time without it.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
# a broker vhost of its own: messages left in bench/run.sh's vhost would otherwise be consumed (e-mails sent and
# recorded) while the pages are timed
BENCH_RABBIT_VHOST=echamado_pages

database=echamado_scale runs=100 warmup=20 users=3 only="" dashboard_cache=0s keep=false profile=false
server_opts="${BENCH_SERVER_JAVA_OPTS:--Xmx512m -XX:+ExitOnOutOfMemoryError}"
while [ $# -gt 0 ]; do
  case "$1" in
    --database) database="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --users) users="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --dashboard-cache) dashboard_cache="$2"; shift 2 ;;
    --profile) profile=true; shift ;;
    --keep-db) keep=true; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) log "unknown option $1"; exit 2 ;;
  esac
done

copy="${database}_pages"
out="$PWD/bench/results/$(date -u +%Y%m%dT%H%M%SZ)-pages"
mkdir -p "$out"
SERVER_LOG="$out/server.log"
SERVER_PID=

cleanup() {
  stop_server
  if ! $keep; then psql_q -c "drop database if exists $copy with (force)" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

if [ -z "$(psql_q -d "$database" -c "select tickets from scale_dataset where finished_at is not null" 2>/dev/null)" ]; then
  log "$database holds no complete data set; make one with bench/seed.sh"
  exit 1
fi

# 1. the service jar and the benchmark's classes, built before anything is timed
jar=$(app_jar)
log "compiling the tools (PageBenchmark) and resolving their class path"
tools=$(scripts/tools.sh --classpath)

# 2. a throw-away copy: the source must have no other connection while PostgreSQL copies it, so wait for one
if ! psql_q -d "$copy" -c "select 1" >/dev/null 2>&1; then
  log "copying $database to $copy"
  for attempt in $(seq 1 30); do
    if psql_q -c "create database $copy template $database" >/dev/null 2>"$out/createdb.err"; then break; fi
    if [ "$attempt" = 30 ]; then cat "$out/createdb.err" >&2; exit 1; fi
    log "$database is in use ($(tr -d '\n' <"$out/createdb.err")); retrying in 20 s"
    sleep 20
  done
else
  log "reusing $copy (kept by an earlier --keep-db run)"
fi

# 3. the service in the prod profile, with the access log PageBenchmark reads
ensure_rabbit_user
make_signing_key "$out/signing-key.pem"
export SERVER_TOMCAT_ACCESSLOG_ENABLED=true SERVER_TOMCAT_ACCESSLOG_DIRECTORY="$out" \
  SERVER_TOMCAT_ACCESSLOG_PREFIX=access SERVER_TOMCAT_ACCESSLOG_SUFFIX=.log SERVER_TOMCAT_ACCESSLOG_ROTATE=false \
  SERVER_TOMCAT_ACCESSLOG_BUFFERED=false SERVER_TOMCAT_ACCESSLOG_PATTERN='%{X-Bench-Page}i %s %{us}T' \
  ECHAMADO_DASHBOARD_CACHE_TTL="$dashboard_cache" ECHAMADO_LOGIN_LIMIT_PER_IP=100000 \
  ECHAMADO_LOGIN_LIMIT_PER_ACCOUNT=100000
sample_sql=0
if $profile; then
  server_opts="$server_opts -XX:StartFlightRecording=filename=$out/server.jfr,settings=profile,dumponexit=true"
  sample_sql=5
fi
log "starting $jar (prod profile, $server_opts, dashboard cache $dashboard_cache) on port $BENCH_PORT"
t0=$(date +%s%3N)
# shellcheck disable=SC2086
start_server "$copy" "$out/signing-key.pem" java $server_opts -jar "$jar"
log "ready after $(wait_ready "$t0" 300) ms"

# 4. the pages
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$tools" com.echamado.tools.pages.PageBenchmark \
  --base-url "http://127.0.0.1:$BENCH_PORT" --database "$copy" --access-log "$out/access.log" \
  --runs "$runs" --warmup "$warmup" --users "$users" --only "$only" --sample-sql "$sample_sql" --out "$out/pages.md"
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if $profile; then
  stop_server
  java -cp "$tools" com.echamado.tools.pages.HotMethods "$out/server.jfr" 60 >"$out/hot-methods.txt"
  log "hot methods of the request threads in $out/hot-methods.txt"
fi
log "results in $out/pages.md"
