-- The expenses list counts and sums every match per currency: this index holds what that reads (the dates, the
-- filters, the currency and amount), so the count and totals read the index, not the table.
create index expenses_totals_ix on expenses (workspace_id, spent_on) include (client_id, billable, invoice_id, currency, amount);
