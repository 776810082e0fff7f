-- Scheduled jobs fire once across instances: the instance that records the (job, slot) pair runs it.
create table platform_job_run (
    job       text not null,
    slot      timestamptz not null,
    instance  text not null,
    ran_at    timestamptz not null,
    primary key (job, slot)
);
