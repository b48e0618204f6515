-- Notices: a small inbox per user in a tenant. Any feature sends one (Notices.send); the recipient
-- reads them on their home page and through GET /api/t/{tenant}/me/notices. A notice is never
-- changed except for the moment it was read, and never deleted by the server.
CREATE TABLE notice (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    id          uuid NOT NULL,
    recipient   text NOT NULL CHECK (length(recipient) BETWEEN 1 AND 100),
    kind        text NOT NULL CHECK (kind ~ '^[A-Z][A-Z0-9_]{0,39}$'),
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body        text NOT NULL CHECK (length(body) <= 2000),
    link        text CHECK (length(link) <= 500),
    school_id   uuid,
    -- The same event raised twice (a job's retry) reaches each recipient once.
    dedupe_key  text CHECK (length(dedupe_key) <= 200),
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, recipient, dedupe_key),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id)
);
CREATE INDEX notice_inbox ON notice (tenant_id, recipient, created_at DESC);

ALTER TABLE notice ENABLE ROW LEVEL SECURITY;
ALTER TABLE notice FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON notice USING (tenant_id = kehou_current_tenant())
    WITH CHECK (tenant_id = kehou_current_tenant());
REVOKE UPDATE, DELETE, TRUNCATE ON notice FROM ${app_role};
GRANT UPDATE (read_at) ON notice TO ${app_role};
