#!/usr/bin/env bash
# CI's benchmark smoke test: bench/run.sh --smoke (5,000 tickets, about a minute of load). Fails only when a phase
# completes no request or more than 1 % of its requests fail, never on latency or throughput figures.
set -euo pipefail
exec "$(dirname "$0")/run.sh" --smoke "$@"
