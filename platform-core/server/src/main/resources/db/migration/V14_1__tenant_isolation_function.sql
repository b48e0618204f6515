-- What every tenant-owned table needs, in one call, so a new migration writes
--     SELECT kehou_isolate_tenant_table('my_table');
-- instead of repeating the block each earlier migration spells out: row-level security enabled and
-- forced (the owner is bound too), rows visible and writable only in the request's tenant, and
-- readable by a bureau for its descendants when the request reads the subtree.
-- SchemaIsolationTest still checks every table, however its policies were made.
CREATE FUNCTION kehou_isolate_tenant_table(t regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_rows ON %s USING (tenant_id = kehou_current_tenant())'
                   ' WITH CHECK (tenant_id = kehou_current_tenant())', t);
    EXECUTE format('CREATE POLICY bureau_reads_descendants ON %s FOR SELECT USING (kehou_reads_subtree()'
                   ' AND tenant_id IN (SELECT descendant_id FROM tenant_closure WHERE ancestor_id = kehou_current_tenant()))', t);
END $$;
-- Migrations only: the server's role never changes policies.
REVOKE ALL ON FUNCTION kehou_isolate_tenant_table(regclass) FROM PUBLIC;
