-- SMS files are batches like print batches: an export claims exactly the messages in its file, and only those are
-- confirmed as sent; a message queued after the file was made waits for the next export.
create table sms_export (
    id            uuid primary key,
    created_at    timestamptz not null,
    created_by    varchar(120) not null,
    confirmed_at  timestamptz,
    confirmed_by  varchar(120)
);
alter table message add column sms_export_id uuid references sms_export;
create index message_sms_export on message (sms_export_id) where sms_export_id is not null;
alter table print_batch add column printed_at timestamptz;
alter table print_batch add column printed_by varchar(120);
