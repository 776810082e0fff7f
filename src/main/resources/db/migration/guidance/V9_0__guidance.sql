-- Guidance 2027: catalogue, contracts, sites with capacity, assessments, choice and assignment, trajectories,
-- actions and outputs, result fees, payment runs.

create table gd_offer (
    code            text primary key,          -- BASIC, SPECIALISED, APPLICATION_SUPPORT, or a flanking action code
    kind            text not null,             -- PRODUCT, STANDALONE_MODULE, FLANKING
    name_nl         text not null,
    name_fr         text not null,
    name_en         text not null,
    modules         text[] not null default '{}',
    combinable_with text[] not null default '{}', -- for FLANKING: the products it may accompany
    contract_form   text not null,             -- CONCESSION, OPEN_HOUSE
    active          boolean not null default true
);

create table gd_contract (
    id              uuid primary key,
    partner_id      uuid not null references organisation,
    offer_code      text not null references gd_offer,
    form            text not null,             -- CONCESSION, OPEN_HOUSE
    status          text not null,             -- APPLIED, ACTIVE, REFUSED, ENDED
    valid_from      date,
    valid_until     date,
    content_ok      boolean,
    quality_ok      boolean,
    application     text,
    decision_note   text,
    decided_by      text,
    applied_on      date not null,
    request_key     text unique
);
create index gd_contract_partner_idx on gd_contract (partner_id);

create table gd_partner_profile (
    partner_id      uuid primary key references organisation,
    expertise       text not null,
    languages       text[] not null default '{nl}',
    website         text
);

create table gd_site (
    id                uuid primary key,
    partner_id        uuid not null references organisation,
    name              text not null,
    municipality_nis  char(5) not null,
    latitude          double precision not null,
    longitude         double precision not null,
    wheelchair_access boolean not null default false,
    regions           text[] not null default '{}'
);
create index gd_site_partner_idx on gd_site (partner_id);

create table gd_site_capacity (
    site_id     uuid not null references gd_site,
    offer_code  text not null references gd_offer,
    capacity    int not null check (capacity >= 0),
    primary key (site_id, offer_code)
);

-- The mediator's assessment and routing decision. No KOW column: routing is a human judgement.
create table gd_assessment (
    id                 uuid primary key,
    person_id          uuid not null references person,
    assessment_started date not null,
    decided_on         date not null,
    job_target         text not null,
    indication         text not null,         -- NONE, PMP, PMAH
    context_factors    jsonb not null,        -- {"factor": "NONE|LIMITED|LARGE"}
    proposed_product   text not null references gd_offer,
    product            text not null references gd_offer,
    override_reason    text,
    flanking           text[] not null default '{}',
    notes              text,
    explanation        text not null,
    mediator           text not null,
    request_key        text unique
);
create index gd_assessment_person_idx on gd_assessment (person_id);

-- A client waiting for the start of guidance: chooses a partner site, or is assigned after the choice period.
create table gd_referral (
    id             uuid primary key,
    assessment_id  uuid not null references gd_assessment,
    person_id      uuid not null references person,
    offer_code     text not null references gd_offer,
    referred_on    date not null,
    choose_by      date not null,
    status         text not null,             -- WAITING, CHOSEN, ASSIGNED, UNPLACED, CANCELLED
    site_id        uuid references gd_site,
    chosen_on      date,
    chosen_by      text,
    assignment_run uuid,
    distance_km    numeric(8,1),
    explanation    text,
    unplaced_reason text
);
create index gd_referral_waiting_idx on gd_referral (offer_code, referred_on) where status in ('WAITING', 'UNPLACED');
create unique index gd_referral_open_idx on gd_referral (person_id) where status in ('WAITING', 'UNPLACED');

create table gd_assignment_run (
    id            uuid primary key,
    run_key       text not null unique,
    ran_at        timestamptz not null default now(),
    ran_by        text not null,
    clients       int not null,
    assigned      int not null,
    unplaced      int not null,
    total_km      numeric(14,1) not null,
    greedy_km     numeric(14,1),
    beyond_max    int not null,
    millis        bigint not null
);

-- person_id, partner_id, site_id and offer_code repeat what the referral and its site say (for fast reading). A
-- trajectory is only ever inserted from its referral and site in the same statement, and neither is ever deleted, so
-- the table carries no foreign keys: each is a locking lookup per inserted row, which would take the assignment of
-- 100,000 clients past its 10-second budget. The unique referral_id still guarantees one trajectory per referral.
create table gd_trajectory (
    id               uuid primary key,
    referral_id      uuid not null unique,
    person_id        uuid not null,
    partner_id       uuid not null,
    site_id          uuid not null,
    offer_code       text not null,
    flanking         text[] not null default '{}',
    started_on       date not null,
    goal_date        date not null,
    status           text not null,           -- ACTIVE, WORK_FOUND, STOPPED, ENDED
    ended_on         date,
    work_start       date,
    contract_type    text,
    stop_motivation  text,
    handover_id      uuid,
    handover_acknowledged_on date,
    next_step        text,
    kow_group        text                     -- frozen at the start, for the result fee; never shown to mediators
);
create index gd_trajectory_partner_idx on gd_trajectory (partner_id, status);
create index gd_trajectory_person_idx on gd_trajectory (person_id);

create table gd_action_kind (
    code          text primary key,
    name_nl       text not null,
    name_fr       text not null,
    name_en       text not null,
    formal_output boolean not null,
    output_fee    numeric(12,2)
);

create table gd_action (
    id              uuid primary key,
    trajectory_id   uuid not null references gd_trajectory,
    kind            text not null references gd_action_kind,
    occurred_on     date not null,
    note            text,
    evidence_name   text,
    evidence        bytea,
    formal_output   boolean not null,
    amount          numeric(12,2),
    registered_by   text not null,
    registered_at   timestamptz not null default now(),
    idempotency_key text not null unique,
    payment_run_id  uuid
);
create index gd_action_trajectory_idx on gd_action (trajectory_id);

create table gd_result_fee (
    trajectory_id   uuid primary key references gd_trajectory,
    kow_group       text not null,
    schedule_from   date not null,
    amount          numeric(12,2) not null,
    payment_run_id  uuid
);

create table gd_payment_run (
    id              uuid primary key,
    run_key         text not null unique,
    until           date not null,
    created_at      timestamptz not null default now(),
    created_by      text not null
);
create table gd_payment_line (
    run_id          uuid not null references gd_payment_run,
    partner_id      uuid not null references organisation,
    trajectory_id   uuid not null references gd_trajectory,
    kind            text not null,            -- OUTPUT, RESULT_FEE
    reference       text not null,
    amount          numeric(12,2) not null
);
create index gd_payment_line_run_idx on gd_payment_line (run_id, partner_id);

insert into gd_offer (code, kind, name_nl, name_fr, name_en, modules, combinable_with, contract_form) values
 ('BASIC', 'PRODUCT', 'Basisaanbod', 'Offre de base', 'Basic offer',
  '{APPLICATION_SUPPORT,JOB_HUNTING_MATCHING,AFTERCARE,JOB_TARGET_REFINEMENT}', '{}', 'CONCESSION'),
 ('SPECIALISED', 'PRODUCT', 'Gespecialiseerd aanbod', 'Offre spécialisée', 'Specialised offer',
  '{APPLICATION_SUPPORT,JOB_HUNTING_MATCHING,AFTERCARE,PMAB_EXPERTISE_INDICATION,JOB_CARVING,JOB_TARGET_ADJUSTMENT}', '{}', 'CONCESSION'),
 ('APPLICATION_SUPPORT', 'STANDALONE_MODULE', 'Sollicitatieondersteuning (losse module)', 'Soutien à la candidature (module séparé)',
  'Application support (standalone module)', '{APPLICATION_SUPPORT}', '{}', 'CONCESSION'),
 ('PMAB_EXPERTISE', 'FLANKING', 'PmAB-expertise en indicering', 'Expertise PmAB et indication', 'PmAB expertise and indication',
  '{}', '{BASIC}', 'OPEN_HOUSE'),
 ('WORKPLACE_LEARNING', 'FLANKING', 'Werkplekleren', 'Apprentissage sur le lieu de travail', 'Workplace learning',
  '{}', '{BASIC,SPECIALISED}', 'OPEN_HOUSE'),
 ('LANGUAGE_COACHING', 'FLANKING', 'Taalcoaching', 'Coaching linguistique', 'Language coaching',
  '{}', '{BASIC,SPECIALISED}', 'OPEN_HOUSE');

insert into gd_action_kind (code, name_nl, name_fr, name_en, formal_output, output_fee) values
 ('INTAKE', 'Startgesprek', 'Entretien de départ', 'Start interview', true, 150.00),
 ('APPLICATION_ASSIGNMENT', 'Sollicitatieopdracht', 'Mission de candidature', 'Application assignment', false, null),
 ('JOB_INTERVIEW', 'Sollicitatiegesprek', 'Entretien d''embauche', 'Job interview', false, null),
 ('WORKPLACE_LEARNING_START', 'Start werkplekleren', 'Début de l''apprentissage sur le lieu de travail', 'Workplace learning start', true, 250.00),
 ('INDICATION_REPORT', 'Verslag voor indicering', 'Rapport d''indication', 'Report for indication', true, 300.00),
 ('JOB_CARVING', 'Jobcarving-voorstel', 'Proposition de job carving', 'Job carving proposal', false, null),
 ('AFTERCARE_CONTACT', 'Nazorgcontact', 'Contact de suivi', 'Aftercare contact', false, null);

-- The assessment phase of a client: at most 3 months from its start to the routing decision.
create table gd_intake (
    id          uuid primary key,
    person_id   uuid not null references person,
    started_on  date not null,
    started_by  text not null,
    closed_on   date
);
create unique index gd_intake_open_idx on gd_intake (person_id) where closed_on is null;
