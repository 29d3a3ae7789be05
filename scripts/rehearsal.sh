#!/usr/bin/env bash
# Zero-downtime / no-data-loss rehearsal on this machine: see rehearsal/run.sh and docs/operations.md.
#   scripts/rehearsal.sh [--scenarios T8,T4,T1,T2,T7,T3,T5,T6,T10] [--bounded] [--keep]
set -euo pipefail
exec "$(cd "$(dirname "$0")/.." && pwd)/rehearsal/run.sh" "$@"
