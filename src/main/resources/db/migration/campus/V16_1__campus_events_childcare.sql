-- The public agenda of each campus (workshops, job fairs, TechTalks, open learning centre hours) with registration,
-- capacity and a waiting list that moves up by itself; and the childcare: two living groups of 18 per campus, places
-- given by dated priority rules, with a waiting list.
create table cp_event (
    id             uuid primary key,
    campus_id      uuid not null references cp_campus,
    space_id       uuid references cp_space,
    kind           text not null check (kind in ('WORKSHOP', 'JOB_FAIR', 'TECHTALK', 'OPEN_LEARNING', 'INFO_SESSION')),
    title_nl       text not null,
    title_fr       text not null,
    title_en       text not null,
    summary_nl     text not null default '',
    summary_fr     text not null default '',
    summary_en     text not null default '',
    starts_at      timestamp not null,              -- the campus's wall-clock time
    ends_at        timestamp not null,
    capacity       int not null check (capacity > 0),
    status         text not null check (status in ('PUBLISHED', 'CANCELLED')),
    created_by     text not null,
    created_at     timestamptz not null,
    check (ends_at > starts_at)
);
create index cp_event_campus_idx on cp_event (campus_id, starts_at);

-- A registration holds a place (REGISTERED) or waits (WAITING, in order of arrival); when a registered person cancels,
-- the first on the waiting list moves up in the same transaction (the event row is locked while places are counted).
create table cp_event_registration (
    id            uuid primary key,
    event_id      uuid not null references cp_event,
    name          text not null,
    email         text not null,
    language      text not null check (language in ('nl', 'fr', 'en')),
    status        text not null check (status in ('REGISTERED', 'WAITING', 'CANCELLED')),
    token         text not null unique,            -- the registrant's own address to see or cancel it
    created_at    timestamptz not null,
    moved_up_at   timestamptz,
    cancelled_at  timestamptz
);
create unique index cp_event_registration_once_idx on cp_event_registration (event_id, lower(email)) where status <> 'CANCELLED';
create index cp_event_registration_queue_idx on cp_event_registration (event_id, status, created_at);

create table cp_childcare_group (
    id         uuid primary key,
    campus_id  uuid not null references cp_campus,
    name       text not null,
    capacity   int not null check (capacity > 0),
    unique (campus_id, name)
);

-- A request for a childcare place. Life cycle: WAITING -> PLACED | CANCELLED; PLACED -> ENDED. The order on the waiting
-- list is the category's priority (dated policy campus.childcare.priority.*) and then the date of the request.
create table cp_childcare_request (
    id            uuid primary key,
    campus_id     uuid not null references cp_campus,
    child_name    text not null,
    birth_date    date not null,
    parent_name   text not null,
    parent_email  text,
    category      text not null check (category in ('COURSE_PARTICIPANT', 'JOB_SEEKER', 'NEIGHBOURHOOD')),
    from_date     date not null,
    status        text not null check (status in ('WAITING', 'PLACED', 'CANCELLED', 'ENDED')),
    group_id      uuid references cp_childcare_group,
    requested_by  text not null,
    requested_at  timestamptz not null,
    placed_at     timestamptz,
    ended_at      timestamptz,
    check (status <> 'PLACED' or group_id is not null)
);
create index cp_childcare_request_queue_idx on cp_childcare_request (campus_id, status);
