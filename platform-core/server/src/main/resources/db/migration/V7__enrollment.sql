-- Enrollment: voluntary applications, their review trail, agreement signatures, seats, lotteries.
-- Seats are counted on the service row itself and taken by one conditional UPDATE
-- (seats_taken < capacity): PostgreSQL serialises it per row, so no course is ever overbooked.

ALTER TABLE school_service ADD COLUMN allocation text NOT NULL DEFAULT 'FIRST_COME'
    CHECK (allocation IN ('FIRST_COME', 'LOTTERY'));
ALTER TABLE school_service ADD COLUMN seats_taken int NOT NULL DEFAULT 0;
ALTER TABLE school_service ADD CONSTRAINT school_service_not_overbooked CHECK (seats_taken BETWEEN 0 AND capacity);

CREATE TABLE enrollment_application (
    tenant_id         uuid NOT NULL REFERENCES tenant (id),
    id                uuid NOT NULL,
    service_id        uuid NOT NULL,
    child_id          uuid NOT NULL,
    applicant         text NOT NULL,
    -- HELD: has a seat, reviews pending; ARRANGED: approved with a seat; PENDING: in a lottery
    -- window; WAITLISTED; OFFERED: a freed seat waits for the family until offer_expires_at.
    status            text NOT NULL CHECK (status IN ('PENDING', 'HELD', 'ARRANGED', 'WAITLISTED', 'OFFERED',
                          'REFUSED', 'WITHDRAWN', 'EXPIRED')),
    step              text NOT NULL,
    holds_seat        boolean NOT NULL DEFAULT false,
    priority_groups   text[] NOT NULL DEFAULT '{}',
    pickup            text,
    idempotency_key   text NOT NULL CHECK (length(idempotency_key) BETWEEN 8 AND 100),
    waitlisted_at     timestamptz,
    offer_expires_at  timestamptz,
    explanation       jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, idempotency_key),
    FOREIGN KEY (tenant_id, service_id) REFERENCES school_service (tenant_id, id),
    FOREIGN KEY (tenant_id, child_id) REFERENCES child (tenant_id, id)
);
-- One live application per child and service: a duplicate is refused by the database too.
CREATE UNIQUE INDEX enrollment_application_once ON enrollment_application (tenant_id, service_id, child_id)
    WHERE status NOT IN ('REFUSED', 'WITHDRAWN', 'EXPIRED');
CREATE INDEX enrollment_waitlist ON enrollment_application (tenant_id, service_id, status, waitlisted_at);

-- Every change of an application, who made it and why: what a parent and a school are shown.
CREATE TABLE enrollment_event (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    id              uuid NOT NULL,
    application_id  uuid NOT NULL,
    at              timestamptz NOT NULL DEFAULT now(),
    actor           text NOT NULL,
    from_status     text,
    to_status       text NOT NULL,
    step            text,
    note            text,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, application_id) REFERENCES enrollment_application (tenant_id, id)
);

-- The exact text a parent signed: version, hash, signer, time and client (000/004).
CREATE TABLE agreement_signature (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    id              uuid NOT NULL,
    application_id  uuid NOT NULL,
    document_code   text NOT NULL,
    text_version    text NOT NULL,
    text_sha256     text NOT NULL,
    signer          text NOT NULL,
    signed_at       timestamptz NOT NULL DEFAULT now(),
    client          text,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, application_id) REFERENCES enrollment_application (tenant_id, id)
);

-- A lottery run: its seed and full result, so a bureau can re-run and audit it.
CREATE TABLE lottery_run (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    id          uuid NOT NULL,
    service_id  uuid NOT NULL,
    seed        bigint NOT NULL,
    run_by      text NOT NULL,
    run_at      timestamptz NOT NULL DEFAULT now(),
    result      jsonb NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, service_id) REFERENCES school_service (tenant_id, id)
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['enrollment_application', 'enrollment_event', 'agreement_signature', 'lottery_run'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_rows ON %I USING (tenant_id = kehou_current_tenant())'
                       ' WITH CHECK (tenant_id = kehou_current_tenant())', t);
        EXECUTE format('CREATE POLICY bureau_reads_descendants ON %I FOR SELECT USING (kehou_reads_subtree()'
                       ' AND tenant_id IN (SELECT descendant_id FROM tenant_closure WHERE ancestor_id = kehou_current_tenant()))', t);
    END LOOP;
END $$;
REVOKE UPDATE, DELETE ON enrollment_event, agreement_signature, lottery_run FROM ${app_role};
