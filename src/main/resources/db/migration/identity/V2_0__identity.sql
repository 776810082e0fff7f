create table organisation (
    id                 uuid primary key,
    kind               text not null,
    name               text not null,
    municipality_nis   char(5),
    parent_id          uuid references organisation,
    enterprise_number  text,
    email              text,
    phone              text,
    created_at         timestamptz not null default now()
);
create index organisation_kind_idx on organisation (kind);
create table app_user (
    id               uuid primary key,
    username         text not null unique,
    password_hash    text,
    display_name     text not null,
    email            text,
    organisation_id  uuid references organisation,
    person_id        uuid,
    language         varchar(2) not null default 'nl',
    enabled          boolean not null default true,
    created_at       timestamptz not null default now()
);
create table user_role (
    user_id  uuid not null references app_user on delete cascade,
    role     text not null,
    primary key (user_id, role)
);
