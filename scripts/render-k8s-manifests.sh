#!/usr/bin/env bash
# Renders the plain manifests in deploy/k8s/{production,staging}/echamado.yaml from the Helm chart
# (deploy/helm/echamado, the single source) through helm-java, the same code path as KubernetesManifestsTest, which
# fails when the committed files drift from the chart. Run it after changing the chart or its values, then commit.
#   scripts/render-k8s-manifests.sh
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

echo "[render-k8s] rendering deploy/k8s from deploy/helm/echamado"
./mvnw -q -B test -Dtest=KubernetesManifestsTest#committedManifestsMatchTheChart \
  -Dsurefire.failIfNoSpecifiedTests=false -Dechamado.k8s.write=true
echo "[render-k8s] checking that the written files match the chart"
./mvnw -q -B test -Dtest=KubernetesManifestsTest -Dsurefire.failIfNoSpecifiedTests=false
git status --short deploy/k8s
