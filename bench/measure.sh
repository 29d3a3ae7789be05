#!/usr/bin/env bash
# Server-side p50/p95/p99 of the list, detail, search and dashboard SQL on a data set made by bench/seed.sh
# (docs/scale.md). Defaults: --database echamado_scale --runs 200; --only <text> runs the operations whose
# name contains it (e.g. requester, search, detail); --slowest <n> prints the statements of the n slowest runs of each.
set -euo pipefail
exec "$(dirname "$0")/../scripts/tools.sh" com.echamado.tickets.ScaleBenchmark "$@"
