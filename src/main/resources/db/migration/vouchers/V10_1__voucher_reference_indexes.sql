-- Indexes on the columns that reference a voucher: the payment run asks "was this voucher paid before?", complaints
-- sum what was paid for a voucher, and every foreign-key check on a voucher needs them.
create index vc_payment_line_voucher_idx on vc_payment_line (voucher_id);
create index vc_complaint_voucher_idx on vc_complaint (voucher_id);
create index vc_recovery_voucher_idx on vc_recovery (voucher_id);
create index vc_dossier_control_item_voucher_idx on vc_dossier_control_item (voucher_id);
