-- Employment records: who worked where, from when until when. In production these are the social-security employment
-- declarations (Dimona in/out); in the demo a generated feed. Results are verified against them before they are paid,
-- and the chance-of-work model learns its outcome label from them.
create table em_employment_record (
    id              uuid primary key,
    person_id       uuid not null,
    employer_name   text not null,
    employer_number text,
    start_date      date not null,
    end_date        date,
    kind            text not null check (kind in ('EMPLOYEE', 'TEMPORARY_AGENCY', 'STUDENT', 'SELF_EMPLOYED', 'IBO')),
    source          text not null,
    source_ref      text not null,
    received_at     timestamptz not null,
    unique (source, source_ref),
    check (end_date is null or end_date >= start_date)
);
create index em_record_person_idx on em_employment_record (person_id, start_date);
