#!/usr/bin/env bash
# Fills a dedicated PostgreSQL database (127.0.0.1:5432, user postgres) with the synthetic data set at scale
# (docs/scale.md), reusing it when it already holds the same parameters (pending migrations are applied).
# Defaults: --database echamado_scale --tickets 1000000 (3,000,000 comments, 10,000 users, 20 departments).
# A smaller set: bench/seed.sh --database echamado_scale_20k --tickets 20000
set -euo pipefail
exec "$(dirname "$0")/../scripts/tools.sh" com.echamado.tickets.ScaleData "$@"
