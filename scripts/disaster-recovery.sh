#!/usr/bin/env bash
# Disaster recovery: restore the newest (or a given) backup into a new database, verify it, point the application
# at it and smoke-test.
#   scripts/disaster-recovery.sh BACKUP_DIR|DUMP_FILE BASE_URL
# Environment: PGHOST/PGPORT/PGUSER/PGPASSWORD for the (new) PostgreSQL server; NAMESPACE (echamado);
# SECRET (echamado-secrets); SWITCH=true to update DATABASE_CONNECTION in SECRET and restart the deployments;
# NOTIFY_WEBHOOK to post the outcome (Slack-compatible JSON).
set -euo pipefail

source_path="${1:?usage: $0 BACKUP_DIR|DUMP_FILE BASE_URL}"
base_url="${2:?usage: $0 BACKUP_DIR|DUMP_FILE BASE_URL}"
namespace="${NAMESPACE:-echamado}"
secret="${SECRET:-echamado-secrets}"
root="$(cd "$(dirname "$0")/.." && pwd)"

log() { printf '[dr] %s\n' "$*"; }
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

target="echamado_restored_$(date -u +%Y%m%d%H%M%S)"
log "restoring $dump into $target"
"$root/scripts/restore.sh" "$dump" "$target"

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
