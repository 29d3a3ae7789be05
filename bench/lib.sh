# Shared by bench/run.sh and bench/startup.sh: the service in the prod profile against the local PostgreSQL, Redis
# and RabbitMQ. Sourced, not run.

BENCH_PORT="${BENCH_PORT:-18080}"
BENCH_RABBIT_USER=echamado_bench
BENCH_RABBIT_VHOST=echamado_bench
# Not secrets: loopback-only services of a benchmark. PostgreSQL runs with trust authentication here, so the
# password only satisfies the prod profile's check that one is set.
BENCH_RABBIT_PASSWORD=bench-loopback-only-7Qm2
BENCH_DB_PASSWORD=bench-loopback-only-4Kx9

log() { printf '[bench] %s\n' "$*" >&2; }

psql_q() { psql -h 127.0.0.1 -U postgres -X -q -At "$@"; }

# A broker account for the prod profile (it refuses guest), in its own vhost; idempotent.
ensure_rabbit_user() {
  rabbitmqctl -q add_vhost "$BENCH_RABBIT_VHOST" >/dev/null 2>&1 || true
  if rabbitmqctl -q list_users 2>/dev/null | awk '{print $1}' | grep -qx "$BENCH_RABBIT_USER"; then
    rabbitmqctl -q change_password "$BENCH_RABBIT_USER" "$BENCH_RABBIT_PASSWORD" >/dev/null
  else
    rabbitmqctl -q add_user "$BENCH_RABBIT_USER" "$BENCH_RABBIT_PASSWORD" >/dev/null
  fi
  rabbitmqctl -q set_permissions -p "$BENCH_RABBIT_VHOST" "$BENCH_RABBIT_USER" '.*' '.*' '.*' >/dev/null
}

# A fresh RSA signing key (PKCS#8 PEM) in $1, for JWT_SIGNING_KEY and for the generator's tokens.
make_signing_key() {
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" 2>/dev/null
  chmod 600 "$1"
}

# The application jar, built (tests skipped) when missing or older than the sources.
app_jar() {
  local jar
  jar=$(ls target/echamado-*.jar 2>/dev/null | grep -v -- '-plain' | head -n 1 || true)
  if [ -z "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -type f -print -quit)" ]; then
    log "building the application jar (./mvnw package, tests skipped)"
    ./mvnw -q -B -DskipTests package >&2
    jar=$(ls target/echamado-*.jar | grep -v -- '-plain' | head -n 1)
  fi
  printf '%s\n' "$jar"
}

# Exports the environment of the service: prod profile, database $1, signing key file $2.
export_server_env() {
  export SPRING_PROFILES_ACTIVE=prod
  export PORT="$BENCH_PORT"
  export DATABASE_CONNECTION="postgres://postgres:$BENCH_DB_PASSWORD@127.0.0.1:5432/$1"
  export ECHAMADO_ISSUER="http://127.0.0.1:$BENCH_PORT"
  JWT_SIGNING_KEY="$(cat "$2")"
  export JWT_SIGNING_KEY
  export REDIS_CONNECTION="redis://127.0.0.1:6379"
  export RABBITMQ_CONNECTION="amqp://$BENCH_RABBIT_USER:$BENCH_RABBIT_PASSWORD@127.0.0.1:5672/$BENCH_RABBIT_VHOST"
  # one namespace per database: cached catalog answers (an agent's departments…) of one data set must not be read
  # by a run on another (the smoke set's memberships made a 1,000,000-ticket run answer 404 and 403)
  export ECHAMADO_REDIS_NAMESPACE="echamado-bench-$1"
  # the load generator is one client IP with a few users: measure the service, not its API rate limiter
  export ECHAMADO_API_LIMIT_PER_IP=100000000 ECHAMADO_API_LIMIT_PER_USER=100000000
}

# Starts the java command line "$@" against database $1 with key file $2; sets SERVER_PID (the JVM's own pid)
# and writes the log to $SERVER_LOG.
start_server() {
  local database="$1" key="$2"
  shift 2
  if curl -s -o /dev/null "http://127.0.0.1:$BENCH_PORT/health/live"; then
    log "port $BENCH_PORT is already taken; set BENCH_PORT"
    return 1
  fi
  (
    export_server_env "$database" "$key"
    exec "$@"
  ) >"$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
}

# Waits until /health/ready answers 200; prints the milliseconds since $1 (epoch ms). Fails after $2 seconds.
wait_ready() {
  local since="$1" limit="${2:-300}" deadline
  deadline=$(( $(date +%s) + limit ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      log "the service exited; last lines of $SERVER_LOG:"
      tail -n 20 "$SERVER_LOG" >&2
      return 1
    fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$BENCH_PORT/health/ready")" = 200 ]; then
      echo $(( $(date +%s%3N) - since ))
      return 0
    fi
    sleep 0.05
  done
  log "the service was not ready within $limit s"
  return 1
}

stop_server() {
  if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}

# CPU seconds (utime + stime) of a process.
cpu_seconds() {
  awk '{ sub(/.*\) /, ""); printf "%.2f\n", ($12 + $13) / 100 }' "/proc/$1/stat"
}

rss_mb() {
  awk '/^VmRSS:/ { printf "%.0f\n", $2 / 1024 }' "/proc/$1/status"
}

# Samples the active statements of database $1 every 200 ms into $2, one line per statement and sample:
# "<wait event type>|<wait event>|<statement>" (wait type CPU when the backend is not waiting). Runs until killed.
sample_db_activity() {
  local database="$1" file="$2"
  printf '%s\n' "select coalesce(wait_event_type, 'CPU') || '|' || coalesce(wait_event, '-') || '|'
      || left(regexp_replace(query, '\s+', ' ', 'g'), 300)
    from pg_stat_activity
    where datname = '$database' and state = 'active' and pid <> pg_backend_pid()" '\watch 0.2' \
    | psql -h 127.0.0.1 -U postgres -X -q -At -d postgres >"$file" 2>/dev/null
}

# Where the time went, from a --profile run's directory $1: db-profile.txt (the statements and wait events that
# PostgreSQL was busy with most often) and jvm-profile.txt (JFR's hot methods and allocation sites of the service,
# read with the JDK 25 `jfr view` when it is installed, which reads JDK 17 recordings too).
summarize_profile() {
  local dir="$1" jfr_tool
  if [ -s "$dir/db-activity.txt" ]; then
    {
      echo "PostgreSQL busy samples (every 200 ms, one per active statement): share, samples, wait, statement"
      grep -v '^$' "$dir/db-activity.txt" | sort | uniq -c | sort -rn \
        | awk -v total="$(grep -vc '^$' "$dir/db-activity.txt")" \
          '{ n = $1; $1 = ""; printf "%5.1f%% %7d %s\n", 100 * n / total, n, substr($0, 2) }' | head -n 40 || true
    } >"$dir/db-profile.txt"
  fi
  jfr_tool=$(find /usr/lib/jvm -maxdepth 3 -path '*temurin-2[5-9]*/bin/jfr' 2>/dev/null | sort | tail -n 1)
  if [ -s "$dir/server.jfr" ] && [ -n "$jfr_tool" ]; then
    {
      echo "CPU samples by the innermost EChamado method on the stack (the service's own code paths)"
      "$jfr_tool" print --events jdk.ExecutionSample --stack-depth 64 "$dir/server.jfr" | awk '
        /jdk.ExecutionSample/ { own = ""; total++ }
        /line:/ && own == "" && /com\.echamado\./ { own = $1 }
        /^}/ && total { count[own == "" ? "(no EChamado frame: server, framework, GC threads)" : own]++ }
        END { for (m in count) printf "%6.1f%% %6d %s\n", 100 * count[m] / total, count[m], m }' \
        | sort -rn | head -n 30 || true
      echo
      echo "CPU samples by the library that was running: the first frame from the top that is not the JDK's own"
      echo "(java., jdk., sun.), by its first three package names"
      "$jfr_tool" print --events jdk.ExecutionSample --stack-depth 64 "$dir/server.jfr" | awk '
        /jdk.ExecutionSample/ { lib = ""; total++; next }
        /line:/ && lib == "" && $1 !~ /^(java|jdk|sun)\./ { split($1, part, "."); lib = part[1] "." part[2] "." part[3] }
        /^}/ && total { count[lib == "" ? "(the JDK only)" : lib]++ }
        END { for (p in count) printf "%6.1f%% %6d %s\n", 100 * count[p] / total, count[p], p }' \
        | sort -rn | head -n 25 || true
      echo
      "$jfr_tool" view --width 200 hot-methods "$dir/server.jfr"
      "$jfr_tool" view --width 200 allocation-by-site "$dir/server.jfr"
      "$jfr_tool" view --width 200 gc-pauses "$dir/server.jfr"
      "$jfr_tool" view --width 200 contention-by-site "$dir/server.jfr"
    } >"$dir/jvm-profile.txt" 2>&1 || true
  fi
  log "profile: $dir/db-profile.txt, $dir/jvm-profile.txt"
}
