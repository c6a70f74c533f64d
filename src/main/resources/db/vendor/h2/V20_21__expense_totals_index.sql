-- The expenses list counts and sums every match per currency (db/vendor/postgresql covers the columns it reads).
create index expenses_totals_ix on expenses (workspace_id, spent_on, currency, amount);
