-- One idempotency mechanism for every write a client may retry: the first request with a key inserts this row and
-- does the work in the same transaction; a retry (or a parallel twin, which waits on the row) gets the stored result.
create table idempotency_record (
    scope        text not null,
    owner        text not null,
    key          text not null,
    fingerprint  text not null,
    result       text,
    created_at   timestamptz not null,
    primary key (scope, owner, key)
);
