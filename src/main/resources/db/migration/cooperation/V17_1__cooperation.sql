-- Local cooperation (issue 14): referrals between a social service and the employment service on the person's mandate,
-- the steps both sides follow, the event feed per organisation, cooperation agreements with their yearly action plans,
-- and the dated reference figures of the public dashboard.

create table co_referral (
    id                  uuid primary key,
    person_id           uuid not null,
    from_organisation_id uuid not null,
    from_organisation   text not null,
    to_organisation_id  uuid not null,
    to_organisation     text not null,
    mandate_id          uuid not null,              -- the person's consent (ACT) the referral rests on
    target_group        text not null check (target_group in ('NBAZU','WZW_MULTI','SOCIAL_ASSISTANCE','OTHER')),
    directing           text not null check (directing in ('EMPLOYMENT_SERVICE','SOCIAL_SERVICE')),
    reason              text not null,
    pre_trajectory      text not null,              -- what the local pre-trajectory found and did: it travels along
    contact_name        text not null,
    contact_details     text not null,
    cooperation_line    boolean not null default false,
    status              text not null check (status in ('SENT','CONFIRMED','DECLINED','WITHDRAWN','CLOSED')),
    sent_at             timestamptz not null,
    intake_due_on       date not null,
    confirmed_at        timestamptz,
    confirmed_by        text,
    case_manager        text,                       -- the one case manager, shown to the person
    case_manager_contact text,
    decided_note        text,
    created_by          text not null,
    idempotency_key     text unique
);
create index co_referral_person_idx on co_referral (person_id);
create index co_referral_from_idx on co_referral (from_organisation_id, status);
create index co_referral_to_idx on co_referral (to_organisation_id, status);

create table co_referral_step (
    id              uuid primary key,
    referral_id     uuid not null references co_referral,
    organisation_id uuid not null,
    organisation    text not null,
    author          text not null,
    kind            text not null check (kind in ('SENT','CONFIRMED','DECLINED','WITHDRAWN','CLOSED','STEP')),
    visibility      text not null check (visibility in ('SHARED','INTERNAL')),
    pes_side        boolean not null,           -- written on the employment service's side (INTERNAL = that side only)
    title           text not null,
    body            text,
    occurred_on     date not null,
    created_at      timestamptz not null,
    idempotency_key text unique
);
create index co_referral_step_referral_idx on co_referral_step (referral_id, created_at);

-- The feed an organisation's own system reads: one row per event per receiving organisation. Its order is the
-- transaction id (then the row id): rows are served only once every older transaction has finished, so a row that
-- commits later can never land behind the cursor (no event lost), and the cursor is stored by the client (none repeated).
create table co_feed_event (
    id              bigserial primary key,
    tx              xid8 not null default pg_current_xact_id(),
    organisation_id uuid not null,
    referral_id     uuid not null references co_referral,
    person_id       uuid not null,
    kind            text not null,
    payload         jsonb not null,
    created_at      timestamptz not null
);
create index co_feed_event_org_idx on co_feed_event (organisation_id, tx, id);

-- Cooperation agreements (per municipality or group of municipalities) with the fixed rubrics.
create table co_agreement (
    id                   uuid primary key,
    name                 text not null,
    municipalities       char(5)[] not null check (cardinality(municipalities) >= 1),
    from_year            integer not null,
    until_year           integer not null check (until_year >= from_year and until_year - from_year <= 6),
    environment_analysis text not null,
    task_division        text not null,
    status               text not null check (status in ('DRAFT','SIGNED')),
    created_by           text not null,
    created_at           timestamptz not null
);
create table co_goal (
    id            uuid primary key,
    agreement_id  uuid not null references co_agreement,
    position      integer not null,
    title         text not null,
    indicator     text not null,
    target        numeric(12,2),
    unit          text
);
create table co_action (
    id            uuid primary key,
    goal_id       uuid not null references co_goal,
    plan_year     integer not null,
    title         text not null,
    inspiration   text,                              -- the central inspiration set's code, null for a local action
    owner         text not null,                     -- the trekker
    status        text not null check (status in ('PLANNED','RUNNING','DONE','STOPPED')),
    progress      integer not null check (progress between 0 and 100),
    due_on        date,
    updated_at    timestamptz not null,
    version       integer not null default 0
);
create index co_action_goal_idx on co_action (goal_id, plan_year);
create table co_action_history (
    id          bigserial primary key,
    action_id   uuid not null references co_action,
    status      text not null,
    progress    integer not null,
    note        text,
    changed_by  text not null,
    changed_at  timestamptz not null
);
create table co_plan_publication (
    agreement_id  uuid not null references co_agreement,
    plan_year     integer not null,
    published_at  timestamptz not null,
    published_by  text not null,
    primary key (agreement_id, plan_year)
);

-- Reference figures the platform does not hold (population, labour force, …), uploaded as a dated table with its source.
create table co_reference_table (
    id            uuid primary key,
    reference_on  date not null,
    source        text not null,
    uploaded_by   text not null,
    uploaded_at   timestamptz not null
);
create table co_reference_figure (
    table_id      uuid not null references co_reference_table,
    nis           char(5) not null,
    variable      text not null,
    value         integer not null check (value >= 0),
    primary key (table_id, nis, variable)
);
