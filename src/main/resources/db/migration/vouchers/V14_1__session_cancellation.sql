-- A session registered by mistake can be cancelled (with a reason, audited) until a payment run has claimed it.
-- The row stays (who, when, why); payment runs, rules and misuse detection leave cancelled sessions out.
alter table vc_session add column cancelled_at timestamptz;
alter table vc_session add column cancelled_by text;
alter table vc_session add column cancel_reason text;
alter table vc_session add constraint vc_session_cancel_unpaid check (cancelled_at is null or payment_run_id is null);
drop index vc_session_unpaid_idx;
create index vc_session_unpaid_idx on vc_session (centre_id) where payment_run_id is null and cancelled_at is null;
