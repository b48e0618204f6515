-- Identity: who holds which role where. Keycloak knows people and their organizations (tenants);
-- roles live here because one person may be a teacher at one school and a parent at another.

-- The verified username of the current request, so a user can read their own assignments across
-- the tenant tree (to find a bureau role held at an ancestor) and nobody else's.
CREATE FUNCTION kehou_current_user() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT NULLIF(current_setting('app.username', true), '') $$;

CREATE TABLE role_assignment (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    id            uuid NOT NULL,
    username      text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    role          text NOT NULL CHECK (role IN ('platform-admin', 'bureau-admin', 'bureau-inspector',
                      'school-admin', 'class-teacher', 'service-teacher', 'school-finance',
                      'provider-admin', 'provider-staff', 'parent')),
    school_id     uuid,
    provider_code text,
    granted_by    text NOT NULL,
    granted_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id),
    CHECK ((role IN ('school-admin', 'class-teacher', 'service-teacher', 'school-finance')) = (school_id IS NOT NULL)),
    CHECK ((role IN ('provider-admin', 'provider-staff')) = (provider_code IS NOT NULL))
);
CREATE UNIQUE INDEX role_assignment_unique ON role_assignment
    (tenant_id, username, role, COALESCE(school_id, '00000000-0000-0000-0000-000000000000'::uuid), COALESCE(provider_code, ''));
CREATE INDEX role_assignment_user ON role_assignment (username);

ALTER TABLE role_assignment ENABLE ROW LEVEL SECURITY;
ALTER TABLE role_assignment FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON role_assignment
    USING (tenant_id = kehou_current_tenant())
    WITH CHECK (tenant_id = kehou_current_tenant());
CREATE POLICY bureau_reads_descendants ON role_assignment FOR SELECT
    USING (kehou_reads_subtree() AND tenant_id IN (
        SELECT descendant_id FROM tenant_closure WHERE ancestor_id = kehou_current_tenant()));
CREATE POLICY own_assignments ON role_assignment FOR SELECT
    USING (username = kehou_current_user());

-- Audit of changes that matter (who, when, what, in which tenant). Append-only for the server.
CREATE TABLE audit_event (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    id          uuid NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL,
    action      text NOT NULL,
    subject     text NOT NULL,
    detail      jsonb NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (tenant_id, id)
);
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON audit_event
    USING (tenant_id = kehou_current_tenant())
    WITH CHECK (tenant_id = kehou_current_tenant());
CREATE POLICY bureau_reads_descendants ON audit_event FOR SELECT
    USING (kehou_reads_subtree() AND tenant_id IN (
        SELECT descendant_id FROM tenant_closure WHERE ancestor_id = kehou_current_tenant()));
REVOKE UPDATE, DELETE ON audit_event FROM ${app_role};
