-- Tenancy: the tenant tree (global), its closure, schools (the first tenant-owned table), and the
-- row-level-security machinery every later tenant-owned table reuses.
-- Runs as the owner role. The server connects as ${app_role}: not superuser, no BYPASSRLS, owns
-- nothing — so the policies below hold even against a query that forgets its WHERE tenant_id.

GRANT USAGE ON SCHEMA public TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};
REVOKE ALL ON flyway_schema_history FROM ${app_role};

-- The tenant of the current transaction. A missing or '' setting (a pooled connection after a
-- transaction-local set_config reads '') means "no tenant": NULL, which matches no row.
CREATE FUNCTION kehou_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

-- Whether the current request may read the descendants of its tenant (a bureau's reach);
-- the server sets it only for roles that reach descendants.
CREATE FUNCTION kehou_reads_subtree() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT COALESCE(NULLIF(current_setting('app.read_subtree', true), ''), 'false')::boolean $$;

-- ---------------------------------------------------------------- global: the tenant tree
CREATE TABLE tenant (
    id              uuid PRIMARY KEY,
    code            varchar(63) NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'),
    name_zh         text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 200),
    name_en         text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    kind            text NOT NULL CHECK (kind IN ('PLATFORM', 'PROVINCE', 'CITY', 'DISTRICT')),
    parent_id       uuid REFERENCES tenant (id),
    status          text NOT NULL CHECK (status IN ('ONBOARDING', 'ACTIVE', 'SUSPENDED')),
    plugin_id       text,
    plugin_config   jsonb NOT NULL DEFAULT '{}'::jsonb,
    branding        jsonb,
    descriptor_hash text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'PLATFORM') = (parent_id IS NULL))
);
COMMENT ON TABLE tenant IS 'global: the tenant tree itself';

-- Every (ancestor, descendant) pair including (t, t) at depth 0: a bureau's reach in one lookup.
CREATE TABLE tenant_closure (
    ancestor_id   uuid NOT NULL REFERENCES tenant (id),
    descendant_id uuid NOT NULL REFERENCES tenant (id),
    depth         int  NOT NULL CHECK (depth >= 0),
    PRIMARY KEY (ancestor_id, descendant_id)
);
CREATE INDEX tenant_closure_descendant ON tenant_closure (descendant_id);
COMMENT ON TABLE tenant_closure IS 'global: ancestry of the tenant tree';

-- ---------------------------------------------------------------- tenant-owned: schools
CREATE TABLE school (
    tenant_id          uuid NOT NULL REFERENCES tenant (id),
    id                 uuid NOT NULL,
    code               varchar(63) NOT NULL CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name_zh            text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 200),
    name_en            text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    level              text NOT NULL CHECK (level IN ('PRIMARY', 'JUNIOR', 'NINE_YEAR')),
    urban              boolean NOT NULL,
    rural_town         text,
    boarding           boolean NOT NULL,
    village_school     boolean NOT NULL DEFAULT false,
    teaching_point     boolean NOT NULL DEFAULT false,
    central_school_id  uuid,
    public_school      boolean NOT NULL DEFAULT true,
    normal_dismissal   time NOT NULL,
    period_minutes     int  NOT NULL CHECK (period_minutes BETWEEN 20 AND 60),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, code),
    -- A village school or teaching point is attached to a central school of the same tenant.
    FOREIGN KEY (tenant_id, central_school_id) REFERENCES school (tenant_id, id)
);

ALTER TABLE school ENABLE ROW LEVEL SECURITY;
ALTER TABLE school FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON school
    USING (tenant_id = kehou_current_tenant())
    WITH CHECK (tenant_id = kehou_current_tenant());
CREATE POLICY bureau_reads_descendants ON school FOR SELECT
    USING (kehou_reads_subtree() AND tenant_id IN (
        SELECT descendant_id FROM tenant_closure WHERE ancestor_id = kehou_current_tenant()));
