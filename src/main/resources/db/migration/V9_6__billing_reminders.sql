-- Payment reminders: one row per invoice and step of the workspace's schedule (days relative to the due
-- date), written in the transaction that puts the reminder in the mail outbox. The key makes a step happen
-- once, whichever node runs the schedule. A step that was passed while the schedule was not running, or
-- that could not be sent (no address), is logged as skipped with its reason.
create table invoice_reminders (
    invoice_id   uuid        not null references invoices (id),
    workspace_id uuid        not null references workspaces (id),
    offset_days  integer     not null,
    due_date     date        not null,
    outcome      varchar(16) not null,
    recipient    varchar(320),
    message_id   uuid,
    at           timestamp with time zone not null,
    primary key (invoice_id, offset_days),
    constraint invoice_reminders_outcome_check check (outcome in ('SENT', 'SKIPPED', 'NO_ADDRESS'))
);
create index invoice_reminders_workspace_ix on invoice_reminders (workspace_id, at);
