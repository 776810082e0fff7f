-- Demo accounts are marked, so that a database with demo accounts is never run outside demo mode.
alter table app_user add column demo boolean not null default false;
