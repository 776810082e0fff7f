-- Career vouchers (loopbaancheques): mandated centres, sites, coaches, vouchers, sessions, payments, quality.

-- A mandated career centre is an organisation (identity) of kind CAREER_CENTRE; this is its scheme profile.
create table vc_centre (
    organisation_id    uuid primary key references organisation,
    enterprise_number  text not null,
    vat_liable         boolean not null default true,
    languages          text[] not null default '{nl}',
    e_coaching         boolean not null default false,
    target_groups      text[] not null default '{}',
    methodologies      text[] not null default '{}',
    profile            text not null default '',
    website            text,
    stimulus_opt_in    boolean not null default false,
    passive            boolean not null default false,
    search_text        tsvector generated always as (to_tsvector('dutch', profile)) stored
);
create index vc_centre_search_idx on vc_centre using gin (search_text);

create table vc_mandate (
    id                   uuid primary key,
    organisation_id      uuid not null references organisation,
    enterprise_number    text not null,
    status               text not null,   -- APPLIED, APPROVED, REFUSED, SUSPENDED, REVOKED, EXPIRED
    quality_certificate  text not null,
    experience_years     numeric(4,1) not null,
    vision               text not null,
    coach_follow_up      text not null,
    stimulus_opt_in      boolean not null default false,
    applied_on           date not null,
    decided_on           date,
    decided_by           text,
    valid_from           date,
    valid_until          date,
    reason               text
);
create index vc_mandate_org_idx on vc_mandate (organisation_id);

create table vc_site (
    id                uuid primary key,
    organisation_id   uuid not null references organisation,
    name              text not null,
    street            text not null default '',
    municipality_nis  char(5) not null references municipality,
    latitude          double precision not null,
    longitude         double precision not null,
    head_office       boolean not null default false,
    wheelchair_access boolean not null default true
);
create index vc_site_org_idx on vc_site (organisation_id);

create table vc_coach (
    id             uuid primary key,
    name           text not null,
    profile        text not null default '',
    languages      text[] not null default '{nl}',
    e_coaching     boolean not null default false,
    search_text    tsvector generated always as (to_tsvector('dutch', name || ' ' || profile)) stored
);
create index vc_coach_search_idx on vc_coach using gin (search_text);
-- a subcontractor may work for several centres
create table vc_coach_centre (
    coach_id         uuid not null references vc_coach,
    organisation_id  uuid not null references organisation,
    kind             text not null,   -- EMPLOYEE, SUBCONTRACTOR, MANAGER
    primary key (coach_id, organisation_id)
);
create index vc_coach_centre_org_idx on vc_coach_centre (organisation_id);

create table vc_voucher (
    id                   uuid primary key,
    code                 text not null unique,
    person_id            uuid not null references person,
    package_start        date not null,
    number_in_package    int not null check (number_in_package in (1, 2)),
    requested_on         date not null,
    valid_until          date not null,
    hours                int not null check (hours between 1 and 8),
    rules_version        date not null,
    contribution         numeric(12,2) not null,
    contribution_paid_at timestamptz,
    payment_reference    text,
    status               text not null,   -- AWAITING_PAYMENT, ISSUED, IN_GUIDANCE, CLOSED, LAPSED, CANCELLED
    centre_id            uuid references organisation,
    taken_over_on        date,
    themes               text[] not null default '{}',
    career_question      text,
    agreement_present    boolean not null default false,
    attendance_present   boolean not null default false,
    pop_present          boolean not null default false,
    synthesis_on         date,
    aftercare_on         date,
    employer_name        text,
    sector               text,
    request_key          text unique,
    created_at           timestamptz not null default now()
);
create index vc_voucher_person_idx on vc_voucher (person_id);
create index vc_voucher_centre_idx on vc_voucher (centre_id);
create index vc_voucher_requested_idx on vc_voucher (requested_on);

create table vc_session (
    id               uuid primary key,
    voucher_id       uuid not null references vc_voucher,
    centre_id        uuid not null references organisation,
    coach_id         uuid references vc_coach,
    session_date     date not null,
    start_time       time,
    half_hours       int not null check (half_hours between 1 and 16),
    mode             text not null,   -- FACE_TO_FACE, E_COACHING
    idempotency_key  text not null unique,
    registered_by    text not null,
    registered_at    timestamptz not null default now(),
    payment_run_id   uuid
);
create index vc_session_voucher_idx on vc_session (voucher_id);
create index vc_session_unpaid_idx on vc_session (centre_id) where payment_run_id is null;

create table vc_payment_run (
    id               uuid primary key,
    run_key          text not null unique,
    performed_until  date not null,
    created_at       timestamptz not null default now(),
    created_by       text not null
);
create table vc_payment_line (
    run_id          uuid not null references vc_payment_run,
    centre_id       uuid not null references organisation,
    voucher_id      uuid not null references vc_voucher,
    half_hours      int not null,
    amount_excl_vat numeric(12,2) not null,
    vat             numeric(12,2) not null,
    amount_incl_vat numeric(12,2) not null,
    contribution    numeric(12,2) not null,
    primary key (run_id, voucher_id)
);
create table vc_recovery (
    id            uuid primary key,
    centre_id     uuid not null references organisation,
    voucher_id    uuid references vc_voucher,
    amount        numeric(12,2) not null,
    reason        text not null,
    created_at    timestamptz not null default now(),
    settled_in_run uuid references vc_payment_run
);

create table vc_survey (
    voucher_id     uuid primary key references vc_voucher,
    scores         int[] not null check (array_length(scores, 1) = 11),
    question_answered boolean not null,
    what_was_good  text,
    what_better    text,
    suggestions    text,
    submitted_on   date not null
);

create table vc_complaint (
    id             uuid primary key,
    voucher_id     uuid not null references vc_voucher,
    person_id      uuid not null references person,
    centre_id      uuid references organisation,
    category       text not null,   -- ALLOCATION, CONTENT
    concerns_date  date not null,
    filed_on       date not null,
    description    text not null,
    admissible     boolean not null,
    status         text not null,   -- RECEIVED, INADMISSIBLE, DECIDED
    outcome        text,            -- UNFOUNDED, PARTLY_FOUNDED, FOUNDED
    remedy         text,            -- ALTERNATIVE_GUIDANCE, NEW_VOUCHER, REFUND_AND_RECOVERY
    decision_note  text,
    decided_on     date,
    decided_by     text
);

create table vc_dossier_control (
    id             uuid primary key,
    centre_id      uuid not null references organisation,
    drawn_on       date not null,
    drawn_by       text not null
);
create table vc_dossier_control_item (
    control_id          uuid not null references vc_dossier_control,
    voucher_id          uuid not null references vc_voucher,
    agreement_ok        boolean,
    pop_ok              boolean,
    hours_ok            boolean,
    primary key (control_id, voucher_id)
);

create table vc_misuse_case (
    id             uuid primary key,
    centre_id      uuid not null references organisation,
    pattern        text not null,
    score          numeric(6,2) not null,
    explanation    text not null,
    detected_on    date not null,
    status         text not null,   -- OPEN, INVESTIGATING, FOUNDED, UNFOUNDED
    case_key       text not null unique
);
create table vc_sanction (
    id              uuid primary key,
    centre_id       uuid not null references organisation,
    misuse_case_id  uuid references vc_misuse_case,
    kind            text not null,   -- PAYMENT_REDUCTION, RECOVERY, MANDATE_SUSPENSION, MANDATE_REVOCATION
    amount          numeric(12,2),
    motivation      text not null,
    proposed_on     date not null,
    defence_until   date not null,
    defence         text,
    status          text not null,   -- PROPOSED, FINAL, WITHDRAWN
    final_on        date
);
