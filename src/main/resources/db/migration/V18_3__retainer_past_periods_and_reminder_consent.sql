-- Issue 11: a retainer that starts in the past bills its past periods only as the owner chose: now, dated the
-- day they are made (billed_late_before: periods starting before that day), or not at all (bill_from moves on).
alter table retainers add column billed_late_before date;

-- An invoice overdue on the day it was issued gets no reminder until the owner says so on its page.
alter table invoices add column reminders_held boolean default false not null;

-- Those issued so (before this change) wait for the owner's word too: overdue on the day of their issue event.
update invoices set reminders_held = true
where status in ('ISSUED', 'SENT', 'PARTIALLY_PAID') and kind <> 'CREDIT_NOTE' and due_date < (
    select cast(min(e.at) as date) from invoice_events e where e.invoice_id = invoices.id and e.kind = 'ISSUED');
