-- Career campuses (issue 13): campuses, buildings, spaces and tools; agreements (partnership, lease, use agreement);
-- bookings by day part that the database keeps from colliding; recurring series; invoices. Rates, keys and limits are
-- dated policy values (campus.*), not columns. Times are the campus's wall-clock time (Europe/Brussels), so ranges
-- are tsrange; a booking's range is half-open [start, end).
create extension if not exists btree_gist;

create table cp_campus (
    id               uuid primary key,
    code             text not null unique,
    name             text not null,
    municipality_nis text not null,
    street           text not null,
    languages        text[] not null,           -- {nl} or, in Anderlecht, {nl,fr}
    area_m2          numeric(10,2) not null check (area_m2 > 0),
    organisation_id  uuid                       -- the campus in identity (its managers' organisation)
);

create table cp_building (
    id        uuid primary key,
    campus_id uuid not null references cp_campus,
    name      text not null,
    unique (campus_id, name)
);

create table cp_space (
    id            uuid primary key,
    campus_id     uuid not null references cp_campus,
    building_id   uuid not null references cp_building,
    floor         int not null,
    code          text not null,
    name          text not null,
    kind          text not null check (kind in ('CLASSROOM', 'WORKSHOP', 'MEETING_ROOM', 'OPEN_LEARNING_CENTRE', 'EVENT_HALL',
                                                'OFFICE', 'CHILDCARE', 'TALENT_CENTRE')),
    capacity      int not null check (capacity > 0),
    area_m2       numeric(8,2) not null check (area_m2 > 0),
    equipment     text[] not null default '{}',
    accessibility text[] not null default '{}',  -- WHEELCHAIR, HEARING_LOOP, ADJUSTABLE_TABLES, QUIET, ...
    dedicated_to  uuid,                           -- a partner's dedicated space under a partnership or lease; null = shared
    bookable      boolean not null default true,
    unique (campus_id, code)
);
create index cp_space_campus_idx on cp_space (campus_id);

create table cp_tool (
    id        uuid primary key,
    campus_id uuid not null references cp_campus,
    code      text not null,
    name_nl   text not null,
    name_fr   text not null,
    name_en   text not null,
    stock     int not null check (stock >= 0),
    unique (campus_id, code)
);

-- An agreement between the employment service and a partner or user. Its life cycle (campus.Agreement.Status):
-- REQUESTED -> ACTIVE | REFUSED; ACTIVE -> ENDED. Every transition is a compare-and-set on the status.
create table cp_agreement (
    id                 uuid primary key,
    number             text not null unique,
    campus_id          uuid not null references cp_campus,
    model              text not null check (model in ('PARTNERSHIP', 'LEASE', 'USE')),
    holder_org         uuid,                     -- the partner or user organisation, if it is one in identity
    holder_name        text not null,
    holder_email       text,
    holder_vat         text,                     -- BE0123456789 for the e-invoice
    holder_street      text,
    holder_postcode    text,
    holder_city        text,
    user_type          int check (user_type between 1 and 3),   -- use agreements only
    valid_from         date not null,
    valid_until        date not null,
    status             text not null check (status in ('REQUESTED', 'ACTIVE', 'REFUSED', 'ENDED')),
    monthly_rent       numeric(12,2) check (monthly_rent >= 0),  -- lease: the fixed rent
    monthly_costs      numeric(12,2) check (monthly_costs >= 0), -- lease: the flat rate of operational costs
    costs_flat         boolean not null default true,            -- false: costs are settled periodically (cp_settlement)
    shared_reduction   numeric(5,4) check (shared_reduction between 0 and 1), -- lease: pro-rata reduction for shared use
    shared_key         numeric(5,4) check (shared_key between 0 and 1),       -- partnership: distribution key of shared spaces
    day_rate           numeric(10,2) check (day_rate >= 0),      -- use agreement type 3: the rate of the cooperation agreement
    rent_waived_years  int[] not null default '{}',              -- partnership: years without rent against co-investment
    term               text,                                     -- lease: e.g. 3-6-9
    requested_by       text not null,
    requested_at       timestamptz not null,
    decided_by         text,
    decided_at         timestamptz,
    decision_note      text,
    check (valid_until >= valid_from),
    check (model <> 'USE' or user_type is not null),
    check (model = 'USE' or user_type is null)
);
create index cp_agreement_campus_idx on cp_agreement (campus_id, status);

-- The dedicated spaces of a partnership or lease (charged 100 % per m²).
create table cp_agreement_space (
    agreement_id uuid not null references cp_agreement,
    space_id     uuid not null references cp_space,
    primary key (agreement_id, space_id)
);

-- A recurring series: the same space and day part on one weekday, from a date until a date. Its bookings carry its id;
-- dates skipped for a conflict (or by the booker) are kept so that they can be re-added.
create table cp_series (
    id           uuid primary key,
    space_id     uuid not null references cp_space,
    weekday      int not null check (weekday between 1 and 7),
    day_part     text not null,
    from_date    date not null,
    until_date   date not null check (until_date >= from_date),
    agreement_id uuid references cp_agreement,
    booker_kind  text not null,
    booked_by    text not null,
    purpose      text not null,
    created_at   timestamptz not null
);
create table cp_series_skip (
    series_id uuid not null references cp_series,
    on_date   date not null,
    reason    text not null,                   -- CONFLICT or SKIPPED
    primary key (series_id, on_date)
);

-- A booking of a space for a day part (or the whole day). Life cycle (campus.Booking.Status): REQUESTED (a use
-- agreement's booking waits for approval) -> CONFIRMED | CANCELLED; CONFIRMED -> CANCELLED. Requested and confirmed
-- bookings hold their slot: the exclusion constraint makes a double booking impossible, whatever the application does.
create table cp_booking (
    id              uuid primary key,
    space_id        uuid not null references cp_space,
    on_date         date not null,
    day_part        text not null check (day_part in ('MORNING', 'AFTERNOON', 'EVENING', 'DAY')),
    during          tsrange not null,
    booker_kind     text not null check (booker_kind in ('PES', 'PARTNER', 'EXTERNAL')),
    agreement_id    uuid references cp_agreement,
    organisation_id uuid,
    booked_by       text not null,
    purpose         text not null,
    attendees       int not null default 1 check (attendees > 0),
    status          text not null check (status in ('REQUESTED', 'CONFIRMED', 'CANCELLED')),
    series_id       uuid references cp_series,
    price           numeric(12,2) not null default 0 check (price >= 0),
    tariff          text not null,            -- how the price was made, e.g. "USE type 1 · MEETING_ROOM · 50 %"
    idempotency_key text unique,
    created_at      timestamptz not null,
    decided_by      text,
    cancelled_at    timestamptz,
    cancelled_by    text,
    cancel_reason   text,
    invoice_run_id  uuid,                     -- the invoice run that claimed it (set once, atomically)
    invoice_id      uuid,                     -- the invoice that charged it
    constraint cp_booking_no_overlap exclude using gist (space_id with =, during with &&) where (status <> 'CANCELLED'),
    check (status <> 'CANCELLED' or cancel_reason is not null),
    check (lower(during) < upper(during))
);
create index cp_booking_space_date_idx on cp_booking (space_id, on_date) where status <> 'CANCELLED';
create index cp_booking_booker_idx on cp_booking (booked_by, on_date);
create index cp_booking_unbilled_idx on cp_booking (on_date) where invoice_run_id is null and status = 'CONFIRMED' and price > 0;

-- Periodic settlements of operational costs (energy, …) of a lease, entered by the campus manager, invoiced once.
create table cp_settlement (
    id           uuid primary key,
    agreement_id uuid not null references cp_agreement,
    period       text not null,                -- e.g. 2027-Q1
    description  text not null,
    amount       numeric(12,2) not null,
    entered_by   text not null,
    entered_at   timestamptz not null,
    invoice_run_id uuid,
    invoice_id   uuid
);

-- Invoice runs (platform.PaymentRuns), invoices numbered per year without gaps, lines traceable to their source.
create table cp_invoice_run (
    id         uuid primary key,
    run_key    text not null unique,
    until_date date not null,
    created_by text not null,
    created_at timestamptz not null
);
create table cp_invoice_counter (
    year int primary key,
    last int not null check (last >= 0)
);
create table cp_invoice (
    id            uuid primary key,
    run_id        uuid references cp_invoice_run,
    number        text not null unique,        -- 2027-000001: per year, consecutive, no gaps
    year          int not null,
    seq           int not null,
    kind          text not null check (kind in ('INVOICE', 'CREDIT_NOTE')),
    credits       uuid references cp_invoice,  -- the invoice a credit note cancels
    campus_id     uuid not null references cp_campus,
    agreement_id  uuid references cp_agreement,
    holder_name   text not null,
    holder_vat    text,
    issued_on     date not null,
    due_on        date not null,
    period_from   date not null,
    period_until  date not null,
    net           numeric(12,2) not null,
    vat           numeric(12,2) not null,
    total         numeric(12,2) not null,
    reason        text,
    unique (year, seq)
);
create unique index cp_invoice_one_credit_idx on cp_invoice (credits) where credits is not null;
create table cp_invoice_line (
    id          uuid primary key,
    invoice_id  uuid not null references cp_invoice,
    position    int not null,
    source      text not null check (source in ('BOOKING', 'RENT', 'COSTS', 'DEDICATED', 'SHARED', 'SETTLEMENT')),
    source_id   uuid not null,                 -- the booking, agreement or settlement it comes from
    description text not null,
    quantity    numeric(10,2) not null,
    unit_price  numeric(12,2) not null,
    net         numeric(12,2) not null,
    vat_rate    numeric(5,2) not null,
    unique (invoice_id, position)
);
-- an agreement month is charged once (rent, flat costs, dedicated and shared space)
create table cp_invoiced_month (
    agreement_id uuid not null references cp_agreement,
    month        date not null,                -- the first day of the month
    run_id       uuid not null references cp_invoice_run,
    invoice_id   uuid,
    primary key (agreement_id, month)
);

-- Calendar feeds (iCalendar) by secret address, so that a calendar app can subscribe without signing in: one per user
-- (their own bookings) and one per space (taken slots only). The address carries its subject and an HMAC with this
-- key, made here from the database's strong random generator (never in the repository); reading a feed writes nothing.
create table cp_feed_key (
    id     int primary key check (id = 1),
    secret text not null
);
insert into cp_feed_key (id, secret) values (1, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
