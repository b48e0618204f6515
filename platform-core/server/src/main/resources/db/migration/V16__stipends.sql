-- Teacher stipends (issue 12 §3): each month a school pays the people who ran its after-school
-- service for the periods they taught, counted on the normal class-period length (001 §五(二)4:
-- 计费时间必须以…正常课时为基础计算, never clock hours). School staff get a stipend (课后服务补助,
-- published in school and paid by bank card, 001); outside staff a labour fee (劳务费, 003 §八).

-- The school's rates per normal period, in fen, one for its own staff and one for outside staff.
CREATE TABLE stipend_rate (
    tenant_id                 uuid NOT NULL REFERENCES tenant (id),
    school_id                 uuid NOT NULL,
    stipend_fen_per_period    bigint NOT NULL CHECK (stipend_fen_per_period BETWEEN 1 AND 100000),
    labour_fee_fen_per_period bigint NOT NULL CHECK (labour_fee_fen_per_period BETWEEN 1 AND 100000),
    updated_by                text NOT NULL,
    updated_at                timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, school_id),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id)
);

-- Who a staff member is in the portal (their own stipends and certificate) and the bank card the
-- school pays into — only the bank's name and the card's last four digits, enough to match a row
-- of the bank's payroll file; the full number stays with the school's bank agreement.
CREATE TABLE stipend_payee (
    tenant_id      uuid NOT NULL REFERENCES tenant (id),
    staff_id       uuid NOT NULL,
    username       text CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    bank_name      text CHECK (length(bank_name) BETWEEN 1 AND 50),
    card_last4     text CHECK (card_last4 ~ '^[0-9]{4}$'),
    updated_by     text NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, staff_id),
    FOREIGN KEY (tenant_id, staff_id) REFERENCES staff_member (tenant_id, id),
    CHECK ((bank_name IS NULL) = (card_last4 IS NULL))
);
CREATE INDEX stipend_payee_user ON stipend_payee (tenant_id, username);

-- One run per school and month: a draft is replaced by each computation until it is published;
-- publication books it in the ledger (entry_id) and freezes it.
CREATE TABLE stipend_run (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    id            uuid NOT NULL,
    school_id     uuid NOT NULL,
    period        text NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
    status        text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    computed_by   text NOT NULL,
    computed_at   timestamptz NOT NULL,
    published_by  text,
    published_at  timestamptz,
    entry_id      uuid,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, school_id, period),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id),
    FOREIGN KEY (tenant_id, entry_id) REFERENCES journal_entry (tenant_id, id),
    CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL AND published_by IS NOT NULL))
);

-- One staff member's periods in one term within the run's month, with the rate and category used.
CREATE TABLE stipend_line (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    run_id          uuid NOT NULL,
    staff_id        uuid NOT NULL,
    term_id         uuid NOT NULL,
    staff_name      text NOT NULL,
    staff_kind      text NOT NULL,
    category        text NOT NULL CHECK (category IN ('STIPEND', 'LABOUR_FEE')),
    sessions        int NOT NULL CHECK (sessions >= 0),
    periods         int NOT NULL CHECK (periods >= 0),
    period_minutes  int NOT NULL CHECK (period_minutes BETWEEN 20 AND 60),
    rate_fen        bigint NOT NULL CHECK (rate_fen > 0),
    amount_fen      bigint NOT NULL CHECK (amount_fen = periods * rate_fen),
    PRIMARY KEY (tenant_id, run_id, staff_id, term_id),
    FOREIGN KEY (tenant_id, run_id) REFERENCES stipend_run (tenant_id, id),
    FOREIGN KEY (tenant_id, staff_id) REFERENCES staff_member (tenant_id, id),
    FOREIGN KEY (tenant_id, term_id) REFERENCES school_term (tenant_id, id)
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['stipend_rate', 'stipend_payee', 'stipend_run', 'stipend_line'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_rows ON %I USING (tenant_id = kehou_current_tenant())'
                       ' WITH CHECK (tenant_id = kehou_current_tenant())', t);
    END LOOP;
END $$;

-- A published run never changes: lines are only replaced while the run is a draft.
CREATE FUNCTION stipend_line_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM stipend_run r WHERE r.tenant_id = COALESCE(OLD.tenant_id, NEW.tenant_id)
               AND r.id = COALESCE(OLD.run_id, NEW.run_id) AND r.status = 'PUBLISHED') THEN
        RAISE EXCEPTION 'stipend run % is published', COALESCE(OLD.run_id, NEW.run_id);
    END IF;
    RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER stipend_line_frozen BEFORE INSERT OR UPDATE OR DELETE ON stipend_line
    FOR EACH ROW EXECUTE FUNCTION stipend_line_frozen();
REVOKE UPDATE, TRUNCATE ON stipend_line FROM ${app_role};
REVOKE DELETE, TRUNCATE ON stipend_run FROM ${app_role};
