-- Kehou on Citus: every tenant-owned table distributed by tenant_id, all of them co-located, so a
-- tenant's rows live together on one worker and every join and foreign key between them (all of
-- which include tenant_id — SchemaIsolationTest and TenantJoinsTest hold the schema and the code to
-- that) stays on that worker. The few platform-wide tables are reference tables, copied to every
-- worker.
--
-- Run once, as the schema owner, on the Citus coordinator, after the server has migrated an empty
-- database (Flyway) and before data arrives:
--   psql "$KEHOU_OWNER_URL" -v ON_ERROR_STOP=1 -f deployment/citus/distribute.sql
-- A later migration that adds a tenant table runs this file again: tables already distributed are
-- skipped. deployment/README.md ("A province outgrows one database") has the whole procedure.

CREATE EXTENSION IF NOT EXISTS citus;

DO $$
DECLARE
    -- Platform-wide tables (no tenant_id): the same list as SchemaIsolationTest.GLOBAL.
    reference_tables text[] := ARRAY['tenant', 'tenant_closure', 'tenant_policy_version', 'provider', 'provider_course', 'job_run'];
    anchor text;
    t text;
    progress boolean;
    pending text[];
BEGIN
    FOREACH t IN ARRAY reference_tables LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = t::regclass) THEN
            PERFORM create_reference_table(t);
        END IF;
    END LOOP;

    -- Every other table with a tenant_id column, distributed in foreign-key order: a table goes
    -- once every table it references is distributed or a reference table.
    SELECT array_agg(c.table_name::text ORDER BY c.table_name) INTO pending
    FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND tb.table_type = 'BASE TABLE'
      AND NOT EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = (c.table_name)::regclass);

    SELECT logicalrelid::text INTO anchor FROM pg_dist_partition WHERE partmethod = 'h' ORDER BY logicalrelid::text LIMIT 1;

    WHILE pending IS NOT NULL AND cardinality(pending) > 0 LOOP
        progress := false;
        FOREACH t IN ARRAY pending LOOP
            IF NOT EXISTS (
                SELECT 1 FROM pg_constraint fk
                WHERE fk.contype = 'f' AND fk.conrelid = t::regclass AND fk.confrelid <> fk.conrelid
                  AND NOT EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = fk.confrelid))
            THEN
                IF anchor IS NULL THEN
                    PERFORM create_distributed_table(t, 'tenant_id');
                    anchor := t;
                ELSE
                    PERFORM create_distributed_table(t, 'tenant_id', colocate_with => anchor);
                END IF;
                pending := array_remove(pending, t);
                progress := true;
            END IF;
        END LOOP;
        IF NOT progress THEN
            RAISE EXCEPTION 'cannot order these tables by their foreign keys: %', pending;
        END IF;
    END LOOP;
END $$;
