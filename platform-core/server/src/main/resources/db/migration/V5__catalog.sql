-- Catalog: the providers (机构) the platform knows and each bureau's vetting of them, the people who
-- take part and their vetting, a school's terms and its plan (一校一案), the services it offers
-- (checked by the region's plugin when saved), noon care (meals, nap rooms and who naps where) and
-- weekend opening of facilities.

-- ---------------------------------------------------------------- global: the provider registry
-- A provider may serve schools in several tenants, so the record itself (licence, off-campus price
-- list) is platform-wide. Whether it may work somewhere is a tenant-owned approval (below): being
-- approved by one bureau says nothing in another.
CREATE TABLE provider (
    id               uuid PRIMARY KEY,
    code             varchar(63) NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name_zh          text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 200),
    name_en          text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    licence_no       text NOT NULL CHECK (length(licence_no) BETWEEN 1 AND 100),
    licence_valid_to date,
    -- Third parties may offer only non-academic (非学科类) courses: a register of anything else is refused.
    non_academic     boolean NOT NULL CHECK (non_academic),
    registered_by    text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE provider IS 'global: third-party providers, approved per tenant in provider_approval';

-- The provider's own courses with their off-campus price (校外同质培训收费, per student per term):
-- 000 §六(一)2 compares the in-school price with it; the platform recommends these to schools.
CREATE TABLE provider_course (
    id              uuid PRIMARY KEY,
    provider_id     uuid NOT NULL REFERENCES provider (id),
    title_zh        text NOT NULL CHECK (length(title_zh) BETWEEN 1 AND 200),
    tags            text[] NOT NULL,
    grade_from      int NOT NULL CHECK (grade_from BETWEEN 1 AND 9),
    grade_to        int NOT NULL CHECK (grade_to BETWEEN 1 AND 9 AND grade_to >= grade_from),
    days            text[] NOT NULL,
    off_campus_fen  bigint NOT NULL CHECK (off_campus_fen > 0),
    created_by      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX provider_course_provider ON provider_course (provider_id);
COMMENT ON TABLE provider_course IS 'global: a provider''s own course list and off-campus prices';
REVOKE DELETE ON provider, provider_course FROM ${app_role};

-- ---------------------------------------------------------------- tenant-owned
-- A bureau's approval of a provider for its area: scope (service kinds) and validity, and a
-- suspension or blacklisting with its reason and date. A school may use a provider approved by its
-- own bureau or one above it, unless any of them suspended or blacklisted it.
CREATE TABLE provider_approval (
    tenant_id      uuid NOT NULL REFERENCES tenant (id),
    id             uuid NOT NULL,
    provider_id    uuid NOT NULL REFERENCES provider (id),
    scope          text[] NOT NULL,
    valid_from     date NOT NULL,
    valid_to       date NOT NULL CHECK (valid_to >= valid_from),
    status         text NOT NULL CHECK (status IN ('APPROVED', 'SUSPENDED', 'BLACKLISTED')),
    status_reason  text,
    status_on      date NOT NULL,
    decided_by     text NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, provider_id),
    CHECK (status = 'APPROVED' OR COALESCE(length(status_reason), 0) > 0)
);

-- Everyone who takes part (school staff, retired teachers, volunteers, provider staff), registered
-- for one school with its bureau and vetted (师德, 不良记录, health, qualification) before being assigned.
CREATE TABLE staff_member (
    tenant_id         uuid NOT NULL REFERENCES tenant (id),
    id                uuid NOT NULL,
    school_id         uuid NOT NULL,
    name_zh           text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 50),
    kind              text NOT NULL CHECK (kind IN ('SCHOOL_STAFF', 'RETIRED_TEACHER', 'VOLUNTEER', 'PROVIDER_STAFF')),
    provider_id       uuid REFERENCES provider (id),
    qualification     text,
    status            text NOT NULL CHECK (status IN ('REGISTERED', 'APPROVED', 'REFUSED', 'WITHDRAWN')),
    ethics_ok         boolean,
    record_check_ok   boolean,
    health_ok         boolean,
    qualification_ok  boolean,
    vetted_on         date,
    valid_to          date,
    vetted_by         text,
    status_reason     text,
    registered_by     text NOT NULL,
    registered_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id),
    CHECK ((kind = 'PROVIDER_STAFF') = (provider_id IS NOT NULL)),
    CHECK (status <> 'APPROVED' OR COALESCE(ethics_ok AND record_check_ok AND health_ok AND qualification_ok
                                             AND valid_to >= vetted_on, false))
);
CREATE INDEX staff_member_school ON staff_member (tenant_id, school_id);

-- A school's term: dates, holidays, normal dismissal and class-period length.
CREATE TABLE school_term (
    tenant_id         uuid NOT NULL REFERENCES tenant (id),
    id                uuid NOT NULL,
    school_id         uuid NOT NULL,
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    starts_on         date NOT NULL,
    ends_on           date NOT NULL CHECK (ends_on > starts_on),
    holidays          jsonb NOT NULL DEFAULT '[]'::jsonb,
    normal_dismissal  time NOT NULL,
    period_minutes    int NOT NULL CHECK (period_minutes BETWEEN 20 AND 60),
    created_by        text NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, school_id, name),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id)
);

-- One school, one plan (一校一案) per term, filed with or approved by the bureau.
CREATE TABLE service_plan (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    term_id       uuid NOT NULL,
    school_id     uuid NOT NULL,
    organisation  text NOT NULL,
    content       text NOT NULL,
    times         text NOT NULL,
    venues        text NOT NULL,
    staffing      text NOT NULL,
    safeguards    text NOT NULL,
    timetable     text NOT NULL,
    status        text NOT NULL CHECK (status IN ('DRAFT', 'FILED', 'APPROVED', 'RETURNED')),
    filed_on      date,
    decided_on    date,
    decided_by    text,
    review_note   text,
    updated_by    text NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, term_id),
    FOREIGN KEY (tenant_id, term_id) REFERENCES school_term (tenant_id, id),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id),
    CHECK (status = 'DRAFT' OR filed_on IS NOT NULL),
    CHECK (status NOT IN ('APPROVED', 'RETURNED') OR decided_on IS NOT NULL)
);

-- A service a school offers in a term: basic care, a quality course (by the school or a vetted
-- provider), noon care, extended care, evening self-study, holiday care, free tutoring. Its window
-- and fee were allowed by the region's plugin when saved.
CREATE TABLE school_service (
    tenant_id              uuid NOT NULL REFERENCES tenant (id),
    id                     uuid NOT NULL,
    school_id              uuid NOT NULL,
    term_id                uuid NOT NULL,
    kind                   text NOT NULL CHECK (kind IN ('BASIC_CARE', 'QUALITY_COURSE', 'NOON_CARE', 'EXTENDED_CARE',
                               'EVENING_SELF_STUDY', 'HOLIDAY_CARE', 'FREE_TUTORING')),
    title_zh               text NOT NULL CHECK (length(title_zh) BETWEEN 1 AND 200),
    tags                   text[] NOT NULL,
    grade_from             int NOT NULL CHECK (grade_from BETWEEN 1 AND 9),
    grade_to               int NOT NULL CHECK (grade_to BETWEEN 1 AND 9 AND grade_to >= grade_from),
    content_by_grade       jsonb NOT NULL DEFAULT '{}'::jsonb,
    days                   text[] NOT NULL,
    start_time             time NOT NULL,
    end_time               time NOT NULL CHECK (end_time > start_time),
    valid_from             date NOT NULL,
    valid_to               date NOT NULL CHECK (valid_to >= valid_from),
    capacity               int NOT NULL CHECK (capacity > 0),
    fee_fen                bigint NOT NULL CHECK (fee_fen >= 0),
    fee_costed_on          date,
    venue                  text NOT NULL CHECK (length(venue) BETWEEN 1 AND 200),
    provider_id            uuid REFERENCES provider (id),
    provider_course_id     uuid REFERENCES provider_course (id),
    signup_from            date,
    signup_to              date,
    admits_village_pupils  boolean NOT NULL DEFAULT false,
    enrollment_open        boolean NOT NULL DEFAULT false,
    enrollment_opened_at   timestamptz,
    created_by             text NOT NULL,
    created_at             timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id),
    FOREIGN KEY (tenant_id, term_id) REFERENCES school_term (tenant_id, id),
    CHECK ((provider_id IS NULL) = (provider_course_id IS NULL)),
    CHECK ((signup_from IS NULL) = (signup_to IS NULL) AND (signup_to IS NULL OR signup_to >= signup_from))
);
CREATE INDEX school_service_school ON school_service (tenant_id, school_id, term_id);

-- Who runs a service: only vetted staff; withdrawal or expiry of their vetting removes the row.
CREATE TABLE service_staff (
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    id           uuid NOT NULL,
    service_id   uuid NOT NULL,
    staff_id     uuid NOT NULL,
    assigned_by  text NOT NULL,
    assigned_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, service_id, staff_id),
    FOREIGN KEY (tenant_id, service_id) REFERENCES school_service (tenant_id, id),
    FOREIGN KEY (tenant_id, staff_id) REFERENCES staff_member (tenant_id, id)
);

-- 000 §六(一)2: a third party's in-school price is set by competitive bidding; each round's
-- winning price for a provider course, checked by the plugin against the off-campus price.
CREATE TABLE provider_bid (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    id            uuid NOT NULL,
    service_id    uuid NOT NULL,
    round         text NOT NULL CHECK (length(round) BETWEEN 1 AND 100),
    winning_fen   bigint NOT NULL CHECK (winning_fen >= 0),
    awarded_on    date NOT NULL,
    recorded_by   text NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, service_id) REFERENCES school_service (tenant_id, id)
);

-- Meals at school (noon care): which meal, from where (with the canteen's food-safety licence),
-- the price, and who pays as the region's plugin says.
CREATE TABLE meal_plan (
    tenant_id              uuid NOT NULL REFERENCES tenant (id),
    id                     uuid NOT NULL,
    school_id              uuid NOT NULL,
    term_id                uuid NOT NULL,
    meal                   text NOT NULL CHECK (meal IN ('BREAKFAST', 'LUNCH', 'DINNER')),
    source                 text NOT NULL CHECK (source IN ('SCHOOL_CANTEEN', 'CENTRAL_DELIVERY')),
    canteen_name           text NOT NULL CHECK (length(canteen_name) BETWEEN 1 AND 200),
    food_licence_no        text NOT NULL CHECK (length(food_licence_no) BETWEEN 1 AND 100),
    food_licence_valid_to  date NOT NULL,
    price_fen              bigint NOT NULL CHECK (price_fen >= 0),
    payer                  text NOT NULL CHECK (payer IN ('PARENTS', 'SCHOOL', 'GOVERNMENT')),
    citation               text NOT NULL,
    created_by             text NOT NULL,
    created_at             timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, term_id, meal),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id),
    FOREIGN KEY (tenant_id, term_id) REFERENCES school_term (tenant_id, id)
);

-- Places children nap in (午休): the school's own ranking, 1 = best.
CREATE TABLE nap_room (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    id          uuid NOT NULL,
    school_id   uuid NOT NULL,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    kind        text NOT NULL CHECK (kind IN ('DORMITORY', 'CLASSROOM', 'LIBRARY', 'READING_ROOM', 'MULTIPURPOSE_ROOM', 'GYM', 'OTHER')),
    capacity    int NOT NULL CHECK (capacity >= 0),
    rank        int NOT NULL CHECK (rank >= 1),
    fire_safe   boolean NOT NULL,
    created_by  text NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, school_id, name),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id)
);

-- Who naps where in one noon-care service, as the plugin assigned it (a re-run replaces it).
CREATE TABLE nap_assignment (
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    id           uuid NOT NULL,
    service_id   uuid NOT NULL,
    child_id     uuid NOT NULL,
    room_id      uuid,
    reason_code  text,
    reason_zh    text,
    citation     text,
    assigned_by  text NOT NULL,
    assigned_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, service_id, child_id),
    FOREIGN KEY (tenant_id, service_id) REFERENCES school_service (tenant_id, id),
    FOREIGN KEY (tenant_id, child_id) REFERENCES child (tenant_id, id),
    FOREIGN KEY (tenant_id, room_id) REFERENCES nap_room (tenant_id, id),
    CHECK (room_id IS NOT NULL OR reason_code IS NOT NULL)
);

-- Facilities opened at weekends and in holidays (library, reading room, playground; 002), published
-- as a schedule.
CREATE TABLE facility_opening (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    id          uuid NOT NULL,
    school_id   uuid NOT NULL,
    facility    text NOT NULL CHECK (facility IN ('LIBRARY', 'READING_ROOM', 'PLAYGROUND', 'GYM', 'OTHER')),
    name_zh     text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 100),
    days        text[] NOT NULL,
    start_time  time NOT NULL,
    end_time    time NOT NULL CHECK (end_time > start_time),
    valid_from  date NOT NULL,
    valid_to    date NOT NULL CHECK (valid_to >= valid_from),
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, school_id) REFERENCES school (tenant_id, id)
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['provider_approval', 'staff_member', 'school_term', 'service_plan', 'school_service',
                             'service_staff', 'provider_bid', 'meal_plan', 'nap_room', 'nap_assignment',
                             'facility_opening'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_rows ON %I USING (tenant_id = kehou_current_tenant())'
                       ' WITH CHECK (tenant_id = kehou_current_tenant())', t);
        EXECUTE format('CREATE POLICY bureau_reads_descendants ON %I FOR SELECT USING (kehou_reads_subtree()'
                       ' AND tenant_id IN (SELECT descendant_id FROM tenant_closure WHERE ancestor_id = kehou_current_tenant()))', t);
    END LOOP;
END $$;

-- A district's schools use the providers its city (or province) approved, and are bound by the
-- city's suspensions and blacklist: approvals are readable down the tree, never across it.
CREATE POLICY area_reads_ancestors ON provider_approval FOR SELECT
    USING (tenant_id IN (SELECT ancestor_id FROM tenant_closure WHERE descendant_id = kehou_current_tenant()));

-- A bid is evidence of how a price was set: kept, never rewritten.
REVOKE UPDATE, DELETE ON provider_bid FROM ${app_role};
