-- A successful placement is a claim until it is verified: against an employment record, or (where none exists) an
-- uploaded proof approved by employment-service staff. Only a VERIFIED result fee is payable.
alter table gd_result_fee add column status text not null default 'VERIFIED'
    check (status in ('CLAIMED', 'PROOF_SUBMITTED', 'VERIFIED', 'REJECTED'));
alter table gd_result_fee alter column status set default 'CLAIMED';
alter table gd_result_fee add column claimed_on date;
alter table gd_result_fee add column verified_on date;
alter table gd_result_fee add column verified_by text;
alter table gd_result_fee add column verification text;
alter table gd_result_fee add column proof_name text;
alter table gd_result_fee add column proof bytea;
alter table gd_result_fee add column rejection_reason text;
-- a formal output is registered (and paid) once per trajectory; the same evidence file never proves two outputs
alter table gd_action add column evidence_sha256 text;
create unique index gd_action_formal_once on gd_action (trajectory_id, kind) where formal_output;
