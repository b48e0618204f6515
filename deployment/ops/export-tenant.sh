#!/usr/bin/env bash
# Export one tenant's data on request (a bureau leaving, or a data-subject request): every row of every
# tenant-owned table whose tenant_id is the tenant or one of its descendants (a city with its
# districts), one CSV per table with a header, plus the tenant rows themselves.
#   deployment/ops/export-tenant.sh <libpq-url> <tenant-code> <output-dir>
# Run as the owner role or a superuser (the server's role is bound by row-level security).
set -euo pipefail
url=${1:?usage: export-tenant.sh <postgresql://...> <tenant-code> <output-dir>}
code=${2:?usage: export-tenant.sh <postgresql://...> <tenant-code> <output-dir>}
out=${3:?usage: export-tenant.sh <postgresql://...> <tenant-code> <output-dir>}
[[ "$code" =~ ^[a-z0-9-]+$ ]] || { echo "not a tenant code: $code" >&2; exit 2; }
mkdir -p "$out"
psql "$url" -v ON_ERROR_STOP=1 -qAt -c "SELECT 1 FROM tenant WHERE code = '$code'" | grep -q 1 \
  || { echo "no tenant $code" >&2; exit 3; }
subtree="SELECT c.descendant_id FROM tenant_closure c JOIN tenant t ON t.id = c.ancestor_id WHERE t.code = '$code'"
psql "$url" -v ON_ERROR_STOP=1 -q -c "\\copy (SELECT * FROM tenant WHERE id IN ($subtree) ORDER BY code) TO '$out/tenant.csv' WITH (FORMAT csv, HEADER)"
tables=$(psql "$url" -v ON_ERROR_STOP=1 -qAt -c "
  SELECT c.table_name FROM information_schema.columns c
  JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
  WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
  ORDER BY c.table_name")
for table in $tables; do
  psql "$url" -v ON_ERROR_STOP=1 -q -c "\\copy (SELECT * FROM \"$table\" WHERE tenant_id IN ($subtree)) TO '$out/$table.csv' WITH (FORMAT csv, HEADER)"
done
echo "exported $code to $out: $(ls "$out" | wc -l) files"
