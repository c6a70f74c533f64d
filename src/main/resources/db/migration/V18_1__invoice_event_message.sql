-- Issue 11: an invoice's history says what became of the email an event put in the outbox (waiting, sent,
-- failed), so the event keeps the message's id. Reminders logged before this learn theirs from the reminder log.
alter table invoice_events add column message_id uuid;

update invoice_events set message_id = (
    select r.message_id from invoice_reminders r
    where r.invoice_id = invoice_events.invoice_id and r.workspace_id = invoice_events.workspace_id
      and r.at = invoice_events.at and r.outcome = 'SENT' and r.message_id is not null
    fetch first 1 rows only)
where kind = 'REMINDER';
