#!/usr/bin/env bash
# Back up Kehou's database: one consistent pg_dump (custom format: compressed, restorable table by
# table, row-level-security policies and grants included) plus the cluster's role names (no
# passwords) the grants refer to.
#   deployment/ops/backup.sh <libpq-url-of-the-kehou-database> <output-dir>
# Use PostgreSQL 15's client tools or newer (Debian: postgresql-client-15). Run it as a role that can
# read every table (the owner role, or a superuser): the server's own role sees only what RLS lets it.
set -euo pipefail
url=${1:?usage: backup.sh <postgresql://...> <output-dir>}
out=${2:?usage: backup.sh <postgresql://...> <output-dir>}
mkdir -p "$out"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
# KEHOU_SNAPSHOT (optional): dump as of a snapshot another session exported (pg_export_snapshot()).
pg_dump --format=custom --compress=6 ${KEHOU_SNAPSHOT:+--snapshot="$KEHOU_SNAPSHOT"} --dbname="$url" --file="$out/kehou-$stamp.dump"
pg_dumpall --roles-only --no-role-passwords --dbname="$url" > "$out/kehou-$stamp.roles.sql" 2>/dev/null \
  || echo "note: roles not dumped (needs a superuser); recreate kehou_owner and the app role before restoring" >&2
# A restore check the operator can read: what the dump holds.
pg_restore --list "$out/kehou-$stamp.dump" | grep -c "TABLE DATA" | xargs -I{} echo "backup $out/kehou-$stamp.dump: {} tables"
echo "$out/kehou-$stamp.dump"
