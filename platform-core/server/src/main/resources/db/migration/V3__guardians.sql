-- Children are records, not accounts. A guardian (a parent's login) is linked to a child only after
-- the school confirms the relation; the guardian's consent to process a child's personal
-- information (PIPL 个人信息保护法 §31: under 14) is recorded before any provider sees the child.

CREATE TABLE child (
    tenant_id        uuid NOT NULL REFERENCES tenant (id),
    id               uuid NOT NULL,
    school_id        uuid NOT NULL,
    name_zh          text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 50),
    birth_date       date,
    grade            int  NOT NULL CHECK (grade BETWEEN 1 AND 9),
    class_name       text NOT NULL CHECK (length(class_name) BETWEEN 1 AND 30),
    day_student      boolean NOT NULL DEFAULT true,
    priority_groups  text[] NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id)
);
CREATE INDEX child_school ON child (tenant_id, school_id, grade, class_name);

CREATE TABLE guardianship (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    id            uuid NOT NULL,
    child_id      uuid NOT NULL,
    username      text NOT NULL,
    relation      text NOT NULL CHECK (relation IN ('FATHER', 'MOTHER', 'GRANDPARENT', 'OTHER_GUARDIAN')),
    status        text NOT NULL CHECK (status IN ('REQUESTED', 'CONFIRMED', 'REJECTED')),
    requested_at  timestamptz NOT NULL DEFAULT now(),
    decided_by    text,
    decided_at    timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, child_id) REFERENCES child (tenant_id, id)
);
CREATE UNIQUE INDEX guardianship_once ON guardianship (tenant_id, child_id, username) WHERE status <> 'REJECTED';

CREATE TABLE pipl_consent (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    id            uuid NOT NULL,
    child_id      uuid NOT NULL,
    username      text NOT NULL,
    text_version  text NOT NULL,
    text_sha256   text NOT NULL,
    consented_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, child_id) REFERENCES child (tenant_id, id)
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['child', 'guardianship', 'pipl_consent'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_rows ON %I USING (tenant_id = kehou_current_tenant())'
                       ' WITH CHECK (tenant_id = kehou_current_tenant())', t);
        EXECUTE format('CREATE POLICY bureau_reads_descendants ON %I FOR SELECT USING (kehou_reads_subtree()'
                       ' AND tenant_id IN (SELECT descendant_id FROM tenant_closure WHERE ancestor_id = kehou_current_tenant()))', t);
    END LOOP;
END $$;
-- Consent is evidence: the server may add and read it, never rewrite it.
REVOKE UPDATE, DELETE ON pipl_consent FROM ${app_role};
