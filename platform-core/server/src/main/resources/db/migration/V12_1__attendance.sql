-- Attendance and safety (安全第一, every seed): who is on duty for a service, each child's state in
-- each session (arrived, absent, gone home and with whom), hand-overs between adults, the people a
-- guardian authorises to pick a child up, agreed departures, per-service records (004 §四) and
-- incidents. Every change is also written to attendance_audit, a hash chain the server may only
-- append to.

-- Which users take the roster of a service (the school assigns its service teachers).
CREATE TABLE roster_duty (
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    service_id   uuid NOT NULL,
    username     text NOT NULL CHECK (length(username) BETWEEN 1 AND 100),
    assigned_by  text NOT NULL,
    assigned_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, service_id, username),
    FOREIGN KEY (tenant_id, service_id) REFERENCES school_service (tenant_id, id)
);

-- One child in one session: its state now. responsible is the one adult answerable for the child
-- at this moment (the teacher who checked it in, the adult it was handed to, the person who picked
-- it up); the history is in handover and attendance_audit.
CREATE TABLE attendance_mark (
    tenant_id        uuid NOT NULL REFERENCES tenant (id),
    service_id       uuid NOT NULL,
    on_date          date NOT NULL,
    child_id         uuid NOT NULL,
    status           text NOT NULL CHECK (status IN ('PRESENT', 'ABSENT', 'DEPARTED')),
    absence_reason   text CHECK (length(absence_reason) <= 200),
    checked_in_at    timestamptz,
    checked_in_by    text,
    responsible      text CHECK (length(responsible) BETWEEN 1 AND 100),
    departed_at      timestamptz,
    departed_with    text CHECK (length(departed_with) <= 100),
    pickup_person_id uuid,
    updated_by       text NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, service_id, on_date, child_id),
    FOREIGN KEY (tenant_id, service_id) REFERENCES school_service (tenant_id, id),
    FOREIGN KEY (tenant_id, child_id) REFERENCES child (tenant_id, id),
    CHECK (status <> 'ABSENT' OR absence_reason IS NOT NULL),
    CHECK (status = 'ABSENT' OR (checked_in_at IS NOT NULL AND responsible IS NOT NULL)),
    CHECK ((status = 'DEPARTED') = (departed_at IS NOT NULL))
);

-- 交接班: who handed which children to whom, and when.
CREATE TABLE handover (
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    id           uuid NOT NULL,
    service_id   uuid NOT NULL,
    on_date      date NOT NULL,
    from_adult   text NOT NULL,
    to_adult     text NOT NULL CHECK (length(to_adult) BETWEEN 1 AND 100),
    children     uuid[] NOT NULL CHECK (cardinality(children) > 0),
    at           timestamptz NOT NULL,
    recorded_by  text NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, service_id) REFERENCES school_service (tenant_id, id)
);

-- People a guardian authorises to pick a child up: standing (valid_on NULL) or a delegate for one date.
CREATE TABLE pickup_person (
    tenant_id      uuid NOT NULL REFERENCES tenant (id),
    id             uuid NOT NULL,
    child_id       uuid NOT NULL,
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    relation       text NOT NULL CHECK (length(relation) BETWEEN 1 AND 30),
    phone          text NOT NULL CHECK (phone ~ '^[0-9+\- ]{5,20}$'),
    valid_on       date,
    registered_by  text NOT NULL,
    registered_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at     timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, child_id) REFERENCES child (tenant_id, id)
);
CREATE INDEX pickup_person_child ON pickup_person (tenant_id, child_id);

-- A guardian's agreed departure (弹性离校, 001): the child may leave at leave_at, alone or with
-- an authorised person; on one date or (on_date NULL) every service day.
CREATE TABLE departure_arrangement (
    tenant_id      uuid NOT NULL REFERENCES tenant (id),
    id             uuid NOT NULL,
    child_id       uuid NOT NULL,
    service_id     uuid NOT NULL,
    on_date        date,
    leave_at       time NOT NULL,
    goes_alone     boolean NOT NULL,
    registered_by  text NOT NULL,
    registered_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, child_id) REFERENCES child (tenant_id, id),
    FOREIGN KEY (tenant_id, service_id) REFERENCES school_service (tenant_id, id)
);

-- 004 §四: per service and session, head-count, content, time and form, kept on file.
CREATE TABLE service_record (
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    service_id   uuid NOT NULL,
    on_date      date NOT NULL,
    head_count   int NOT NULL CHECK (head_count >= 0),
    content      text NOT NULL CHECK (length(content) BETWEEN 1 AND 1000),
    form         text NOT NULL CHECK (length(form) BETWEEN 1 AND 200),
    started_at   time NOT NULL,
    ended_at     time NOT NULL CHECK (ended_at > started_at),
    recorded_by  text NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, service_id, on_date),
    FOREIGN KEY (tenant_id, service_id) REFERENCES school_service (tenant_id, id)
);

-- Injuries, illness, a missing child: what happened, when, what was done. Never deleted; later
-- facts are added as notes.
CREATE TABLE incident (
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    id           uuid NOT NULL,
    school_id    uuid NOT NULL,
    service_id   uuid,
    child_id     uuid,
    kind         text NOT NULL CHECK (kind IN ('INJURY', 'ILLNESS', 'MISSING_CHILD', 'OTHER')),
    occurred_at  timestamptz NOT NULL,
    description  text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
    actions      text NOT NULL CHECK (length(actions) BETWEEN 1 AND 2000),
    reported_by  text NOT NULL,
    reported_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id),
    FOREIGN KEY (tenant_id, service_id) REFERENCES school_service (tenant_id, id),
    FOREIGN KEY (tenant_id, child_id) REFERENCES child (tenant_id, id)
);
CREATE TABLE incident_note (
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    id           uuid NOT NULL,
    incident_id  uuid NOT NULL,
    note         text NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
    written_by   text NOT NULL,
    written_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, incident_id) REFERENCES incident (tenant_id, id)
);

-- The audit trail of attendance, pickup and incidents: append-only for the server, each row's hash
-- covering the previous row's hash and its own content, so a row altered underneath breaks the chain.
-- seq counts per tenant from 1 without gaps (a deleted row breaks it too).
CREATE TABLE attendance_audit (
    tenant_id  uuid NOT NULL REFERENCES tenant (id),
    seq        bigint NOT NULL CHECK (seq > 0),
    at         timestamptz NOT NULL,
    actor      text NOT NULL,
    action     text NOT NULL,
    subject    text NOT NULL,
    before     jsonb,
    after      jsonb,
    prev_hash  text NOT NULL,
    hash       text NOT NULL,
    PRIMARY KEY (tenant_id, seq)
);

-- The one definition of a row's hash, used when writing and when verifying.
CREATE FUNCTION attendance_audit_digest(prev_hash text, tenant_id uuid, seq bigint, at timestamptz, actor text,
                                        action text, subject text, before jsonb, after jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(concat_ws(E'\x1f', prev_hash, tenant_id::text, seq::text,
        to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), actor, action, subject,
        coalesce(before::text, 'null'), coalesce(after::text, 'null')), 'UTF8')), 'hex')
$$;

-- Kept at least six months (the retention the issue asks for): not even the owner deletes a younger row.
CREATE FUNCTION attendance_audit_retained() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.at > now() - interval '6 months' THEN
        RAISE EXCEPTION 'attendance_audit rows are kept at least six months (row % of %)', OLD.seq, OLD.at;
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER attendance_audit_retention BEFORE DELETE ON attendance_audit
    FOR EACH ROW EXECUTE FUNCTION attendance_audit_retained();

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['roster_duty', 'attendance_mark', 'handover', 'pickup_person', 'departure_arrangement',
                             'service_record', 'incident', 'incident_note', 'attendance_audit'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_rows ON %I USING (tenant_id = kehou_current_tenant())'
                       ' WITH CHECK (tenant_id = kehou_current_tenant())', t);
        EXECUTE format('CREATE POLICY bureau_reads_descendants ON %I FOR SELECT USING (kehou_reads_subtree()'
                       ' AND tenant_id IN (SELECT descendant_id FROM tenant_closure WHERE ancestor_id = kehou_current_tenant()))', t);
    END LOOP;
END $$;
-- Append-only: the trail, hand-overs, incidents and their notes, arrangements.
REVOKE UPDATE, DELETE, TRUNCATE ON attendance_audit, handover, incident, incident_note, departure_arrangement
    FROM ${app_role};
-- A pickup person is revoked, never removed.
REVOKE UPDATE, DELETE, TRUNCATE ON pickup_person FROM ${app_role};
GRANT UPDATE (revoked_at) ON pickup_person TO ${app_role};
