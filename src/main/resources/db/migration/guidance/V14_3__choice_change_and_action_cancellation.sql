-- How a client reaches the site they chose: its street, phone and e-mail (shown in the choice and its confirmation).
alter table gd_site add column street text not null default '';
alter table gd_site add column phone text;
alter table gd_site add column email text;

-- A client may change the chosen partner within the choice period, as long as the partner registered nothing yet.
-- The trajectory moves to the new site; each change is kept (who, when, from which site to which).
create table gd_choice_change (
    id             uuid primary key,
    referral_id    uuid not null references gd_referral,
    trajectory_id  uuid not null,
    from_site_id   uuid not null references gd_site,
    to_site_id     uuid not null references gd_site,
    changed_on     date not null,
    changed_by     text not null
);
create index gd_choice_change_referral_idx on gd_choice_change (referral_id);

-- A registered action or output can be cancelled with a reason (audited) until a payment run has claimed it; a
-- correction is a cancellation and a new registration. Payment runs and counts leave cancelled actions out, and a
-- cancelled formal output no longer blocks registering it again.
alter table gd_action add column cancelled_at timestamptz;
alter table gd_action add column cancelled_by text;
alter table gd_action add column cancel_reason text;
alter table gd_action add constraint gd_action_cancelled_unpaid check (cancelled_at is null or payment_run_id is null);
alter table gd_action add constraint gd_action_cancel_reason check (cancelled_at is null or cancel_reason is not null);
drop index gd_action_formal_once;
create unique index gd_action_formal_once on gd_action (trajectory_id, kind) where formal_output and cancelled_at is null;
