-- Exchange rates of a workspace: rate = units of quote for 1 base, on one day. Typed by the owner (MANUAL) or
-- imported from a European Central Bank reference-rate file (ECB, always base EUR). One rate per pair and
-- day; a rate and its inverse are the same rate, so a workspace keeps at most one of (A, B) and (B, A) a day.
-- The date column is rate_date (DAY is a keyword in H2). The primary key also serves "the newest rate of this
-- pair on or before a date".
create table exchange_rates (
    workspace_id uuid           not null references workspaces (id),
    base         char(3)        not null,
    quote        char(3)        not null,
    rate_date    date           not null,
    rate         numeric(24, 10) not null,
    source       varchar(8)     not null,
    created_at   timestamp with time zone not null,
    primary key (workspace_id, base, quote, rate_date),
    constraint exchange_rates_pair_check check (base <> quote),
    constraint exchange_rates_rate_check check (rate > 0),
    constraint exchange_rates_source_check check (source in ('MANUAL', 'ECB'))
);
