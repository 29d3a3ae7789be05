#!/usr/bin/env bash
# Dump the EChamado database in PostgreSQL's custom format and verify that pg_restore can read it.
#   scripts/backup.sh [OUTPUT_DIR]
# Connection from the standard libpq variables: PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD (or ~/.pgpass).
# RETENTION_DAYS (default 30) removes older dumps from OUTPUT_DIR. Prints the path of the new dump on stdout.
# Dumps and checksums are created mode 0600 (they hold every password hash and ticket); the .sha256 names the bare
# file, so the pair can be moved or copied anywhere (restore.sh checks the file it restores).
set -euo pipefail
umask 077

out_dir="${1:-${BACKUP_DIR:-./backups}}"
retention_days="${RETENTION_DAYS:-30}"
database="${PGDATABASE:-echamado}"

log() { printf '[backup] %s\n' "$*" >&2; }

mkdir -p "$out_dir"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
file="$out_dir/${database}-${stamp}.dump"

log "dumping database '$database' from ${PGHOST:-local socket}:${PGPORT:-5432} to $file"
# Written under a temporary name: a dump that failed half-way never looks like a backup.
pg_dump --format=custom --no-owner --dbname="$database" --file="$file.partial"
if ! pg_restore --list "$file.partial" > /dev/null; then
  log "pg_restore cannot read the dump; keeping $file.partial for inspection"
  exit 1
fi
mv "$file.partial" "$file"
(cd "$out_dir" && sha256sum "$(basename "$file")") > "$file.sha256"
log "wrote $(wc -c < "$file") bytes, sha256 in $file.sha256"

if [ "$retention_days" -gt 0 ]; then
  find "$out_dir" -maxdepth 1 -name "${database}-*.dump*" -mtime "+$retention_days" -print -delete >&2
fi
printf '%s\n' "$file"
