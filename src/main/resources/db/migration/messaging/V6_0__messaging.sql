create table print_batch (
    id            uuid primary key,
    created_at    timestamptz not null default now(),
    closed_at     timestamptz
);
create table message (
    id                   uuid primary key,
    person_id            uuid not null,
    template             text not null,
    language             varchar(2) not null,
    channel              text,
    status               text not null,
    subject              text not null,
    body                 text not null,
    recipient            text,
    attempt              integer not null default 1,
    previous_attempt_id  uuid references message,
    idempotency_key      text not null,
    failure_reason       text,
    pdf                  bytea,
    print_batch_id       uuid references print_batch,
    created_at           timestamptz not null default now(),
    delivered_at         timestamptz,
    unique (idempotency_key, attempt)
);
create index message_person_idx on message (person_id, created_at desc);
create index message_status_idx on message (status, channel);
create table phone_task (
    id          uuid primary key,
    message_id  uuid not null references message,
    person_id   uuid not null,
    phone       text,
    created_at  timestamptz not null default now(),
    done_at     timestamptz,
    done_by     text,
    outcome     text
);
