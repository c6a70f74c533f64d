-- Issue 11: a base-currency rate filled in after the fact (the rate arrived after the invoice or payment was
-- recorded) keeps when it was filled in, so the reports can say which figures came later.
alter table invoices add column base_rate_filled_at timestamp with time zone;
alter table payments add column base_rate_filled_at timestamp with time zone;
