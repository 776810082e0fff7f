-- The date the demo history is anchored to: chosen once (configured, or today at first start) and kept, so that a
-- restarted demo tells the same coherent story.
create table platform_demo_date (
    id         int primary key default 1 check (id = 1),
    demo_date  date not null,
    chosen_at  timestamptz not null
);
