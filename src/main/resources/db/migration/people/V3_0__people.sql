create table person (
    id                    uuid primary key,
    national_number       char(11) not null unique,
    first_name            text not null,
    last_name             text not null,
    birth_date            date not null,
    sex                   char(1) not null check (sex in ('M', 'F', 'X')),
    municipality_nis      char(5) not null,
    street                text,
    email                 text,
    phone                 text,
    language              varchar(2) not null,
    contact_language      varchar(2) not null,
    preferred_channels    text[] not null,
    status                text not null,
    education             text not null,
    migration_background  boolean not null default false,
    work_disability       boolean not null default false,
    -- target-group dimensions (career-campus.md), 1 = left pole ... 5 = right pole, null = not assessed
    unemployment_duration smallint check (unemployment_duration between 1 and 5),
    digital_skills        smallint check (digital_skills between 1 and 5),
    dutch_level           smallint check (dutch_level between 1 and 5),
    motivation            smallint check (motivation between 1 and 5),
    mobility              smallint check (mobility between 1 and 5),
    finances              smallint check (finances between 1 and 5),
    health                smallint check (health between 1 and 5),
    career_clarity        smallint check (career_clarity between 1 and 5),
    reachability          smallint check (reachability between 1 and 5),
    persona               text,
    created_at            timestamptz not null default now()
);
create index person_last_name_idx on person (lower(last_name) text_pattern_ops);
create index person_first_name_idx on person (lower(first_name) text_pattern_ops);
create index person_municipality_idx on person (municipality_nis);

-- A person's consent (mandate) for an organisation to see their data or act for them, for a purpose, until an expiry.
create table consent (
    id               uuid primary key,
    person_id        uuid not null references person,
    organisation_id  uuid not null,
    purpose          text not null,
    scope            text not null check (scope in ('SEE', 'ACT')),
    valid_from       date not null,
    expires_on       date not null,
    granted_at       timestamptz not null default now(),
    recorded_by      uuid,
    revoked_at       timestamptz,
    check (expires_on >= valid_from)
);
create index consent_person_idx on consent (person_id);
create index consent_org_idx on consent (organisation_id, person_id);
