-- Billing, first part: the counters invoice numbers are drawn from. One counter per workspace, series (such
-- as "invoice" or "credit-note") and period (the year or month the series' pattern restarts on, or '' for a
-- counter that never restarts). last_value is the last number given; numbers are drawn in the transaction
-- that issues the invoice, so a rolled-back issue gives its number back and no number is skipped or repeated.
create table invoice_counters (
    workspace_id uuid        not null references workspaces (id),
    series       varchar(40) not null,
    period       varchar(7)  not null,
    last_value   bigint      not null,
    primary key (workspace_id, series, period),
    constraint invoice_counters_value_check check (last_value >= 1)
);
