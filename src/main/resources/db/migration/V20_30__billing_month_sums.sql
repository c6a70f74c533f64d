-- Issue 12: the money reports (revenue and cash by month, each client's share) read a row per client, month and
-- currency from here instead of every invoice and payment of the period. Kept exactly right by the billing module
-- in the transaction of every change to an invoice or payment (MonthSums); filled from the existing invoices and
-- payments by V20_31. source: INVOICED (subtotal of numbered invoices by issue month, credit notes negative) or
-- RECEIVED (payments other than from credit, amount + credit, by payment month). rate_currency is the currency of
-- the rate recorded on the invoice (null without one); rated_amount the sum of each amount converted at that rate
-- and rounded to rate_currency's minor units one by one, as the reports did per invoice.
create table billing_month_sums (
    workspace_id  uuid           not null references workspaces (id),
    client_id     uuid           not null references clients (id),
    month_start   date           not null,
    source        varchar(8)     not null,
    currency      char(3)        not null,
    rate_currency char(3),
    amount        numeric(19, 4) not null,
    rated_amount  numeric(19, 4),
    items         bigint         not null,
    first_day     date           not null,
    constraint billing_month_sums_source_check check (source in ('INVOICED', 'RECEIVED'))
);
create index billing_month_sums_ix on billing_month_sums (workspace_id, source, month_start);
create index billing_month_sums_client_ix on billing_month_sums (workspace_id, client_id, month_start);
-- A client's month of invoices or payments, read again after each change.
create index invoices_client_issue_ix on invoices (workspace_id, client_id, issue_date);
create index payments_client_paid_ix on payments (workspace_id, client_id, paid_on);
-- The revenue page's "rates filled in later" (the newest 50): from the few invoices that have one, not the period's.
create index invoices_rate_filled_ix on invoices (workspace_id, base_rate_filled_at);
