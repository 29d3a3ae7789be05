#!/usr/bin/env bash
# Restore a custom-format dump made by backup.sh into a NEW database, then verify it.
#   scripts/restore.sh [--repair-derived] DUMP_FILE TARGET_DATABASE
# Connection from PGHOST, PGPORT, PGUSER, PGPASSWORD. The target database must not exist (it is created), so a
# restore never overwrites live data; switch the application to it afterwards (docs/operations.md).
# Verification: checksum (when DUMP_FILE.sha256 exists), pg_restore --list, a restore that stops at the first
# error in one transaction, the row count of every table in the dump (compared with COMPARE_DATABASE's, when that
# is set to the source database), no failed Flyway migration, and — when ECHAMADO_JAR names the application's jar —
# the application's own `--verify-data` checks.
# --repair-derived rebuilds derived data (the dashboard counters, scripts/sql/rebuild-dashboard-counters.sql) from
# the restored tickets before `--verify-data` runs.
set -euo pipefail

usage="usage: $0 [--repair-derived] DUMP_FILE TARGET_DATABASE"
repair_derived=false
args=()
for arg in "$@"; do
  case "$arg" in
    --repair-derived) repair_derived=true ;;
    -*) echo "unknown option: $arg" >&2; echo "$usage" >&2; exit 2 ;;
    *) args+=("$arg") ;;
  esac
done
if [ "${#args[@]}" -ne 2 ]; then
  echo "$usage" >&2
  exit 2
fi
dump="${args[0]}"
target="${args[1]}"

log() { printf '[restore] %s\n' "$*" >&2; }

[ -f "$dump" ] || { log "no such file: $dump"; exit 1; }
if [ -f "$dump.sha256" ]; then
  # The recorded sum against the file being restored (whatever name the .sha256 records: older backups recorded the
  # path they were written to).
  log "checking $dump against $dump.sha256"
  expected="$(awk 'NR == 1 {print $1}' "$dump.sha256")"
  actual="$(sha256sum < "$dump" | awk '{print $1}')"
  if [ "$actual" != "$expected" ]; then
    log "checksum mismatch: $dump has sha256 $actual, $dump.sha256 records $expected; not restoring"
    exit 1
  fi
fi

log "reading the dump's table of contents"
if ! toc="$(pg_restore --list "$dump")"; then
  log "the dump is unreadable or truncated: $dump"
  exit 1
fi
tables="$(printf '%s\n' "$toc" | awk '$4 == "TABLE" && $5 == "DATA" {print $6 "." $7}' | sort -u)"

if [ "$(psql -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = '${target//\'/\'\'}'")" = "1" ]; then
  log "database '$target' already exists; restore into a new database"
  exit 1
fi

log "creating database '$target'"
createdb "$target"
log "restoring $dump into '$target'"
if ! pg_restore --exit-on-error --no-owner --single-transaction --dbname="$target" "$dump"; then
  log "restore failed; dropping the incomplete database '$target'"
  dropdb --if-exists "$target"
  exit 1
fi

log "row counts:"
mismatches=0
for table in $tables; do
  count="$(psql -d "$target" -Atqc "SELECT count(*) FROM $table")"
  if [ -n "${COMPARE_DATABASE:-}" ]; then
    expected="$(psql -d "$COMPARE_DATABASE" -Atqc "SELECT count(*) FROM $table")"
    if [ "$count" != "$expected" ]; then
      printf '  %-50s %s (source: %s) MISMATCH\n' "$table" "$count" "$expected" >&2
      mismatches=$((mismatches + 1))
      continue
    fi
  fi
  printf '  %-50s %s\n' "$table" "$count" >&2
done
if [ "$mismatches" -gt 0 ]; then
  log "$mismatches table(s) differ from $COMPARE_DATABASE"
  exit 1
fi
if psql -d "$target" -Atqc "SELECT to_regclass('public.flyway_schema_history') IS NOT NULL" | grep -q t; then
  failed="$(psql -d "$target" -Atqc "SELECT count(*) FROM flyway_schema_history WHERE NOT success")"
  if [ "$failed" != "0" ]; then
    log "flyway_schema_history records $failed failed migration(s)"
    exit 1
  fi
fi
if [ "$repair_derived" = true ]; then
  if psql -d "$target" -Atqc "SELECT to_regclass('public.ticket_open_recount') IS NOT NULL" | grep -q t; then
    log "rebuilding the dashboard counters of '$target' from the recount views"
    psql -v ON_ERROR_STOP=1 -q -d "$target" -f "$(dirname "$0")/sql/rebuild-dashboard-counters.sql"
  else
    log "no dashboard counters in '$target' (schema before V70): nothing to rebuild"
  fi
fi
if [ -n "${ECHAMADO_JAR:-}" ]; then
  # the application's own integrity checks (docs/operations.md): migrations, references, numbers, history
  log "running $ECHAMADO_JAR --verify-data against '$target'"
  java -jar "$ECHAMADO_JAR" --verify-data \
    --spring.datasource.url="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$target" \
    --spring.datasource.username="${PGUSER:-postgres}" --spring.datasource.password="${PGPASSWORD:-}"
fi
log "restore of '$target' verified"
