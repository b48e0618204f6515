-- Every regulator report the platform generated (issue 13): who asked, when, for which tenant,
-- report and period, in which file format, from which plugin version, and the SHA-256 of the
-- file handed out — so a filed report can be matched to its audit row and regenerated later
-- (same inputs give the same rows). Append-only for the server.
CREATE TABLE report_run (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    id              uuid NOT NULL,
    report_code     text NOT NULL CHECK (length(report_code) BETWEEN 1 AND 100),
    -- set when a school's own staff built a published report for their school alone
    school_id       uuid,
    period_from     date NOT NULL,
    period_to       date NOT NULL CHECK (period_to >= period_from),
    format          text NOT NULL CHECK (format IN ('CSV', 'XLSX', 'PDF')),
    row_count       int NOT NULL CHECK (row_count >= 0),
    rows_sha256     text NOT NULL CHECK (rows_sha256 ~ '^[0-9a-f]{64}$'),
    file_sha256     text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    plugin_id       text NOT NULL,
    plugin_version  text,
    generated_by    text NOT NULL,
    generated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id)
);
CREATE INDEX report_run_code ON report_run (tenant_id, report_code, generated_at);
SELECT kehou_isolate_tenant_table('report_run');
REVOKE UPDATE, DELETE, TRUNCATE ON report_run FROM ${app_role};
