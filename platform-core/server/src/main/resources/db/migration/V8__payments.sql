-- Payments: the fee publications (公示) a region requires before any charge, one order per family
-- and term with its priced lines, pro-rata adjustments (多退少补), payments and refunds through a
-- gateway, and every gateway notification exactly as it arrived. Amounts are fen; balances live in
-- the ledger (V6), which every movement here posts to.
--
-- Append-only unless a column grant below says otherwise: the server may correct nothing in
-- place. Payments, refunds and notifications change state only in the columns granted to it.

-- A tenant's merchant account at a payment gateway. The secret is never stored: secret_ref names
-- the config key kehou.payments.secret.<ref> that holds it (set from the environment in production).
CREATE TABLE payment_merchant (
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    gateway      text NOT NULL CHECK (gateway ~ '^[a-z0-9-]{1,40}$'),
    merchant_id  text NOT NULL CHECK (length(merchant_id) BETWEEN 1 AND 64),
    secret_ref   text NOT NULL CHECK (secret_ref ~ '^[a-z0-9][a-z0-9.-]{0,62}$'),
    updated_by   text NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id)
);

-- One publication of one service's fee item on one channel, as the region's plugin names the
-- channel (e.g. 004: 《新疆收费管理信息网》, published by the city price authority). What was
-- published is kept with it: item, amount, basis, legal basis, complaint phone.
CREATE TABLE fee_publication (
    tenant_id            uuid NOT NULL REFERENCES tenant (id),
    id                   uuid NOT NULL,
    school_id            uuid NOT NULL,
    service_id           uuid NOT NULL,
    channel              text NOT NULL CHECK (length(channel) BETWEEN 1 AND 200),
    items                text[] NOT NULL CHECK (cardinality(items) > 0),
    fee_item             text NOT NULL CHECK (length(fee_item) BETWEEN 1 AND 200),
    amount_fen           bigint NOT NULL CHECK (amount_fen >= 0),
    basis                text NOT NULL CHECK (length(basis) BETWEEN 1 AND 200),
    legal_basis          text CHECK (length(legal_basis) <= 500),
    complaint_phone      text CHECK (length(complaint_phone) <= 40),
    reference            text NOT NULL CHECK (length(reference) BETWEEN 1 AND 200),
    published_on         date NOT NULL,
    approving_authority  text NOT NULL CHECK (length(approving_authority) BETWEEN 1 AND 200),
    recorded_by          text NOT NULL,
    recorded_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id),
    FOREIGN KEY (tenant_id, service_id) REFERENCES school_service (tenant_id, id)
);
CREATE INDEX fee_publication_service ON fee_publication (tenant_id, service_id);

-- A session the school called off (weather, exams…): the families are refunded for it pro rata.
CREATE TABLE cancelled_session (
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    id           uuid NOT NULL,
    service_id   uuid NOT NULL,
    on_date      date NOT NULL,
    reason       text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    recorded_by  text NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, service_id, on_date),
    FOREIGN KEY (tenant_id, service_id) REFERENCES school_service (tenant_id, id)
);

-- One order per family (the applying guardian) per term and collecting account.
CREATE TABLE payment_order (
    tenant_id           uuid NOT NULL REFERENCES tenant (id),
    id                  uuid NOT NULL,
    payer               text NOT NULL,
    school_id           uuid NOT NULL,
    term_id             uuid NOT NULL,
    collecting_account  text NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, payer, term_id, collecting_account),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id),
    FOREIGN KEY (tenant_id, term_id) REFERENCES school_term (tenant_id, id)
);

-- One child's term of one service as the plugin priced it: price = charge + waived, the waivers
-- and reasons as the plugin gave them, the funds route, and the price split to its recipients.
CREATE TABLE order_line (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    id              uuid NOT NULL,
    order_id        uuid NOT NULL,
    application_id  uuid NOT NULL,
    service_id      uuid NOT NULL,
    child_id        uuid NOT NULL,
    kind            text NOT NULL,
    price_fen       bigint NOT NULL CHECK (price_fen >= 0),
    charge_fen      bigint NOT NULL CHECK (charge_fen >= 0),
    waived_fen      bigint NOT NULL CHECK (waived_fen >= 0),
    waivers         jsonb NOT NULL,
    reasons         jsonb NOT NULL,
    route           jsonb NOT NULL,
    payables        jsonb NOT NULL,
    sessions_total  int NOT NULL CHECK (sessions_total >= 0),
    plugin_id       text NOT NULL,
    plugin_version  text,
    priced_on       date NOT NULL,
    created_by      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, application_id),
    CHECK (price_fen = charge_fen + waived_fen),
    FOREIGN KEY (tenant_id, order_id) REFERENCES payment_order (tenant_id, id),
    FOREIGN KEY (tenant_id, application_id) REFERENCES enrollment_application (tenant_id, id),
    FOREIGN KEY (tenant_id, service_id) REFERENCES school_service (tenant_id, id),
    FOREIGN KEY (tenant_id, child_id) REFERENCES child (tenant_id, id)
);
CREATE INDEX order_line_order ON order_line (tenant_id, order_id);

-- Each re-settlement of a line after a withdrawal or cancelled sessions (多退少补): the sessions
-- counted, the state after it (what the family, each waiver bearer and each recipient now carry)
-- and the ledger entry that moved the difference.
CREATE TABLE order_adjustment (
    tenant_id           uuid NOT NULL REFERENCES tenant (id),
    id                  uuid NOT NULL,
    line_id             uuid NOT NULL,
    seq                 int NOT NULL CHECK (seq > 0),
    cause               text NOT NULL CHECK (cause IN ('WITHDRAWAL', 'SESSIONS_CANCELLED')),
    sessions_total      int NOT NULL,
    sessions_delivered  int NOT NULL,
    family_due_fen      bigint NOT NULL CHECK (family_due_fen >= 0),
    family_credit_fen   bigint NOT NULL,
    refund_fen          bigint NOT NULL CHECK (refund_fen >= 0),
    waivers_due         jsonb NOT NULL,
    payables            jsonb NOT NULL,
    entry_key           text,
    created_by          text NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, line_id, seq),
    FOREIGN KEY (tenant_id, line_id) REFERENCES order_line (tenant_id, id)
);

CREATE TABLE payment (
    tenant_id        uuid NOT NULL REFERENCES tenant (id),
    id               uuid NOT NULL,
    order_id         uuid NOT NULL,
    gateway          text NOT NULL,
    out_trade_no     text NOT NULL,
    amount_fen       bigint NOT NULL CHECK (amount_fen > 0),
    status           text NOT NULL CHECK (status IN ('CREATED', 'SUCCEEDED', 'FAILED', 'CLOSED')),
    transaction_id   text,
    pay_url          text,
    created_by       text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    settled_at       timestamptz,
    settled_by       text,
    last_checked_at  timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, gateway, out_trade_no),
    FOREIGN KEY (tenant_id, order_id) REFERENCES payment_order (tenant_id, id)
);
CREATE INDEX payment_open ON payment (tenant_id, status, created_at);
-- At most one payment in flight per order.
CREATE UNIQUE INDEX payment_one_open ON payment (tenant_id, order_id) WHERE status = 'CREATED';

-- Which lines a captured payment paid, and how much of each.
CREATE TABLE payment_allocation (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    payment_id  uuid NOT NULL,
    line_id     uuid NOT NULL,
    amount_fen  bigint NOT NULL CHECK (amount_fen > 0),
    PRIMARY KEY (tenant_id, payment_id, line_id),
    FOREIGN KEY (tenant_id, payment_id) REFERENCES payment (tenant_id, id),
    FOREIGN KEY (tenant_id, line_id) REFERENCES order_line (tenant_id, id)
);

CREATE TABLE payment_refund (
    tenant_id           uuid NOT NULL REFERENCES tenant (id),
    id                  uuid NOT NULL,
    order_id            uuid NOT NULL,
    payment_id          uuid NOT NULL,
    gateway             text NOT NULL,
    out_refund_no       text NOT NULL,
    amount_fen          bigint NOT NULL CHECK (amount_fen > 0),
    collecting_account  text NOT NULL,
    status              text NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    refund_id           text,
    submitted_at        timestamptz,
    settled_at          timestamptz,
    settled_by          text,
    failure             text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, gateway, out_refund_no),
    FOREIGN KEY (tenant_id, order_id) REFERENCES payment_order (tenant_id, id),
    FOREIGN KEY (tenant_id, payment_id) REFERENCES payment (tenant_id, id)
);

-- Every notification a gateway delivered, stored before it is verified or applied. event_key is
-- the gateway's transaction (or refund) id it claims; only one notification per key is ever
-- APPLIED — replays are DUPLICATE, forgeries REJECTED with the reason.
CREATE TABLE gateway_notification (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    id            uuid NOT NULL,
    gateway       text NOT NULL,
    event_key     text,
    event_type    text,
    out_trade_no  text,
    amount_fen    bigint,
    body          text NOT NULL,
    signature     text,
    headers       jsonb NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    verdict       text NOT NULL DEFAULT 'RECEIVED' CHECK (verdict IN ('RECEIVED', 'APPLIED', 'DUPLICATE', 'REJECTED')),
    reason        text,
    decided_at    timestamptz,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX gateway_notification_applied_once ON gateway_notification (tenant_id, gateway, event_type, event_key)
    WHERE verdict = 'APPLIED';
CREATE INDEX gateway_notification_key ON gateway_notification (tenant_id, gateway, event_key);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['payment_merchant', 'fee_publication', 'cancelled_session', 'payment_order', 'order_line',
                             'order_adjustment', 'payment', 'payment_allocation', 'payment_refund', 'gateway_notification'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_rows ON %I USING (tenant_id = kehou_current_tenant())'
                       ' WITH CHECK (tenant_id = kehou_current_tenant())', t);
        EXECUTE format('CREATE POLICY bureau_reads_descendants ON %I FOR SELECT USING (kehou_reads_subtree()'
                       ' AND tenant_id IN (SELECT descendant_id FROM tenant_closure WHERE ancestor_id = kehou_current_tenant()))', t);
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM ${app_role}', t);
    END LOOP;
END $$;

-- The only changes in place the server may make: a merchant account is replaced; a payment, a
-- refund and a notification move through their states.
GRANT UPDATE (gateway, merchant_id, secret_ref, updated_by, updated_at) ON payment_merchant TO ${app_role};
GRANT UPDATE (status, transaction_id, pay_url, settled_at, settled_by, last_checked_at) ON payment TO ${app_role};
GRANT UPDATE (status, refund_id, submitted_at, settled_at, settled_by, failure) ON payment_refund TO ${app_role};
GRANT UPDATE (verdict, reason, decided_at) ON gateway_notification TO ${app_role};
