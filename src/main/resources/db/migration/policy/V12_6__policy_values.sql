-- Dated policy values: every open parameter of the sources (tariffs, VAT, contribution, mandate length, result fees,
-- consent maximum…) with the date it takes effect, its value, who set it, when and why. Rules read the value in force
-- on the relevant date. A money value takes effect only once a second administrator approved it (four eyes).
create table po_value (
    id              uuid primary key,
    key             text not null,
    effective_from  date not null,
    value           text not null,
    reason          text not null,
    set_by          text not null,
    set_at          timestamptz not null,
    status          text not null check (status in ('PROPOSED', 'APPROVED', 'REJECTED')),
    decided_by      text,
    decided_at      timestamptz
);
create index po_value_key_idx on po_value (key, effective_from desc);
create unique index po_value_approved_once on po_value (key, effective_from) where status = 'APPROVED';
