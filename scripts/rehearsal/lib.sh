#!/usr/bin/env bash
# Functions of scripts/rehearsal.sh: private services, instances, nginx, load, reconciliation and the scenarios.
# shellcheck disable=SC2154  # root, bounded, keep come from scripts/rehearsal.sh
set -euo pipefail

jar="${ECHAMADO_JAR:-}"
run=""          # data directory of this run (private services), removed at the end unless --keep
out=""          # results, ledgers and logs, kept
declare -A app_port=()
classpath=""
db_password="db-$(openssl rand -hex 12)"
redis_password="redis-$(openssl rand -hex 12)"
mq_password="mq-$(openssl rand -hex 12)"
admin_password="Adm-$(openssl rand -hex 12)!"
load_pid=""
load_seq=0

log() { printf '[rehearsal %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# A free loopback port, never one of the shared services', never one this run already took (kept in a file: the
# function runs in a command substitution, whose variables are lost), and below the kernel's ephemeral range
# (32768-60999), from which outgoing connections take ports at any time (nginx once failed to bind a port chosen there).
taken=" 5432 6379 5672 15672 25672 4369 80 443 8080 "
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 12000))
    [[ "$taken" == *" $port "* ]] && continue
    grep -qx "$port" "$run/ports" 2> /dev/null && continue
    if [ -z "$(ss -Htln "sport = :$port")" ]; then
      echo "$port" >> "$run/ports"
      echo "$port"
      return
    fi
  done
}

prepare() {
  if [ -z "$jar" ]; then
    jar="$(built_jar)"
  fi
  if [ -z "$jar" ]; then
    log "no jar in target/: building it"
    (cd "$root" && ./mvnw -q -B package -DskipTests -Dspotless.check.skip=true)
    jar="$(built_jar)"
  fi
  run="$(mktemp -d /tmp/echamado-rehearsal.XXXXXX)"
  chmod 755 "$run"
  out="$root/target/rehearsal/$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$out" "$run/secrets"
  : > "$out/results.tsv"
  pg_port="$(free_port)"
  redis_port="$(free_port)"
  mq_port="$(free_port)"
  mq_dist_port="$(free_port)"
  epmd_port="$(free_port)"
  nginx_port="$(free_port)"
  nginx_http_port="$(free_port)"
  for i in 1 2 3 4; do app_port[$i]="$(free_port)"; done
  issuer="https://127.0.0.1:$nginx_port"
  mq_node="rehearsal-$$@localhost"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$run/signing-key.pem" 2> /dev/null
  log "run directory $run, results in $out"
  log "ports: postgres $pg_port, redis $redis_port, rabbitmq $mq_port, nginx $nginx_port, apps ${app_port[*]}"
}

built_jar() {
  local candidate
  for candidate in "$root"/target/echamado-*.jar; do
    if [ -f "$candidate" ]; then echo "$candidate"; return; fi
  done
}

cleanup() {
  local status=$?
  set +e
  log "cleaning up"
  [ -n "$load_pid" ] && kill "$load_pid" 2> /dev/null
  for i in 1 2 3 4; do
    if [ -f "$run/app$i.pid" ]; then kill -9 "$(cat "$run/app$i.pid")" 2> /dev/null; fi
  done
  if [ -f "$run/nginx/nginx.pid" ]; then kill "$(cat "$run/nginx/nginx.pid")" 2> /dev/null; fi
  if [ -f "$run/redis/redis.pid" ]; then kill "$(cat "$run/redis/redis.pid")" 2> /dev/null; fi
  if [ -d "$run/rabbitmq" ]; then
    rabbitmqctl_ stop > /dev/null 2>&1
    if [ -f "$run/rabbitmq/pid" ]; then kill -9 "$(cat "$run/rabbitmq/pid")" 2> /dev/null; fi
    local epmd
    epmd="$(ss -Htlnp "sport = :$epmd_port" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2)"
    [ -n "$epmd" ] && kill "$epmd" 2> /dev/null
  fi
  if [ -f "$run/pg/data/postmaster.pid" ]; then
    runuser -u postgres -- pg_ctl -D "$run/pg/data" -m immediate stop > /dev/null 2>&1
  fi
  if [ -n "$run" ] && [ -d "$run" ]; then
    cp "$run"/*.log "$run"/pg/*.log "$out/" 2> /dev/null
    if [ "$keep" = true ]; then log "kept $run"; else rm -rf "$run"; fi
  fi
  exit "$status"
}

# ---------------------------------------------------------------- private services

start_postgres() {
  mkdir -p "$run/pg"
  chown postgres: "$run/pg"
  runuser -u postgres -- initdb -D "$run/pg/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 > "$run/postgres-initdb.log"
  runuser -u postgres -- pg_ctl -D "$run/pg/data" -l "$run/pg/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -c unix_socket_directories=$run/pg" start > /dev/null
  psql_ postgres -c "CREATE ROLE echamado LOGIN PASSWORD '$db_password'" \
    -c "CREATE DATABASE echamado OWNER echamado" > /dev/null
  jdbc="jdbc:postgresql://127.0.0.1:$pg_port/echamado?user=echamado&password=$db_password"
  log "PostgreSQL up"
}

psql_() {
  local database="$1"
  shift
  runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -h "$run/pg" -p "$pg_port" -d "$database" "$@"
}

start_redis() {
  mkdir -p "$run/redis"
  redis-server --bind 127.0.0.1 --port "$redis_port" --daemonize yes --dir "$run/redis" \
    --pidfile "$run/redis/redis.pid" --logfile "$run/redis.log" --appendonly yes --save "" \
    --requirepass "$redis_password"
  wait_for 20 "Redis" redis_ping
  log "Redis up"
}

redis_ping() { REDISCLI_AUTH="$redis_password" redis-cli -h 127.0.0.1 -p "$redis_port" ping 2> /dev/null | grep -q PONG; }

rabbit_env() {
  export HOME="$run/rabbitmq" RABBITMQ_NODENAME="$mq_node" RABBITMQ_CONFIG_FILE="$run/rabbitmq/rabbitmq.conf" \
    RABBITMQ_MNESIA_BASE="$run/rabbitmq/mnesia" RABBITMQ_LOG_BASE="$run/rabbitmq/log" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$run/rabbitmq/enabled_plugins" RABBITMQ_PID_FILE="$run/rabbitmq/pid" \
    RABBITMQ_DIST_PORT="$mq_dist_port" ERL_EPMD_PORT="$epmd_port" ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}

rabbitmqctl_() { (rabbit_env && /usr/lib/rabbitmq/bin/rabbitmqctl -n "$mq_node" "$@"); }

start_rabbitmq() {
  mkdir -p "$run/rabbitmq/mnesia" "$run/rabbitmq/log"
  printf 'listeners.tcp.default = 127.0.0.1:%s\ndefault_user = echamado\ndefault_pass = %s\nloopback_users = none\n' \
    "$mq_port" "$mq_password" > "$run/rabbitmq/rabbitmq.conf"
  echo '[].' > "$run/rabbitmq/enabled_plugins"
  (rabbit_env && cd "$run/rabbitmq" && nohup /usr/lib/rabbitmq/bin/rabbitmq-server > "$run/rabbitmq.log" 2>&1 &)
  wait_for 90 "RabbitMQ" rabbitmqctl_ await_startup
  log "RabbitMQ up"
}

# ---------------------------------------------------------------- nginx

# The production configuration with: listeners on loopback ports (IPv6 ones dropped), a self-signed certificate,
# pid, logs and temp paths in the run directory, the upstream as an include (drain = mark a server down and reload),
# max_fails=1 fail_timeout=2s per server, and the per-client rate limit raised because all the load comes from one
# address.
write_nginx_conf() {
  mkdir -p "$run/nginx"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
    -keyout "$run/nginx/echamado.key" -out "$run/nginx/echamado.crt" 2> /dev/null
  sed -e "s#^pid /tmp/nginx.pid;#pid $run/nginx/nginx.pid;#" \
    -e "s#error_log /dev/stderr warn;#error_log $run/nginx.log warn;#" \
    -e "s#access_log /dev/stdout main;#access_log $out/nginx-access.log main;#" \
    -e "s#/tmp/nginx-#$run/nginx/tmp-#" \
    -e "s#rate=10r/s#rate=1000r/s#" \
    -e "s#burst=20 nodelay#burst=2000 nodelay#" \
    -e "s#^\( *\)server echamado-server:8080.*#\1include $run/nginx/upstream.conf;#" \
    -e "s#listen 80;#listen 127.0.0.1:$nginx_http_port;#" \
    -e "s#listen 443 ssl http2;#listen 127.0.0.1:$nginx_port ssl http2;#" \
    -e "/listen \[::\]/d" \
    -e "s#/etc/nginx/ssl/#$run/nginx/#" \
    "$root/deploy/nginx/nginx.conf" > "$run/nginx/nginx.conf"
  grep -q "include $run/nginx/upstream.conf" "$run/nginx/nginx.conf" || die "nginx.conf: upstream not found"
  upstream 1 2 3
}

# upstream MEMBER... ; a member prefixed with - is marked down (drained).
upstream() {
  local member
  : > "$run/nginx/upstream.conf"
  for member in "$@"; do
    if [[ "$member" == -* ]]; then
      echo "server 127.0.0.1:${app_port[${member#-}]} max_fails=1 fail_timeout=2s down;" >> "$run/nginx/upstream.conf"
    else
      echo "server 127.0.0.1:${app_port[$member]} max_fails=1 fail_timeout=2s;" >> "$run/nginx/upstream.conf"
    fi
  done
}

nginx_() { nginx -p "$run/nginx" -c "$run/nginx/nginx.conf" "$@"; }

start_nginx() {
  nginx_ -t -q
  nginx_
  log "nginx up on https://127.0.0.1:$nginx_port"
}

# Sets the upstream and reloads; the old workers finish their requests.
route() {
  upstream "$@"
  nginx_ -s reload
  sleep 1
}

# ---------------------------------------------------------------- instances

# start_app N [VAR=value...]
start_app() {
  local i="$1"
  shift
  mkdir -p "$run/app$i/tmp"
  env SPRING_PROFILES_ACTIVE=prod PORT="${app_port[$i]}" \
    DATABASE_CONNECTION="postgres://echamado:$db_password@127.0.0.1:$pg_port/echamado" \
    REDIS_CONNECTION="127.0.0.1:$redis_port,password=$redis_password" \
    RABBITMQ_CONNECTION="amqp://echamado:$mq_password@127.0.0.1:$mq_port" \
    ECHAMADO_ISSUER="$issuer" JWT_SIGNING_KEY="$(cat "$run/signing-key.pem")" \
    ECHAMADO_ADMIN_EMAIL=rehearsal-admin@example.test ECHAMADO_ADMIN_PASSWORD="$admin_password" \
    ECHAMADO_SECRETS_DIR="$run/secrets/" SERVER_TOMCAT_BASEDIR="$run/app$i/tomcat" \
    ECHAMADO_API_LIMIT_PER_USER=1000000 ECHAMADO_API_LIMIT_PER_IP=1000000 \
    ECHAMADO_EVENTS_RESUBMIT_AFTER="${RESUBMIT_AFTER:-10s}" ECHAMADO_EVENTS_RESUBMIT_INTERVAL="${RESUBMIT_INTERVAL:-5s}" \
    "$@" \
    java -Xmx384m -XX:ActiveProcessorCount=1 -Djava.io.tmpdir="$run/app$i/tmp" -jar "$jar" \
    >> "$run/app$i.log" 2>&1 &
  echo $! > "$run/app$i.pid"
}

app_pid() { cat "$run/app$1.pid"; }
app_alive() { kill -0 "$(app_pid "$1")" 2> /dev/null; }
ready() {
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:${app_port[$1]}/health/ready" || true)"
  [ "$code" = 200 ]
}

wait_ready() {
  local i="$1" limit="${2:-${READY_TIMEOUT:-300}}" waited=0
  until ready "$i"; do
    app_alive "$i" || die "instance $i exited during start-up (see app$i.log)"
    [ "$waited" -ge "$limit" ] && die "instance $i not ready after ${limit}s"
    sleep 1
    waited=$((waited + 1))
  done
  log "instance $i ready after ${waited}s"
}

# stop_app N SIGNAL: sends the signal and waits for the exit; returns 1 if it had to be killed after 40 s.
stop_app() {
  local i="$1" signal="$2" pid waited=0
  pid="$(app_pid "$i")"
  kill "-$signal" "$pid" 2> /dev/null || true
  while kill -0 "$pid" 2> /dev/null; do
    if [ "$waited" -ge 40 ]; then
      log "instance $i still running 40 s after SIG$signal: SIGKILL"
      kill -9 "$pid" 2> /dev/null || true
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  log "instance $i exited ${waited}s after SIG$signal"
}

wait_for() {
  local limit="$1" what="$2" waited=0
  shift 2
  until "$@" > /dev/null 2>&1; do
    [ "$waited" -ge "$limit" ] && die "$what did not come up in ${limit}s"
    sleep 1
    waited=$((waited + 1))
  done
}

# ---------------------------------------------------------------- load, ledger, reconciler

# The load client, the reconciler and the token minter: src/tools/java, compiled by the one build.
compile_harness() {
  log "compiling the load client and the reconciler (scripts/tools.sh)"
  classpath="$("$root/scripts/tools.sh" --classpath)"
}

mint_token() {
  local admin
  admin="$(psql_ echamado -Atc "SELECT id FROM app_user WHERE email_normalized = 'rehearsal-admin@example.test'")"
  [ -n "$admin" ] || die "the first administrator was not created"
  java -cp "$classpath" com.echamado.tools.AccessTokens "$run/signing-key.pem" "$admin" "$issuer" ADMIN 7200 \
    > "$run/token"
  local status
  status="$(curl -sk -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(cat "$run/token")" \
    "https://127.0.0.1:$nginx_port/api/v1/tickets?size=1")"
  [ "$status" = 200 ] || die "the minted token is refused through nginx (HTTP $status)"
}

# start_load NAME [key=value...]: the load client in the background; its ledger is $out/NAME.ledger.
start_load() {
  local name="$1"
  shift
  load_seq=$((load_seq + 1))
  load_tag="rh$$x${load_seq}"
  rm -f "$run/stop"
  java -Djdk.httpclient.allowRestrictedHeaders=connection -cp "$classpath" com.echamado.tools.rehearsal.LoadClient \
    base="https://127.0.0.1:$nginx_port" token="$run/token" ledger="$out/$name.ledger" tag="$load_tag" \
    stop="$run/stop" seconds=600 threads="${LOAD_THREADS:-6}" pause="${LOAD_PAUSE:-150}" "$@" \
    >> "$run/load.log" 2>&1 &
  load_pid=$!
}

stop_load() {
  touch "$run/stop"
  wait "$load_pid" || log "load client exited with $?"
  load_pid=""
}

# reconcile SCENARIO CONTROL NAME [key=value...]: appends a row to results.tsv.
reconcile() {
  local scenario="$1" control="$2" name="$3"
  shift 3
  java -cp "$classpath" com.echamado.tools.rehearsal.Reconciler url="$jdbc" ledger="$out/$name.ledger" tag="$load_tag" \
    scenario="$scenario" control="$control" results="$out/results.tsv" "$@" >&2 || true
}

# A row for checks without a ledger: row SCENARIO CONTROL VERDICT DETAIL
row() {
  printf '%s\t%s\t-\t-\t-\t-\t-\t-\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$out/results.tsv"
  log "$1 $2: $3 $4"
}

# Polls /health/ready of instances while a command runs; prints how many polls were not 200.
unready_polls() {
  local count=0 i
  while [ ! -f "$run/stop-probe" ]; do
    for i in "$@"; do ready "$i" || count=$((count + 1)); done
    sleep 1
  done
  echo "$count"
}

print_results() {
  local unexpected=0 line scenario control verdict expected
  {
    printf 'scenario\tcontrol\trequests\tfailed\tlost\tduplicated\tunacked\tp95_ms\tverdict\texpected\n'
    while IFS=$'\t' read -r scenario control requests failed lost duplicated unacked p95 verdict detail; do
      if [ "$control" = protected ]; then expected=PASS; else expected=FAIL; fi
      line="$scenario\t$control\t$requests\t$failed\t$lost\t$duplicated\t$unacked\t$p95\t$verdict"
      if [ "$verdict" = "$expected" ]; then
        printf '%b\tok\n' "$line"
      else
        printf '%b\tUNEXPECTED (wanted %s)\n' "$line" "$expected"
      fi
      : "$detail"
    done < "$out/results.tsv"
  } | column -t -s $'\t' | tee "$out/results.txt"
  echo
  unexpected="$(grep -c UNEXPECTED "$out/results.txt" || true)"
  echo "details: $out/results.tsv (status codes and problems per run), ledgers and logs beside it"
  if [ "$unexpected" -gt 0 ]; then
    log "$unexpected run(s) did not give the expected verdict"
    return 1
  fi
  log "every protected run passed and every unprotected run failed"
}

# shellcheck source=scripts/rehearsal/scenarios.sh
source "$root/scripts/rehearsal/scenarios.sh"
