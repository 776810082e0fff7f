-- Failed sign-ins per account and per source address. Too many within the window lock the subject for a while; an
-- administrator can unlock an account earlier. Never holds a password.
create table login_throttle (
    subject          text primary key,
    failures         int not null,
    window_start     timestamptz not null,
    locked_until     timestamptz,
    last_failure_at  timestamptz not null
);
