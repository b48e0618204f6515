-- Policy versions: a tenant's plugin and config change on an effective date; history is kept and
-- a question about a date is answered with the policy in force that day. The tenant row holds the
-- policy from the beginning; each version overrides it from its date on. Global like the tenant
-- tree it belongs to: the rules in force are public, and a district must read its city's.
CREATE TABLE tenant_policy_version (
    id              uuid PRIMARY KEY,
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    effective_from  date NOT NULL,
    plugin_id       text,
    plugin_config   jsonb NOT NULL DEFAULT '{}'::jsonb,
    activated_by    text NOT NULL,
    activated_at    timestamptz NOT NULL DEFAULT now(),
    note            text,
    UNIQUE (tenant_id, effective_from)
);
COMMENT ON TABLE tenant_policy_version IS 'global: dated policy of the tenant tree';
REVOKE UPDATE, DELETE ON tenant_policy_version FROM ${app_role};

-- A school's declared service schedule (the catalog grows around it): checked by the region's
-- plugin day by day when saved, and again when a bureau previews a policy change.
CREATE TABLE service_schedule (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    id          uuid NOT NULL,
    school_id   uuid NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('BASIC_CARE', 'QUALITY_COURSE', 'NOON_CARE', 'EXTENDED_CARE',
                    'EVENING_SELF_STUDY', 'HOLIDAY_CARE', 'FREE_TUTORING')),
    start_time  time NOT NULL,
    end_time    time NOT NULL CHECK (end_time > start_time),
    days        text[] NOT NULL,
    valid_from  date NOT NULL,
    valid_to    date NOT NULL CHECK (valid_to >= valid_from),
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id)
);
ALTER TABLE service_schedule ENABLE ROW LEVEL SECURITY;
ALTER TABLE service_schedule FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON service_schedule
    USING (tenant_id = kehou_current_tenant())
    WITH CHECK (tenant_id = kehou_current_tenant());
CREATE POLICY bureau_reads_descendants ON service_schedule FOR SELECT
    USING (kehou_reads_subtree() AND tenant_id IN (
        SELECT descendant_id FROM tenant_closure WHERE ancestor_id = kehou_current_tenant()));
