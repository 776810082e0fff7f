-- Loans of bookable tools (laptops, the talent-centre set-up, projectors) by day part, within their stock: one counter
-- row per tool, day and part, that a guarded update moves only while the stock allows (two requests for the last
-- projector: one gets it). A whole day takes the morning and the afternoon.
create table cp_tool_slot (
    tool_id   uuid not null references cp_tool,
    on_date   date not null,
    day_part  text not null check (day_part in ('MORNING', 'AFTERNOON', 'EVENING')),
    reserved  int not null check (reserved >= 0),
    primary key (tool_id, on_date, day_part)
);
create table cp_tool_loan (
    id            uuid primary key,
    tool_id       uuid not null references cp_tool,
    on_date       date not null,
    day_part      text not null check (day_part in ('MORNING', 'AFTERNOON', 'EVENING', 'DAY')),
    quantity      int not null check (quantity > 0),
    booked_by     text not null,
    purpose       text not null,
    status        text not null check (status in ('RESERVED', 'CANCELLED')),
    created_at    timestamptz not null,
    cancelled_at  timestamptz
);
create index cp_tool_loan_booker_idx on cp_tool_loan (booked_by, on_date);
