#!/usr/bin/env bash
# Restore a Kehou backup into a NEW, empty database (never over a live one):
#   deployment/ops/restore.sh <dump-file> <libpq-url-of-the-new-empty-database>
# The roles the dump's grants name (the owner and the server's app role) must exist first — create
# them like deployment/embedded's LocalPostgres does, or run the .roles.sql beside the dump (then set
# their passwords). Then point the server's KEHOU_DB_URL at the new database; Flyway finds the schema
# up to date and the server starts.
set -euo pipefail
dump=${1:?usage: restore.sh <dump-file> <postgresql://.../new-database>}
url=${2:?usage: restore.sh <dump-file> <postgresql://.../new-database>}
pg_restore --exit-on-error --no-password --dbname="$url" "$dump"
echo "restored $dump"
