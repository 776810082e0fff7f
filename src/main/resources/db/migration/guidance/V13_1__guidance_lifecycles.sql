-- The states of the guidance module's aggregates are the constants of their Java life cycles (Trajectory.Status,
-- Referral.Status, ResultFeeStatus); LifecycleSchemaTest fails when an enum and its check drift apart.
alter table gd_trajectory add constraint gd_trajectory_status_check
    check (status in ('ACTIVE', 'STOPPED', 'WORK_FOUND', 'ENDED'));
alter table gd_referral add constraint gd_referral_status_check
    check (status in ('WAITING', 'CHOSEN', 'ASSIGNED', 'UNPLACED', 'CANCELLED'));
