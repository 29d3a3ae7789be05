#!/usr/bin/env bash
# Blue-green deploy on Kubernetes with the Helm chart: install VERSION in the idle slot, wait until it is ready,
# smoke-test it through its own Service, then switch the live Service to it. The old slot stays for rollback.
# The live Service is the release echamado-live (deploy/helm/echamado-live): the live slot is its value `slot`, so
# that no upgrade or rollback of echamado-blue or echamado-green can move traffic.
#   scripts/blue-green-deploy.sh VERSION
# Environment: NAMESPACE (echamado), CHART (deploy/helm/echamado), VALUES (…/values-production.yaml),
# IMAGE_REPOSITORY (the chart's default when unset), LIVE_SERVICE (echamado), SMOKE_URL_TEMPLATE (e.g.
# http://echamado-@SLOT@.echamado.svc from inside the cluster; unset: smoke tests go through kubectl port-forward).
set -euo pipefail

version="${1:?usage: $0 VERSION}"
namespace="${NAMESPACE:-echamado}"
root="$(cd "$(dirname "$0")/.." && pwd)"
chart="${CHART:-$root/deploy/helm/echamado}"
values="${VALUES:-$chart/values-production.yaml}"
live_service="${LIVE_SERVICE:-echamado}"
live_chart="${LIVE_CHART:-$root/deploy/helm/echamado-live}"

log() { printf '[blue-green] %s\n' "$*"; }

current="$(kubectl -n "$namespace" get service "$live_service" -o jsonpath='{.spec.selector.echamado\.io/slot}' 2>/dev/null || true)"
if [ -z "$current" ]; then
  log "no live Service yet: first deployment goes to blue"
  current="green"
fi
if [ "$current" = "blue" ]; then next="green"; else next="blue"; fi

log "live slot: $current; deploying $version to: $next"
# The live Service as its own release, at the slot that serves now. A Service created by an older echamado-blue
# (which rendered it) is adopted first and kept when echamado-blue stops rendering it.
if kubectl -n "$namespace" get service "$live_service" > /dev/null 2>&1; then
  kubectl -n "$namespace" annotate service "$live_service" --overwrite helm.sh/resource-policy=keep \
    meta.helm.sh/release-name=echamado-live "meta.helm.sh/release-namespace=$namespace"
  kubectl -n "$namespace" label service "$live_service" --overwrite app.kubernetes.io/managed-by=Helm
  helm upgrade --install echamado-live "$live_chart" --namespace "$namespace" \
    --set "name=$live_service" --set "slot=$current" --wait
fi
# The blue release owns the Ingress, the backup job, the PrometheusRule and the namespace's own objects (Namespace with
# Pod Security Admission labels, ResourceQuota, LimitRange); both route to the live Service (liveService.enabled).
owner_flags=(--set liveService.enabled=true --set ingress.enabled=false --set backup.enabled=false
  --set metrics.prometheusRule.enabled=false
  --set namespace.create=false --set resourceQuota.enabled=false --set limitRange.enabled=false)
if [ "$next" = "blue" ]; then
  owner_flags=(--set liveService.enabled=true)
  # Helm installs into an existing namespace; when the chart renders that Namespace too, Helm must be told that the
  # blue release owns it, or the install fails with "invalid ownership metadata".
  if ! kubectl get namespace "$namespace" > /dev/null 2>&1; then
    log "creating namespace $namespace"
    kubectl create namespace "$namespace"
  fi
  log "letting echamado-blue adopt namespace $namespace (no-op once adopted)"
  kubectl annotate namespace "$namespace" --overwrite \
    meta.helm.sh/release-name=echamado-blue "meta.helm.sh/release-namespace=$namespace"
  kubectl label namespace "$namespace" --overwrite app.kubernetes.io/managed-by=Helm
fi
if [ -n "${IMAGE_REPOSITORY:-}" ]; then
  owner_flags+=(--set "image.repository=$IMAGE_REPOSITORY")
fi
helm upgrade --install "echamado-$next" "$chart" \
  --namespace "$namespace" \
  --values "$values" \
  --set "image.tag=$version" \
  --set "slot=$next" \
  "${owner_flags[@]}" \
  --wait --timeout 10m

log "waiting for the rollout of echamado-$next"
kubectl -n "$namespace" rollout status "deployment/echamado-$next" --timeout=300s

forward_pid=""
if [ -n "${SMOKE_URL_TEMPLATE:-}" ]; then
  smoke_url="${SMOKE_URL_TEMPLATE//@SLOT@/$next}"
else
  port="${SMOKE_LOCAL_PORT:-18080}"
  kubectl -n "$namespace" port-forward "service/echamado-$next" "$port:80" > /dev/null &
  forward_pid=$!
  trap 'kill "$forward_pid" 2> /dev/null || true' EXIT
  sleep 3
  smoke_url="http://127.0.0.1:$port"
fi
log "smoke tests against $smoke_url (slot $next)"
if ! "$root/scripts/smoke-tests.sh" "$smoke_url"; then
  log "smoke tests failed: traffic stays on $current"
  exit 1
fi

log "switching $live_service to $next (helm upgrade echamado-live --set slot=$next)"
helm upgrade --install echamado-live "$live_chart" --namespace "$namespace" \
  --set "name=$live_service" --set "slot=$next" --wait
log "done: $next is live; $current is kept for scripts/rollback.sh"
