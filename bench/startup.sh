#!/usr/bin/env bash
# Startup time to /health/ready and RSS after start (docs/benchmark.md, stack.md §10), prod profile against the
# local services and a small data set, for: JDK 17 fat jar, JDK 17 extracted, JDK 17 extracted + AppCDS,
# JDK 25 extracted, JDK 25 extracted + AOT cache (JEP 483/514). Results in bench/results/startup-<time>/.
#
#   bench/startup.sh [--runs 3] [--variants "17-fat 17-extracted 17-cds 25-extracted 25-aot"] [--database NAME]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

runs=3 variants="17-fat 17-extracted 17-cds 25-extracted 25-aot" database=echamado_bench_smoke
J17="${J17:-java}"
J25="${J25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
read -r -a opts <<< "${BENCH_SERVER_JAVA_OPTS:--Xmx512m -XX:+ExitOnOutOfMemoryError}"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --variants) variants="$2"; shift 2 ;;
    --database) database="$2"; shift 2 ;;
    *) log "unknown option $1"; exit 2 ;;
  esac
done
out="bench/results/startup-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
run_db="${database}_startup"
SERVER_PID=
cleanup() { stop_server; psql_q -c "drop database if exists $run_db with (force)" >/dev/null 2>&1 || true; }
trap cleanup EXIT

have=$(psql_q -d "$database" -c "select tickets from scale_dataset where finished_at is not null" 2>/dev/null || true)
[ -n "$have" ] || bench/seed.sh --database "$database" --tickets 5000
psql_q -c "drop database if exists $run_db with (force)" >/dev/null
psql_q -c "create database $run_db template $database" >/dev/null
jar=$(app_jar)
name=$(basename "$jar")
ensure_rabbit_user
make_signing_key "$out/signing-key.pem"

extracted() { # $1 = java binary, $2 = directory; a new jar replaces the extraction and its archives
  if [ ! -f "$2/$name" ] || [ "$jar" -nt "$2/$name" ]; then
    rm -rf "$2"
    "$1" -Djarmode=tools -jar "$jar" extract --destination "$2" >&2
  fi
}
train() { # $1 = java, then the training options; exits right after the context refresh
  local java="$1"
  shift
  log "training run: $java $*"
  ( export_server_env "$run_db" "$out/signing-key.pem"; PORT=$((BENCH_PORT + 1)) \
    exec "$java" "$@" -Dspring.context.exit=onRefresh -jar "$app/$name" ) >"$out/training.log" 2>&1 || true
}

printf '| variant | run | ready ms | CPU s at ready | RSS MB 5 s later | load average |\n|---|---|---|---|---|---|\n' \
  > "$out/startup.md"
for v in $variants; do
  case "$v" in
    17-fat) cmd=("$J17" "${opts[@]}" -jar "$jar") ;;
    17-extracted) app=bench/target/app17; extracted "$J17" "$app"; cmd=("$J17" "${opts[@]}" -jar "$app/$name") ;;
    17-cds)
      app=bench/target/app17; extracted "$J17" "$app"
      [ -f "$app/app.jsa" ] || train "$J17" -XX:ArchiveClassesAtExit="$app/app.jsa"
      cmd=("$J17" "${opts[@]}" -XX:SharedArchiveFile="$app/app.jsa" -jar "$app/$name") ;;
    25-extracted) app=bench/target/app25; extracted "$J25" "$app"; cmd=("$J25" "${opts[@]}" -jar "$app/$name") ;;
    25-aot)
      app=bench/target/app25; extracted "$J25" "$app"
      [ -f "$app/app.aot" ] || train "$J25" -XX:AOTCacheOutput="$app/app.aot"
      cmd=("$J25" "${opts[@]}" -XX:AOTCache="$app/app.aot" -jar "$app/$name") ;;
    *) log "unknown variant $v"; exit 2 ;;
  esac
  for r in $(seq 1 "$runs"); do
    export SERVER_LOG="$out/$v-$r.log"
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    t0=$(date +%s%3N)
    start_server "$run_db" "$out/signing-key.pem" "${cmd[@]}"
    ms=$(wait_ready "$t0" 600)
    cpu=$(cpu_seconds "$SERVER_PID")
    sleep 5
    rss=$(rss_mb "$SERVER_PID")
    stop_server
    printf '| %s | %d | %s | %s | %s | %s |\n' "$v" "$r" "$ms" "$cpu" "$rss" "$load" | tee -a "$out/startup.md"
    printf '{"variant":"%s","run":%d,"readyMs":%s,"cpuSeconds":%s,"rssMb":%s,"loadAverage":"%s"}\n' \
      "$v" "$r" "$ms" "$cpu" "$rss" "$load" >> "$out/startup.jsonl"
  done
done
rm -f "$out/signing-key.pem"
log "results in $out/startup.md"
