-- The POP (personal development plan) text a centre registers; its hash finds identical POPs across clients.
alter table vc_voucher add column pop_text text, add column pop_hash text;
create index vc_voucher_pop_hash_idx on vc_voucher (centre_id, pop_hash) where pop_hash is not null;
create index vc_voucher_employer_idx on vc_voucher (centre_id, lower(employer_name), taken_over_on) where employer_name is not null;

-- An explainable misuse case: the observed value against the threshold, the evidence, and the decision.
alter table vc_misuse_case
    add column observed       int not null default 0,
    add column threshold      int not null default 1,
    add column subject        text,
    add column evidence       text[] not null default '{}',
    add column period_from    date,
    add column period_to      date,
    add column decision_note  text,
    add column decided_by     text,
    add column decided_on     date;
create index vc_misuse_case_centre_idx on vc_misuse_case (centre_id);

alter table vc_sanction
    add column request_key    text unique,
    add column proposed_by    text,
    add column defence_on     date,
    add column decision_note  text,
    add column decided_by     text;
create index vc_sanction_centre_idx on vc_sanction (centre_id);
