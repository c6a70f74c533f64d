-- The money reports sum in the database: revenue and the accountant's export read a workspace's invoices by
-- issue date; receivables, late payers and the forecast read its open invoices by due date.
create index invoices_issue_date_ix on invoices (workspace_id, issue_date);
create index invoices_open_due_ix on invoices (workspace_id, status, due_date);
