-- Disclosure (公示), complaints (监督举报), satisfaction surveys and the parents' committee (issue 13).

-- Every publication a school or bureau makes public (a school's service guide, a term's ledger
-- summary, a service's agreement text, a provider's blacklisting): one row per version, never
-- changed except for the moment it is withdrawn. What was public on a day D is, per subject, the
-- newest version published by the end of D and not withdrawn by then.
CREATE TABLE disclosure_publication (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    id            uuid NOT NULL,
    school_id     uuid,
    kind          text NOT NULL CHECK (kind IN ('SERVICE_GUIDE', 'LEDGER_SUMMARY', 'AGREEMENT', 'BLACKLIST')),
    subject       text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    version       int NOT NULL CHECK (version >= 1),
    content       jsonb NOT NULL,
    published_at  timestamptz NOT NULL,
    published_by  text NOT NULL,
    withdrawn_at  timestamptz,
    withdrawn_by  text,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, kind, subject, version),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
);
CREATE INDEX disclosure_publication_asof ON disclosure_publication (tenant_id, kind, subject, published_at DESC);

-- A fee publication taken down (撤销公示): from withdrawn_at on it is off the public page and no
-- longer allows a new charge (FeePublications.requirePublished); charges made before stay.
CREATE TABLE fee_withdrawal (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    publication_id  uuid NOT NULL,
    reason          text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    withdrawn_at    timestamptz NOT NULL,
    withdrawn_by    text NOT NULL,
    PRIMARY KEY (tenant_id, publication_id),
    FOREIGN KEY (tenant_id, publication_id) REFERENCES fee_publication (tenant_id, id)
);

-- A complaint (监督举报) about a school, a service, a fee or a provider in a tenant, from a parent
-- (filed_by) or a member of the public (no login; name and phone optional).
CREATE TABLE complaint (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    id              uuid NOT NULL,
    school_id       uuid,
    about           text NOT NULL CHECK (about IN ('SCHOOL', 'SERVICE', 'FEE', 'PROVIDER')),
    subject         text CHECK (length(subject) <= 200),
    body            text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    filed_by        text,
    contact_name    text CHECK (length(contact_name) <= 50),
    contact_phone   text CHECK (contact_phone ~ '^[0-9+\- ]{5,20}$'),
    status          text NOT NULL CHECK (status IN ('RECEIVED', 'IN_PROGRESS', 'RESOLVED', 'REJECTED')),
    filed_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id)
);
CREATE INDEX complaint_school_status ON complaint (tenant_id, school_id, status);

-- Each step of a complaint: who moved it, when, to what, and why.
CREATE TABLE complaint_step (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    id            uuid NOT NULL,
    complaint_id  uuid NOT NULL,
    from_status   text,
    to_status     text NOT NULL,
    actor         text NOT NULL,
    note          text CHECK (length(note) <= 2000),
    at            timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, complaint_id) REFERENCES complaint (tenant_id, id)
);

-- A satisfaction survey (001) to the guardians of one service: a few 1–5 questions and a comment.
CREATE TABLE survey (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    id          uuid NOT NULL,
    school_id   uuid NOT NULL,
    service_id  uuid NOT NULL,
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    questions   jsonb NOT NULL,
    sent_by     text NOT NULL,
    sent_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id),
    FOREIGN KEY (tenant_id, service_id) REFERENCES school_service (tenant_id, id)
);

-- Who has answered (only to let each guardian answer once) ...
CREATE TABLE survey_respondent (
    tenant_id  uuid NOT NULL REFERENCES tenant (id),
    survey_id  uuid NOT NULL,
    username   text NOT NULL,
    PRIMARY KEY (tenant_id, survey_id, username),
    FOREIGN KEY (tenant_id, survey_id) REFERENCES survey (tenant_id, id)
);
-- ... and the answers, with no person and no time: nothing joins an answer to its respondent.
CREATE TABLE survey_answer (
    tenant_id  uuid NOT NULL REFERENCES tenant (id),
    id         uuid NOT NULL,
    survey_id  uuid NOT NULL,
    scores     int[] NOT NULL,
    comment    text CHECK (length(comment) <= 1000),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, survey_id) REFERENCES survey (tenant_id, id)
);

-- The parents' committee (家长委员会, 002) of a school: guardians who may read the school's ledger
-- summary and survey results.
CREATE TABLE parents_committee_member (
    tenant_id  uuid NOT NULL REFERENCES tenant (id),
    school_id  uuid NOT NULL,
    username   text NOT NULL,
    added_by   text NOT NULL,
    added_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, school_id, username),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id)
);

SELECT kehou_isolate_tenant_table('disclosure_publication');
SELECT kehou_isolate_tenant_table('fee_withdrawal');
SELECT kehou_isolate_tenant_table('complaint');
SELECT kehou_isolate_tenant_table('complaint_step');
SELECT kehou_isolate_tenant_table('survey');
SELECT kehou_isolate_tenant_table('survey_respondent');
SELECT kehou_isolate_tenant_table('survey_answer');
SELECT kehou_isolate_tenant_table('parents_committee_member');

REVOKE UPDATE, DELETE, TRUNCATE ON disclosure_publication, fee_withdrawal, complaint, complaint_step, survey,
    survey_respondent, survey_answer FROM ${app_role};
REVOKE UPDATE, TRUNCATE ON parents_committee_member FROM ${app_role};
-- The only changes in place: a publication is withdrawn once; a complaint moves through its states.
GRANT UPDATE (withdrawn_at, withdrawn_by) ON disclosure_publication TO ${app_role};
GRANT UPDATE (status) ON complaint TO ${app_role};
