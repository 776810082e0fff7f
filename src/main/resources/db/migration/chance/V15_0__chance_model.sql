-- Kans Op Werk: job-seeker spells with the model's inputs, the protected attributes kept apart for the audit only, the
-- model versions with their provenance and life cycle, the audit rows of each version, and the daily scores.

-- A job-seeker spell and the inputs as the dossier showed them at its start (null: unknown).
create table ch_spell (
    id                  uuid primary key,
    person_id           uuid not null,
    started_on          date not null,
    ended_on            date,
    unemployed_months   int not null check (unemployed_months between 0 and 24),
    experience_years    numeric(4,1),
    education           text check (education in ('LOW', 'MID', 'HIGH')),
    dutch_level         int check (dutch_level between 0 and 3),
    other_languages     int not null,
    desired_occupations int not null,
    bottleneck          boolean not null,
    region_rate         numeric(4,1) not null,
    online_activity     int not null,
    previous_spells     int not null,
    driver_licence      boolean not null,
    province            text not null,
    check (ended_on is null or ended_on >= started_on)
);
create index ch_spell_started_idx on ch_spell (started_on);
create index ch_spell_open_idx on ch_spell (person_id) where ended_on is null;

-- Protected attributes: never a model input, read only by the audit (and the proxy check).
create table ch_spell_protected (
    spell_id   uuid primary key references ch_spell on delete cascade,
    sex        text not null,
    origin     text not null,
    age_band   text not null,
    disability boolean not null
);

create table ch_model_version (
    id              uuid primary key,
    number          int not null unique,
    status          text not null check (status in ('TRAINED', 'APPROVED', 'ACTIVE', 'RETIRED', 'REJECTED')),
    trainer         text not null,
    trained_by      text not null,
    trained_at      timestamptz not null,
    approved_by     text,
    approved_at     timestamptz,
    activated_by    text,
    activated_at    timestamptz,
    retired_at      timestamptz,
    decision_note   text,
    train_from      date not null,
    validation_from date not null,
    test_from       date not null,
    test_to         date not null,
    train_rows      int not null,
    features        text[] not null,
    hyper           text not null,
    candidates      text not null,
    provenance      text not null,
    model           bytea not null,
    mean            float8[] not null,
    std             float8[] not null,
    calibrator      text not null,
    metrics         text not null,
    -- four eyes: the approver is never the trainer
    check (approved_by is null or approved_by <> trained_by)
);
create unique index ch_model_one_active_idx on ch_model_version ((true)) where status = 'ACTIVE';

-- The audit's raw data per version: a pseudonymous id, the calibrated score, the outcome and the group attributes.
create table ch_evaluation (
    version_id uuid not null references ch_model_version on delete cascade,
    pseudonym  text not null,
    split      text not null check (split in ('VALIDATION', 'TEST')),
    started_on date not null,
    score      float8 not null,
    worked     boolean not null,
    sex        text not null,
    origin     text not null,
    age_band   text not null,
    disability boolean not null,
    education  text not null,
    province   text not null
);
create index ch_evaluation_version_idx on ch_evaluation (version_id, split);

-- One scoring run per day: scores with the version that made them, and the reason for everyone not scored.
create table ch_scoring_run (
    scored_on  date primary key,
    version_id uuid not null references ch_model_version,
    scored     int not null,
    unscored   int not null,
    millis     bigint not null,
    at         timestamptz not null
);
create table ch_score (
    person_id  uuid not null,
    scored_on  date not null,
    version_id uuid not null,
    score      numeric(6,5) not null,
    group_code text not null,
    primary key (person_id, scored_on)
);
create index ch_score_day_idx on ch_score (scored_on);
create table ch_unscored (
    person_id  uuid not null,
    scored_on  date not null,
    version_id uuid not null,
    reason     text not null,
    primary key (person_id, scored_on)
);
