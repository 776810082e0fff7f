-- The demo payment service provider's own book of checkouts (a real provider keeps these on its side). A checkout is
-- created when a voucher is requested and moves CREATED -> PAID exactly once (compare-and-set).
create table vc_demo_checkout (
    reference    text primary key,
    voucher_id   uuid not null,
    amount       numeric(12,2) not null check (amount >= 0),
    description  text not null,
    status       text not null default 'CREATED' check (status in ('CREATED', 'PAID')),
    created_at   timestamptz not null,
    paid_at      timestamptz
);
create index vc_demo_checkout_voucher on vc_demo_checkout (voucher_id);
