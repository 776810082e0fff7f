-- E-mails to organisations (partners, centres): e.g. "new clients were assigned to you". Idempotent on the key.
create table organisation_mail (
    id               uuid primary key,
    organisation_id  uuid not null references organisation,
    recipient        text not null,
    subject          text not null,
    body             text not null,
    status           text not null,       -- QUEUED, SENT, FAILED
    failure_reason   text,
    idempotency_key  text not null unique,
    created_at       timestamptz not null default now(),
    sent_at          timestamptz
);
