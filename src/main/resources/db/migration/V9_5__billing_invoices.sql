-- Billing: invoices, their lines, payments, client credit, and the keys that make retries safe.
-- Every row names its workspace. Money is numeric(19,4) and always at the currency's own minor units;
-- line amounts are rounded once (billing.InvoiceMath) and totals are sums of the stored line amounts.

-- A workspace's billing settings; a workspace without a row has the defaults (billing.BillingSettings).
create table billing_settings (
    workspace_id         uuid          primary key references workspaces (id),
    invoice_pattern      varchar(60)   not null,
    credit_note_pattern  varchar(60)   not null,
    net_days             integer       not null,
    tax_mode             varchar(10)   not null,
    tax_name             varchar(60),
    tax_percent          numeric(7, 4),
    business_details     varchar(2000),
    payment_instructions varchar(4000),
    default_notes        varchar(4000),
    default_terms        varchar(4000),
    show_base_total      boolean       not null,
    closed_through       date,
    reminder_days        varchar(100)  not null,
    logo                 bytea,
    logo_type            varchar(40),
    updated_at           timestamp with time zone not null,
    constraint billing_settings_net_days_check check (net_days between 0 and 365),
    constraint billing_settings_tax_mode_check check (tax_mode in ('EXCLUSIVE', 'INCLUSIVE'))
);

-- A client's own payment terms, over the workspace's: net days, and a deposit taken up front.
create table client_billing_terms (
    client_id       uuid          primary key references clients (id),
    workspace_id    uuid          not null references workspaces (id),
    net_days        integer,
    deposit_percent numeric(5, 2),
    updated_at      timestamp with time zone not null,
    constraint client_billing_terms_net_days_check check (net_days is null or net_days between 0 and 365),
    constraint client_billing_terms_deposit_check check (deposit_percent is null
        or (deposit_percent > 0 and deposit_percent < 100))
);

-- An invoice, a deposit invoice or a credit note. A draft has no number; issuing gives it one (gapless,
-- per series) and from then on nothing that is printed on it changes. A credit note voids the invoice in
-- credit_for. A deposit invoice points at the invoice that will deduct it (deposit_for). base_rate is the
-- rate of the invoice's currency in the workspace's base currency on the issue date, kept for reports.
create table invoices (
    id               uuid          primary key,
    workspace_id     uuid          not null references workspaces (id),
    client_id        uuid          not null references clients (id),
    kind             varchar(12)   not null,
    status           varchar(16)   not null,
    series           varchar(40),
    number           varchar(60),
    currency         char(3)       not null,
    language         varchar(20)   not null,
    tax_mode         varchar(10)   not null,
    discount_percent numeric(7, 4) not null,
    net_days         integer       not null,
    issue_date       date,
    due_date         date,
    subtotal         numeric(19, 4) not null,
    tax_total        numeric(19, 4) not null,
    total            numeric(19, 4) not null,
    amount_paid      numeric(19, 4) not null,
    notes            varchar(4000),
    terms            varchar(4000),
    credit_for       uuid references invoices (id),
    deposit_for      uuid references invoices (id),
    deposit_percent  numeric(5, 2),
    base_currency    char(3),
    base_rate        numeric(24, 10),
    base_rate_day    date,
    source           varchar(12),
    source_id        uuid,
    source_period    date,
    sent_at          timestamp with time zone,
    paid_at          timestamp with time zone,
    voided_at        timestamp with time zone,
    created_by       uuid          references users (id),
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint invoices_kind_check check (kind in ('INVOICE', 'DEPOSIT', 'CREDIT_NOTE')),
    constraint invoices_status_check check (status in ('DRAFT', 'ISSUED', 'SENT', 'PARTIALLY_PAID', 'PAID', 'VOID')),
    constraint invoices_tax_mode_check check (tax_mode in ('EXCLUSIVE', 'INCLUSIVE')),
    constraint invoices_number_check check ((status = 'DRAFT') = (number is null)),
    constraint invoices_dates_check check (status = 'DRAFT' or (issue_date is not null and due_date is not null)),
    constraint invoices_number_ux unique (workspace_id, series, number),
    constraint invoices_source_ux unique (workspace_id, source, source_id, source_period)
);
create index invoices_list_ix on invoices (workspace_id, created_at, id);
create index invoices_status_ix on invoices (workspace_id, status, created_at);
create index invoices_client_ix on invoices (workspace_id, client_id, created_at);
create index invoices_due_ix on invoices (workspace_id, due_date);
create index invoices_credit_for_ix on invoices (credit_for);
create index invoices_deposit_for_ix on invoices (deposit_for);

-- A line: what it is (kind), its text, and its figures as InvoiceMath computed them. A line of time keeps
-- its exact seconds (quantity then shows the hours to 4 decimals); its amount is computed from the seconds. A time line lists
-- the entries it bills in invoice_line_entries; an expense line names its expense; a deduction line
-- names the deposit invoice it deducts.
create table invoice_lines (
    id                 uuid           primary key,
    invoice_id         uuid           not null references invoices (id) on delete cascade,
    workspace_id       uuid           not null references workspaces (id),
    position           integer        not null,
    kind               varchar(12)    not null,
    description        varchar(2000)  not null,
    detail             varchar(2000),
    quantity           numeric(19, 4) not null,
    seconds            bigint,
    unit               varchar(10)    not null,
    unit_price         numeric(19, 4) not null,
    discount_percent   numeric(7, 4)  not null,
    tax_name           varchar(60),
    tax_percent        numeric(7, 4)  not null,
    net                numeric(19, 4) not null,
    tax                numeric(19, 4) not null,
    gross              numeric(19, 4) not null,
    service_id         uuid,
    expense_id         uuid,
    deposit_invoice_id uuid references invoices (id),
    constraint invoice_lines_kind_check check (kind in ('ITEM', 'TIME', 'EXPENSE', 'RETAINER', 'OVERAGE',
        'DEPOSIT', 'DEDUCTION')),
    constraint invoice_lines_unit_check check (unit in ('HOURS', 'ITEMS'))
);
create index invoice_lines_invoice_ix on invoice_lines (invoice_id, position);

-- The time entries a time line bills. No foreign key to time_entries: an entry deleted while only on a
-- draft is found missing when the draft is issued, and the issue is refused until the lines are refreshed.
create table invoice_line_entries (
    line_id      uuid not null references invoice_lines (id) on delete cascade,
    entry_id     uuid not null,
    invoice_id   uuid not null references invoices (id) on delete cascade,
    workspace_id uuid not null references workspaces (id),
    primary key (line_id, entry_id)
);
create index invoice_line_entries_invoice_ix on invoice_line_entries (invoice_id);
create index invoice_line_entries_entry_ix on invoice_line_entries (workspace_id, entry_id);

-- A payment against an invoice: amount is what it settled, in the invoice's currency; credit is what it
-- paid beyond the amount due, which became the client's credit. A payment received in another currency
-- keeps that amount and the rate used. base_rate is the invoice currency's rate in the base currency on
-- the payment date (the realised exchange difference is measured against the invoice's base_rate).
-- request_key makes a double submit or a retried API call record one payment.
create table payments (
    id                uuid           primary key,
    workspace_id      uuid           not null references workspaces (id),
    invoice_id        uuid           not null references invoices (id),
    client_id         uuid           not null references clients (id),
    paid_on           date           not null,
    amount            numeric(19, 4) not null,
    credit            numeric(19, 4) not null,
    method            varchar(16)    not null,
    fee               numeric(19, 4) not null,
    received_currency char(3),
    received_amount   numeric(19, 4),
    received_rate     numeric(24, 10),
    base_rate         numeric(24, 10),
    note              varchar(1000),
    request_key       varchar(200),
    created_by        uuid           references users (id),
    created_at        timestamp with time zone not null,
    constraint payments_amount_check check (amount >= 0 and credit >= 0 and amount + credit > 0 and fee >= 0),
    constraint payments_method_check check (method in ('BANK', 'PAYPAL', 'WISE', 'CARD', 'CASH', 'CREDIT', 'OTHER')),
    constraint payments_request_ux unique (workspace_id, request_key)
);
create index payments_invoice_ix on payments (invoice_id, paid_on);
create index payments_workspace_ix on payments (workspace_id, paid_on);

-- A client's credit, as a ledger: positive from an overpayment or a voided paid invoice, negative when used.
create table client_credits (
    id           uuid           primary key,
    workspace_id uuid           not null references workspaces (id),
    client_id    uuid           not null references clients (id),
    currency     char(3)        not null,
    amount       numeric(19, 4) not null,
    payment_id   uuid           references payments (id),
    invoice_id   uuid           references invoices (id),
    note         varchar(500),
    created_at   timestamp with time zone not null
);
create index client_credits_client_ix on client_credits (workspace_id, client_id, currency);

-- What happened to an invoice, for its page: created, issued, sent, paid, reminded, voided.
create table invoice_events (
    id           uuid          primary key,
    invoice_id   uuid          not null references invoices (id) on delete cascade,
    workspace_id uuid          not null references workspaces (id),
    at           timestamp with time zone not null,
    kind         varchar(20)   not null,
    detail       varchar(1000),
    user_id      uuid          references users (id)
);
create index invoice_events_invoice_ix on invoice_events (invoice_id, at);

-- An API call's Idempotency-Key: a retry with the same key and operation returns the first result.
create table idempotency_keys (
    workspace_id uuid         not null references workspaces (id),
    operation    varchar(60)  not null,
    idem_key     varchar(200) not null,
    request_hash char(64)     not null,
    resource_id  uuid         not null,
    created_at   timestamp with time zone not null,
    primary key (workspace_id, operation, idem_key)
);
