-- The states of the vouchers module's aggregates are the constants of their Java life cycles (Voucher.Status,
-- Quality.Complaint.Status, CareerCentres.Mandate.Status, Misuse.Case.Status, Misuse.Sanction.Status). The database
-- refuses any other value; LifecycleSchemaTest fails when an enum and its check drift apart.
alter table vc_voucher add constraint vc_voucher_status_check
    check (status in ('AWAITING_PAYMENT', 'ISSUED', 'IN_GUIDANCE', 'CLOSED', 'LAPSED', 'CANCELLED'));
alter table vc_complaint add constraint vc_complaint_status_check
    check (status in ('RECEIVED', 'INADMISSIBLE', 'DECIDED'));
alter table vc_mandate add constraint vc_mandate_status_check
    check (status in ('APPLIED', 'DECIDING', 'APPROVED', 'REFUSED', 'SUSPENDED', 'REVOKED', 'EXPIRED'));
alter table vc_misuse_case add constraint vc_misuse_case_status_check
    check (status in ('OPEN', 'INVESTIGATING', 'FOUNDED', 'UNFOUNDED'));
alter table vc_sanction add constraint vc_sanction_status_check
    check (status in ('PROPOSED', 'FINAL', 'WITHDRAWN'));
