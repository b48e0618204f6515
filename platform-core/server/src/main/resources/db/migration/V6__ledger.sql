-- Double-entry ledger, per tenant, in fen. Append-only for the server: it may insert and read,
-- never update or delete (corrections are reversing entries). Every entry balances — checked by
-- the service and, at commit, by a deferred constraint trigger, so not even raw SQL can leave an
-- unbalanced entry behind.

CREATE TABLE ledger_account (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    code        text NOT NULL CHECK (code ~ '^[A-Z_]+(:[A-Za-z0-9._-]+)?$'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, code)
);

CREATE TABLE journal_entry (
    tenant_id        uuid NOT NULL REFERENCES tenant (id),
    id               uuid NOT NULL,
    idempotency_key  text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    cause_type       text NOT NULL,
    cause_id         text NOT NULL,
    memo             text,
    content_sha256   text NOT NULL,
    reverses_id      uuid,
    posted_by        text NOT NULL,
    posted_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, idempotency_key),
    FOREIGN KEY (tenant_id, reverses_id) REFERENCES journal_entry (tenant_id, id)
);

CREATE TABLE journal_line (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    entry_id      uuid NOT NULL,
    line_no       int  NOT NULL,
    account_code  text NOT NULL,
    debit_fen     bigint NOT NULL CHECK (debit_fen >= 0),
    credit_fen    bigint NOT NULL CHECK (credit_fen >= 0),
    PRIMARY KEY (tenant_id, entry_id, line_no),
    FOREIGN KEY (tenant_id, entry_id) REFERENCES journal_entry (tenant_id, id),
    FOREIGN KEY (tenant_id, account_code) REFERENCES ledger_account (tenant_id, code),
    CHECK ((debit_fen > 0) <> (credit_fen > 0))
);
CREATE INDEX journal_line_account ON journal_line (tenant_id, account_code);

CREATE FUNCTION kehou_entry_balances() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT COALESCE(sum(debit_fen - credit_fen), 0) FROM journal_line
        WHERE tenant_id = NEW.tenant_id AND entry_id = NEW.entry_id) <> 0 THEN
        RAISE EXCEPTION 'journal entry % does not balance', NEW.entry_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER journal_entry_balances AFTER INSERT ON journal_line
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION kehou_entry_balances();

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['ledger_account', 'journal_entry', 'journal_line'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_rows ON %I USING (tenant_id = kehou_current_tenant())'
                       ' WITH CHECK (tenant_id = kehou_current_tenant())', t);
        EXECUTE format('CREATE POLICY bureau_reads_descendants ON %I FOR SELECT USING (kehou_reads_subtree()'
                       ' AND tenant_id IN (SELECT descendant_id FROM tenant_closure WHERE ancestor_id = kehou_current_tenant()))', t);
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM ${app_role}', t);
    END LOOP;
END $$;
