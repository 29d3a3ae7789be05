#!/usr/bin/env bash
# Collect a diagnostic snapshot of EChamado on Kubernetes: pods, services, HPA, events, probes and recent logs.
#   scripts/diagnostic.sh [NAMESPACE]
# Read-only. The image has no curl, so health is read through the API server's pod proxy.
set -euo pipefail

namespace="${1:-${NAMESPACE:-echamado}}"
selector="app.kubernetes.io/name=echamado"

section() { printf '\n== %s\n' "$*"; }
problems=0

section "pods"
kubectl -n "$namespace" get pods -l "$selector" -o wide
section "services and endpoints"
kubectl -n "$namespace" get services,endpoints -l "$selector"
section "autoscaler and disruption budget"
kubectl -n "$namespace" get hpa,pdb -l "$selector" || true
section "resource usage"
kubectl -n "$namespace" top pods -l "$selector" || echo "(metrics-server not available)"

section "health per pod"
for pod in $(kubectl -n "$namespace" get pods -l "$selector" -o jsonpath='{.items[*].metadata.name}'); do
  for path in health/live health/ready; do
    if kubectl -n "$namespace" get --raw "/api/v1/namespaces/$namespace/pods/$pod:8080/proxy/$path" > /dev/null 2>&1; then
      printf '  %-45s /%-13s ok\n' "$pod" "$path"
    else
      printf '  %-45s /%-13s FAILED\n' "$pod" "$path"
      problems=$((problems + 1))
    fi
  done
done

section "restarts"
kubectl -n "$namespace" get pods -l "$selector" \
  -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.status.containerStatuses[0].restartCount}{"\t"}{.status.containerStatuses[0].lastState.terminated.reason}{"\n"}{end}'

section "recent events"
kubectl -n "$namespace" get events --sort-by=.lastTimestamp | tail -n 20

section "recent logs (10 minutes, warnings and errors)"
kubectl -n "$namespace" logs -l "$selector" --since=10m --tail=200 --prefix | grep -E '"level":"(WARN|ERROR)"|WARN|ERROR' | tail -n 50 || echo "(none)"

section "summary"
if [ "$problems" -gt 0 ]; then
  echo "$problems health check(s) failed"
  exit 1
fi
echo "all pods answer their health checks"
