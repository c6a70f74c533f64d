-- Issue 12: the exchange-differences report sums a row per workspace, payment day and currency from here instead of
-- every payment of the period (the period is any range of days, so the rows are by day: a year is at most 366 of
-- them per currency, whatever the number of payments). Kept exactly right by the billing module in the transaction
-- of every change to a payment or to its invoice's rate (ExchangeDays); filled from the existing payments by V22_51.
-- A row sums the payments (amount > 0) of invoices in `currency` whose rate was recorded into `rate_currency` (the
-- invoice's base_currency, null without one). Each payment's difference is its amount at the payment date's rate
-- less its amount at the issue date's rate, each rounded half-up to rate_currency's minor units, as the report
-- did per payment; gains sums the positive differences, losses the negative ones, unrated counts the payments
-- missing either rate.
create table billing_exchange_days (
    workspace_id  uuid           not null references workspaces (id),
    paid_on       date           not null,
    currency      char(3)        not null,
    rate_currency char(3),
    payments      bigint         not null,
    unrated       bigint         not null,
    gains         numeric(19, 4) not null,
    losses        numeric(19, 4) not null
);
create index billing_exchange_days_ix on billing_exchange_days (workspace_id, paid_on);
