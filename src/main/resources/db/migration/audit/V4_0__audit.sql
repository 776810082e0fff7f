-- Every read and write of a person's data: who, organisation, when, what part, for what purpose.
create table audit_event (
    id                 bigserial primary key,
    at                 timestamptz not null default clock_timestamp(),
    user_id            uuid,
    username           text,
    organisation_id    uuid,
    organisation_name  text,
    person_id          uuid,
    action             text not null check (action in ('READ', 'WRITE')),
    part               text not null,
    purpose            text not null,
    detail             text
);
create index audit_event_person_idx on audit_event (person_id, at desc);
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end $$;
create trigger audit_event_no_change before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
