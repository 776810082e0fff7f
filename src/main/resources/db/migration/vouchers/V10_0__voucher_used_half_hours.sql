-- The half hours registered on a voucher, kept on the voucher row: a registration checks and raises it in one UPDATE,
-- which PostgreSQL re-evaluates on the newest row version when two registrations race, so the hours can never be
-- exceeded and no separate lock-then-count round trips are needed.
alter table vc_voucher add column used_half_hours int not null default 0;
update vc_voucher v set used_half_hours = s.total
from (select voucher_id, sum(half_hours) total from vc_session group by voucher_id) s where s.voucher_id = v.id;
alter table vc_voucher add constraint vc_voucher_used_check check (used_half_hours between 0 and hours * 2);
