-- Kans Op Werk: the group of a client. Until the model itself lands (its own issue), an administrator records the
-- group. Mediators never read this table: only the guidance fee calculation does, through be.werkregie.chance.KowGroups.
create table ch_kow_group (
    id            uuid primary key,
    person_id     uuid not null references person,
    group_code    text not null,
    score         numeric(5,4),
    model_version text not null,
    valid_from    date not null,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now()
);
create index ch_kow_group_person_idx on ch_kow_group (person_id, valid_from desc);
