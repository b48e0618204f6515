-- Safety registers every seed asks for (001 §四, 003 §五, 004 §六): who came through the gate (门卫登记),
-- the school's emergency plans (应急预案) and their drills, and the insurance for pupils and staff.
-- Append-only for the server: a plan is replaced by a newer one, never edited; a visitor's row only
-- gains the time they left.
CREATE TABLE gate_visit (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    id            uuid NOT NULL,
    school_id     uuid NOT NULL,
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    organisation  text CHECK (length(organisation) <= 100),
    purpose       text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 200),
    phone         text CHECK (length(phone) <= 20),
    arrived_at    timestamptz NOT NULL,
    left_at       timestamptz CHECK (left_at >= arrived_at),
    recorded_by   text NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id)
);
CREATE INDEX gate_visit_day ON gate_visit (tenant_id, school_id, arrived_at);

CREATE TABLE emergency_plan (
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    id           uuid NOT NULL,
    school_id    uuid NOT NULL,
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    content      text NOT NULL CHECK (length(content) BETWEEN 1 AND 10000),
    adopted_on   date NOT NULL,
    recorded_by  text NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id)
);

CREATE TABLE emergency_drill (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    id            uuid NOT NULL,
    plan_id       uuid NOT NULL,
    held_on       date NOT NULL,
    participants  int NOT NULL CHECK (participants > 0),
    notes         text NOT NULL CHECK (length(notes) BETWEEN 1 AND 2000),
    recorded_by   text NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, plan_id) REFERENCES emergency_plan (tenant_id, id)
);

CREATE TABLE insurance_record (
    tenant_id      uuid NOT NULL REFERENCES tenant (id),
    id             uuid NOT NULL,
    school_id      uuid NOT NULL,
    covers         text NOT NULL CHECK (covers IN ('PUPILS', 'STAFF')),
    insurer        text NOT NULL CHECK (length(insurer) BETWEEN 1 AND 100),
    policy_no      text NOT NULL CHECK (length(policy_no) BETWEEN 1 AND 100),
    valid_from     date NOT NULL,
    valid_to       date NOT NULL CHECK (valid_to >= valid_from),
    insured_count  int NOT NULL CHECK (insured_count > 0),
    recorded_by    text NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id)
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['gate_visit', 'emergency_plan', 'emergency_drill', 'insurance_record'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_rows ON %I USING (tenant_id = kehou_current_tenant())'
                       ' WITH CHECK (tenant_id = kehou_current_tenant())', t);
        EXECUTE format('CREATE POLICY bureau_reads_descendants ON %I FOR SELECT USING (kehou_reads_subtree()'
                       ' AND tenant_id IN (SELECT descendant_id FROM tenant_closure WHERE ancestor_id = kehou_current_tenant()))', t);
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM ${app_role}', t);
    END LOOP;
END $$;
GRANT UPDATE (left_at) ON gate_visit TO ${app_role};
