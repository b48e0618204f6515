-- Billing and settlement at province scale (issue 12, billing benchmark): reads that were scans of
-- the whole tenant per service, per school or per recipient, and so grew with the square of the
-- enrollments.

-- Which applications of a service are billed; a provider's lines per service.
CREATE INDEX order_line_service ON order_line (tenant_id, service_id);
-- A school's orders, then what was paid on each line (the school's basic-care income).
CREATE INDEX payment_order_school ON payment_order (tenant_id, school_id);
CREATE INDEX payment_allocation_line ON payment_allocation (tenant_id, line_id);
-- An account's balance read from the index alone (the collecting account carries a line per payment).
CREATE INDEX journal_line_account_amounts ON journal_line (tenant_id, account_code) INCLUDE (debit_fen, credit_fen);
DROP INDEX journal_line_account;
