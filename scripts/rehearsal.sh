#!/usr/bin/env bash
# Zero-downtime / no-data-loss rehearsal: private PostgreSQL, Redis and RabbitMQ on free loopback ports, three
# instances of the built jar (prod profile) behind nginx with the production configuration adapted to loopback, a
# load client with a ledger, scenarios, and a reconciler that checks the ledger against the database.
#   scripts/rehearsal.sh [--scenarios T8,T4,T1,T2,T7,T3,T5,T6,T10] [--bounded] [--keep]
# Every scenario runs once protected and once with its protection removed; the second run must FAIL.
# Exit code 0 only when every protected run passed and every unprotected run failed. Everything started is
# stopped on exit (trap). Results, ledgers and logs: target/rehearsal/<timestamp>/. Functions and scenarios:
# scripts/rehearsal/; the load client, reconciler and token minter: src/tools/java (docs/operations.md).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
scenarios="T8,T4,T1,T2,T7,T3,T5,T6,T10"
bounded=false
keep=false
export keep bounded
while [ "$#" -gt 0 ]; do
  case "$1" in
    --scenarios) scenarios="$2"; shift 2 ;;
    --bounded) bounded=true; shift ;;
    --keep) keep=true; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
if [ "$bounded" = true ] && [ "$scenarios" = "T8,T4,T1,T2,T7,T3,T5,T6,T10" ]; then
  scenarios="T4,T1,T2,T7"
fi

# shellcheck source=scripts/rehearsal/lib.sh
source "$root/scripts/rehearsal/lib.sh"

trap cleanup EXIT
trap 'exit 130' INT TERM

prepare
start_postgres
start_redis
start_rabbitmq
write_nginx_conf
start_nginx
compile_harness

has() { [[ ",$scenarios," == *",$1,"* ]]; }

scenario_t8
mint_token
has T4 && scenario_t4
has T1 && scenario_t1
has T2 && scenario_t2
has T7 && scenario_t7
has T3 && scenario_t3
has T5 && scenario_t5
has T6 && scenario_t6
has T10 && scenario_t10

print_results
