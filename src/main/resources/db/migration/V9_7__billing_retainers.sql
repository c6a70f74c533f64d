-- Retainers and recurring invoices. Every row names its workspace. Money is numeric(19,4) at the
-- currency's own minor units; dates that belong to the client (issue days, periods) are local dates in the
-- client's time zone. The invoices they make carry source/source_id/source_period, unique per workspace,
-- so two nodes running the schedule at once make one invoice.

-- A monthly fee with included minutes, issued on issue_day of each month (a shorter month uses its last
-- day). Unused minutes roll over when rollover is set and expire rollover_months periods later.
-- bill_from is the first day periods are made from (the start, or the day it was last resumed).
create table retainers (
    id                uuid           primary key,
    workspace_id      uuid           not null references workspaces (id),
    client_id         uuid           not null references clients (id),
    name              varchar(160)   not null,
    currency          char(3)        not null,
    monthly_fee       numeric(19, 4) not null,
    included_minutes  integer        not null,
    overage_rate      numeric(19, 4),
    rollover          boolean        not null,
    rollover_months   integer        not null,
    issue_day         integer        not null,
    tax_name          varchar(60),
    tax_percent       numeric(7, 4)  not null,
    starts_on         date           not null,
    ends_on           date,
    bill_from         date           not null,
    paused            boolean        not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    constraint retainers_fee_check check (monthly_fee >= 0 and (overage_rate is null or overage_rate >= 0)),
    constraint retainers_minutes_check check (included_minutes >= 0),
    constraint retainers_rollover_check check (rollover_months between 0 and 36),
    constraint retainers_issue_day_check check (issue_day between 1 and 31),
    constraint retainers_dates_check check (ends_on is null or ends_on >= starts_on)
);
create index retainers_workspace_ix on retainers (workspace_id, client_id);

-- A period of a retainer, made with the invoice of its fee (invoice_id). It is closed by the next period's
-- invoice (settled_invoice_id), which bills its overage and holds its time: used_minutes, overage_minutes
-- and unused_expires_on (the last day its unused minutes may be used; null when they do not roll over) are
-- set then. rolled_minutes came in from earlier periods; the first of them expires on rolled_expires_on.
create table retainer_periods (
    id                 uuid         primary key,
    workspace_id       uuid         not null references workspaces (id),
    retainer_id        uuid         not null references retainers (id),
    period_start       date         not null,
    period_end         date         not null,
    included_minutes   integer      not null,
    rolled_minutes     integer      not null,
    rolled_expires_on  date,
    used_minutes       integer,
    overage_minutes    integer,
    unused_expires_on  date,
    invoice_id         uuid         references invoices (id),
    settled_invoice_id uuid         references invoices (id),
    created_at         timestamp with time zone not null,
    closed_at          timestamp with time zone,
    constraint retainer_periods_dates_check check (period_end >= period_start),
    constraint retainer_periods_ux unique (retainer_id, period_start)
);
create index retainer_periods_workspace_ix on retainer_periods (workspace_id, retainer_id, period_start);

-- An invoice made on a schedule: every interval_count weeks, months or years from starts_on (a month
-- without the start's day uses its last day), until ends_on. next_date is the next date to make; null when
-- the schedule has ended or was stopped. auto_issue issues it, else it waits as a draft.
create table recurring_invoices (
    id             uuid          primary key,
    workspace_id   uuid          not null references workspaces (id),
    client_id      uuid          not null references clients (id),
    name           varchar(160)  not null,
    currency       char(3)       not null,
    interval_count integer       not null,
    interval_unit  varchar(6)    not null,
    starts_on      date          not null,
    ends_on        date,
    next_date      date,
    auto_issue     boolean       not null,
    notes          varchar(4000),
    stopped_at     timestamp with time zone,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint recurring_interval_check check (interval_count between 1 and 120
        and interval_unit in ('WEEK', 'MONTH', 'YEAR')),
    constraint recurring_dates_check check (ends_on is null or ends_on >= starts_on)
);
create index recurring_invoices_workspace_ix on recurring_invoices (workspace_id, client_id);
create index recurring_invoices_next_ix on recurring_invoices (next_date);

create table recurring_invoice_lines (
    id           uuid           primary key,
    recurring_id uuid           not null references recurring_invoices (id) on delete cascade,
    workspace_id uuid           not null references workspaces (id),
    position     integer        not null,
    description  varchar(2000)  not null,
    quantity     numeric(19, 4) not null,
    unit_price   numeric(19, 4) not null,
    tax_name     varchar(60),
    tax_percent  numeric(7, 4)  not null
);
create index recurring_invoice_lines_ix on recurring_invoice_lines (recurring_id, position);

-- The dates a recurring invoice was already made for, and the invoice made (no foreign key: a draft made
-- here may be deleted, and its date must still count as made).
create table recurring_invoice_runs (
    recurring_id uuid not null references recurring_invoices (id) on delete cascade,
    workspace_id uuid not null references workspaces (id),
    run_date     date not null,
    invoice_id   uuid,
    created_at   timestamp with time zone not null,
    primary key (recurring_id, run_date)
);
