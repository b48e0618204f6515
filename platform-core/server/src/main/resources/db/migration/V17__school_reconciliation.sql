-- A school's reconciliation (台账对账, issue 12 §4; 000: each school keeps a ledger and periodically
-- reconciles with the platform the served-student list, fees collected and expenditure detail, and
-- publishes them). One row per version of a school's reconciliation of one period (a calendar month,
-- as the settlement run): DRAFT while the school's finance office enters its own figures, CONFIRMED
-- once it signs them off — then frozen (the trigger below); a later correction is a new version that
-- supersedes it, never an edit. At most one draft per school and period.
CREATE TABLE school_reconciliation (
    tenant_id      uuid NOT NULL REFERENCES tenant (id),
    id             uuid NOT NULL,
    school_id      uuid NOT NULL,
    period         text NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
    version        int NOT NULL CHECK (version > 0),
    status         text NOT NULL CHECK (status IN ('DRAFT', 'CONFIRMED')),
    supersedes_id  uuid,
    note           text CHECK (length(note) <= 2000),
    created_by     text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_by     text NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    confirmed_by   text,
    confirmed_at   timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, school_id, period, version),
    CHECK ((status = 'CONFIRMED') = (confirmed_by IS NOT NULL AND confirmed_at IS NOT NULL)),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id),
    FOREIGN KEY (tenant_id, supersedes_id) REFERENCES school_reconciliation (tenant_id, id)
);
CREATE UNIQUE INDEX school_reconciliation_one_draft ON school_reconciliation (tenant_id, school_id, period)
    WHERE status = 'DRAFT';

-- One line of a reconciliation: the platform's figure (frozen at confirmation; a draft shows the
-- live figure instead) and the school's own 台账 figure for it. Money in fen, counts as counts.
CREATE TABLE school_reconciliation_line (
    tenant_id          uuid NOT NULL REFERENCES tenant (id),
    reconciliation_id  uuid NOT NULL,
    code               text NOT NULL CHECK (length(code) BETWEEN 1 AND 100),
    line_no            int NOT NULL DEFAULT 0,
    unit               text NOT NULL CHECK (unit IN ('COUNT', 'FEN')),
    label              text NOT NULL CHECK (length(label) BETWEEN 1 AND 300),
    platform_value     bigint,
    school_value       bigint,
    PRIMARY KEY (tenant_id, reconciliation_id, code),
    FOREIGN KEY (tenant_id, reconciliation_id) REFERENCES school_reconciliation (tenant_id, id)
);

-- A confirmed reconciliation is what disclosure publishes: nothing changes it afterwards.
CREATE FUNCTION school_reconciliation_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'school_reconciliation' THEN
        IF OLD.status = 'CONFIRMED' THEN
            RAISE EXCEPTION 'reconciliation % is confirmed and cannot change', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF EXISTS (SELECT 1 FROM school_reconciliation r
               WHERE r.tenant_id = COALESCE(NEW.tenant_id, OLD.tenant_id)
                 AND r.id = COALESCE(NEW.reconciliation_id, OLD.reconciliation_id) AND r.status = 'CONFIRMED') THEN
        RAISE EXCEPTION 'reconciliation % is confirmed and cannot change', COALESCE(NEW.reconciliation_id, OLD.reconciliation_id)
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER school_reconciliation_frozen BEFORE UPDATE OR DELETE ON school_reconciliation
    FOR EACH ROW EXECUTE FUNCTION school_reconciliation_frozen();
CREATE TRIGGER school_reconciliation_line_frozen BEFORE INSERT OR UPDATE OR DELETE ON school_reconciliation_line
    FOR EACH ROW EXECUTE FUNCTION school_reconciliation_frozen();

SELECT kehou_isolate_tenant_table('school_reconciliation');
SELECT kehou_isolate_tenant_table('school_reconciliation_line');
REVOKE DELETE, TRUNCATE ON school_reconciliation FROM ${app_role};
REVOKE DELETE, TRUNCATE ON school_reconciliation_line FROM ${app_role};
