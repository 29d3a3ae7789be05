#!/usr/bin/env bash
# Disaster recovery: restore the newest (or a given) backup into a new database, verify it (including the
# application's own `--verify-data` checks), point the application at it and smoke-test.
#   scripts/disaster-recovery.sh [--skip-verify] [--repair-derived] BACKUP_DIR|DUMP_FILE BASE_URL
# The jar that runs `--verify-data` is ECHAMADO_JAR, else the newest target/echamado-*.jar of this repository, else
# the Docker image's /opt/echamado/app.jar (IMAGE_JAR overrides that path). With none of them the script stops before
# restoring anything, unless --skip-verify is given (then only restore.sh's own checks run). --repair-derived rebuilds
# the dashboard counters from the restored tickets before the checks (restore.sh --repair-derived).
# Environment: PGHOST/PGPORT/PGUSER/PGPASSWORD for the (new) PostgreSQL server; TARGET_DATABASE (a new database,
# echamado_restored_<UTC time> by default); NAMESPACE (echamado);
# SECRET (echamado-secrets); SWITCH=true to update DATABASE_CONNECTION in SECRET and restart the deployments;
# NOTIFY_WEBHOOK to post the outcome (Slack-compatible JSON).
set -euo pipefail

usage="usage: $0 [--skip-verify] [--repair-derived] BACKUP_DIR|DUMP_FILE BASE_URL"
skip_verify=false
restore_options=()
args=()
for arg in "$@"; do
  case "$arg" in
    --skip-verify) skip_verify=true ;;
    --repair-derived) restore_options+=(--repair-derived) ;;
    -h | --help) echo "$usage"; exit 0 ;;
    -*) echo "unknown option: $arg" >&2; echo "$usage" >&2; exit 2 ;;
    *) args+=("$arg") ;;
  esac
done
if [ "${#args[@]}" -ne 2 ]; then
  echo "$usage" >&2
  exit 2
fi
source_path="${args[0]}"
base_url="${args[1]}"
namespace="${NAMESPACE:-echamado}"
secret="${SECRET:-echamado-secrets}"
root="$(cd "$(dirname "$0")/.." && pwd)"
image_jar="${IMAGE_JAR:-/opt/echamado/app.jar}"

log() { printf '[dr] %s\n' "$*"; }

# The application jar for `--verify-data`: ECHAMADO_JAR, else the newest target/echamado-*.jar, else the image's.
find_jar() {
  if [ -n "${ECHAMADO_JAR:-}" ]; then
    if [ ! -f "$ECHAMADO_JAR" ]; then
      log "ECHAMADO_JAR=$ECHAMADO_JAR does not exist" >&2
      return 1
    fi
    printf '%s\n' "$ECHAMADO_JAR"
    return 0
  fi
  local newest="" candidate
  for candidate in "$root"/target/echamado-*.jar; do
    if [ -f "$candidate" ] && { [ -z "$newest" ] || [ "$candidate" -nt "$newest" ]; }; then
      newest="$candidate"
    fi
  done
  if [ -n "$newest" ]; then
    printf '%s\n' "$newest"
    return 0
  fi
  if [ -f "$image_jar" ]; then
    printf '%s\n' "$image_jar"
    return 0
  fi
  return 1
}
notify() {
  if [ -n "${NOTIFY_WEBHOOK:-}" ]; then
    curl --silent --max-time 10 -X POST -H 'Content-Type: application/json' \
      --data "{\"text\":\"EChamado disaster recovery: $1\"}" "$NOTIFY_WEBHOOK" > /dev/null || true
  fi
}
trap 'notify "FAILED (see the operator console)"' ERR

if [ -d "$source_path" ]; then
  dump="$(find "$source_path" -maxdepth 1 -name '*.dump' -type f | sort | tail -n 1)"
else
  dump="$source_path"
fi
if [ -z "$dump" ] || [ ! -f "$dump" ]; then
  log "no dump found in $source_path"
  exit 1
fi

# Decided before restoring anything: a restore that cannot be verified must not look like a successful one.
if [ "$skip_verify" = "true" ]; then
  log "WARNING: --skip-verify: the restored data will NOT be checked by the application's --verify-data"
  unset ECHAMADO_JAR
else
  if ! jar="$(find_jar)"; then
    log "ERROR: no application jar to run --verify-data on the restored database." >&2
    log "  looked for: \$ECHAMADO_JAR, $root/target/echamado-*.jar, $image_jar" >&2
    log "  build one (./mvnw -B package -DskipTests), set ECHAMADO_JAR=/path/to/echamado.jar," >&2
    log "  or pass --skip-verify to restore without the application's data checks." >&2
    notify "FAILED: no application jar for --verify-data (nothing restored)"
    exit 1
  fi
  if ! command -v java > /dev/null 2>&1; then
    log "ERROR: 'java' is not on PATH: it is needed to run $jar --verify-data (or pass --skip-verify)" >&2
    notify "FAILED: no java for --verify-data (nothing restored)"
    exit 1
  fi
  export ECHAMADO_JAR="$jar"
  log "the restored database will be checked with $jar --verify-data"
fi

target="${TARGET_DATABASE:-echamado_restored_$(date -u +%Y%m%d%H%M%S)}"
log "restoring $dump into $target"
if ! "$root/scripts/restore.sh" "${restore_options[@]}" "$dump" "$target"; then
  log "disaster recovery FAILED: the restore or its verification of $target failed (see above); nothing was switched"
  log "  counters that differ from a recount: rerun with --repair-derived (docs/operations.md#backups-and-disaster-recovery)"
  notify "FAILED: restore or verification of $target"
  exit 1
fi

if [ "${SWITCH:-false}" = "true" ]; then
  log "pointing $secret/DATABASE_CONNECTION at $target and restarting"
  connection="Host=${PGHOST:?};Port=${PGPORT:-5432};Database=$target;Username=${PGUSER:?};Password=${PGPASSWORD:?}"
  kubectl -n "$namespace" patch secret "$secret" --type merge \
    -p "{\"stringData\":{\"DATABASE_CONNECTION\":\"$connection\"}}"
  for deployment in $(kubectl -n "$namespace" get deployments -l app.kubernetes.io/name=echamado -o name); do
    kubectl -n "$namespace" rollout restart "$deployment"
    kubectl -n "$namespace" rollout status "$deployment" --timeout=600s
  done
else
  log "SWITCH is not true: the application was not repointed (restored database: $target)"
fi

log "smoke tests against $base_url"
"$root/scripts/smoke-tests.sh" "$base_url"
notify "completed, database $target"
log "disaster recovery completed: database $target"
