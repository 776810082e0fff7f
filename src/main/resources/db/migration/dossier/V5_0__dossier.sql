create table dossier_entry (
    id                 uuid primary key,
    person_id          uuid not null,
    organisation_id    uuid not null,
    organisation_name  text not null,
    author_user_id     uuid,
    author_name        text not null,
    kind               text not null check (kind in ('NOTE', 'ACTION', 'DOCUMENT', 'DECISION', 'HANDOVER')),
    visibility         text not null check (visibility in ('SHARED', 'ORGANISATION', 'CONFIDENTIAL')),
    title              text not null,
    body               text not null,
    occurred_on        date not null,
    created_at         timestamptz not null default now(),
    idempotency_key    text unique
);
create index dossier_entry_person_idx on dossier_entry (person_id, occurred_on desc, created_at desc);
create table handover (
    id                    uuid primary key,
    person_id             uuid not null,
    from_organisation_id  uuid not null,
    from_organisation     text not null,
    to_organisation_id    uuid not null,
    to_organisation       text not null,
    from_user_id          uuid,
    from_user_name        text not null,
    contact_name          text not null,
    contact_details       text not null,
    context               text not null,
    created_at            timestamptz not null default now(),
    acknowledged_at       timestamptz,
    acknowledged_by       text,
    acknowledgement_note  text,
    idempotency_key       text unique,
    check (from_organisation_id <> to_organisation_id)
);
create index handover_person_idx on handover (person_id);
create index handover_to_idx on handover (to_organisation_id, acknowledged_at);
