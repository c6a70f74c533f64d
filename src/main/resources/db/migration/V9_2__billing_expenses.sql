-- Billing: expenses paid for a client, with an optional receipt (a PDF or an image kept on disk, named by the
-- expense's id in a folder per workspace; its name, type and size here). A billable expense is in the client's
-- currency, so it can go on the client's invoice; once on one it carries the invoice (no foreign key: invoices
-- come in a later migration) and cannot change until the invoice lets it go.
create table expenses (
    id             uuid primary key,
    workspace_id   uuid           not null references workspaces (id),
    client_id      uuid           not null references clients (id),
    project_id     uuid references projects (id) on delete set null,
    spent_on       date           not null,
    description    varchar(500)   not null,
    category       varchar(60),
    amount         numeric(19, 4) not null,
    currency       char(3)        not null,
    billable       boolean        not null,
    receipt_name   varchar(255),
    receipt_type   varchar(100),
    receipt_size   bigint,
    invoice_id     uuid,
    invoice_number varchar(60),
    created_by     uuid           not null references users (id),
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint expenses_amount_check check (amount > 0),
    constraint expenses_receipt_check check ((receipt_name is null) = (receipt_type is null)
        and (receipt_name is null) = (receipt_size is null)),
    constraint expenses_invoice_check check (invoice_number is null or invoice_id is not null)
);
-- The list: by client and date, or by date alone.
create index expenses_client_ix on expenses (workspace_id, client_id, spent_on);
create index expenses_date_ix on expenses (workspace_id, spent_on);
-- What an invoice may take (billable, not yet on an invoice) and what an invoice holds.
create index expenses_unbilled_ix on expenses (workspace_id, client_id, billable, invoice_id);
create index expenses_invoice_ix on expenses (workspace_id, invoice_id);
