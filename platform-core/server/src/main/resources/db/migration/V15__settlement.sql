-- Settlement runs (issue 12 §2): once a period (a calendar month), each school is paid its
-- basic-care income in full (000) and each provider its contracted price for the lessons it
-- actually delivered. One row per (period, recipient) with the ledger entry that moved the money;
-- the row is the payout file's source and the guard that a second run writes nothing.
CREATE TABLE settlement_payout (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    period          text NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
    recipient_id    uuid NOT NULL,
    recipient_kind  text NOT NULL CHECK (recipient_kind IN ('SCHOOL', 'PROVIDER')),
    recipient_name  text NOT NULL CHECK (length(recipient_name) BETWEEN 1 AND 200),
    school_id       uuid,
    lessons         int NOT NULL CHECK (lessons >= 0),
    due_fen         bigint NOT NULL CHECK (due_fen >= 0),
    amount_fen      bigint NOT NULL CHECK (amount_fen > 0 AND amount_fen <= due_fen),
    entry_key       text NOT NULL,
    entry_id        uuid NOT NULL,
    created_by      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, period, recipient_id),
    UNIQUE (tenant_id, entry_key),
    FOREIGN KEY (tenant_id, entry_id) REFERENCES journal_entry (tenant_id, id),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id)
);

ALTER TABLE settlement_payout ENABLE ROW LEVEL SECURITY;
ALTER TABLE settlement_payout FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON settlement_payout USING (tenant_id = kehou_current_tenant())
    WITH CHECK (tenant_id = kehou_current_tenant());
CREATE POLICY bureau_reads_descendants ON settlement_payout FOR SELECT USING (kehou_reads_subtree()
    AND tenant_id IN (SELECT descendant_id FROM tenant_closure WHERE ancestor_id = kehou_current_tenant()));
REVOKE UPDATE, DELETE, TRUNCATE ON settlement_payout FROM ${app_role};
