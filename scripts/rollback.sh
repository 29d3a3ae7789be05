#!/usr/bin/env bash
# Roll back EChamado.
#   scripts/rollback.sh slot          blue-green: point the live Service back at the other slot (instant; an upgrade
#                                     of the echamado-live release, whose value slot is the live slot)
#   scripts/rollback.sh release NAME  undo the last Helm upgrade of release NAME (helm rollback)
# Then waits until HEALTH_URL (e.g. https://api.echamado.com/health) answers 200. NAMESPACE defaults to echamado.
set -euo pipefail

mode="${1:?usage: $0 slot | release NAME}"
namespace="${NAMESPACE:-echamado}"
live_service="${LIVE_SERVICE:-echamado}"
live_chart="${LIVE_CHART:-$(cd "$(dirname "$0")/.." && pwd)/deploy/helm/echamado-live}"
health_url="${HEALTH_URL:-}"

log() { printf '[rollback] %s\n' "$*"; }

case "$mode" in
  slot)
    current="$(kubectl -n "$namespace" get service "$live_service" -o jsonpath='{.spec.selector.echamado\.io/slot}')"
    if [ "$current" = "blue" ]; then previous="green"; else previous="blue"; fi
    ready="$(kubectl -n "$namespace" get deployment "echamado-$previous" -o jsonpath='{.status.readyReplicas}' 2>/dev/null || true)"
    if [ -z "$ready" ] || [ "$ready" = "0" ]; then
      log "slot $previous has no ready pods; refusing to switch"
      exit 1
    fi
    log "switching $live_service from $current back to $previous ($ready ready pods)"
    helm upgrade --install echamado-live "$live_chart" --namespace "$namespace" \
      --set "name=$live_service" --set "slot=$previous" --wait
    ;;
  release)
    release="${2:?usage: $0 release NAME}"
    log "history of $release:"
    helm history "$release" --namespace "$namespace" --max 5
    log "rolling back $release to its previous revision"
    helm rollback "$release" --namespace "$namespace" --wait --timeout 10m
    kubectl -n "$namespace" rollout status "deployment/$release" --timeout=300s
    ;;
  *)
    echo "usage: $0 slot | release NAME" >&2
    exit 2
    ;;
esac

if [ -n "$health_url" ]; then
  for attempt in $(seq 1 10); do
    if curl --silent --fail --max-time 5 --output /dev/null "$health_url"; then
      log "healthy: $health_url"
      exit 0
    fi
    log "waiting for $health_url ($attempt/10)"
    sleep 15
  done
  log "not healthy after rollback: $health_url"
  exit 1
fi
log "done (set HEALTH_URL to wait for health)"
