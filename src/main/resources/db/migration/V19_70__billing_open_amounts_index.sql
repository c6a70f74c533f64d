-- Issue 12: what open invoices still owe (the invoice list's "outstanding", a client page's billing section) is
-- summed from this index alone, for the workspace or for one client, without visiting the invoices themselves.
create index invoices_open_amounts_ix on invoices (workspace_id, status, client_id, currency, kind, total, amount_paid);
