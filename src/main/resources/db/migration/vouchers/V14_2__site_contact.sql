-- A centre's site shows how to reach it: phone, e-mail and opening hours (the centre keeps them up to date).
-- opening_hours: one entry per open weekday, ISO day number and times, e.g. '1 09:00-17:00;3 13:00-20:00'.
alter table vc_site add column phone text;
alter table vc_site add column email text;
alter table vc_site add column opening_hours text not null default '';
