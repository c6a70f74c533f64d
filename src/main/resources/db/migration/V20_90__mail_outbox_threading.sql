-- Threading headers of an outbox message (replies to a client's request): its own Message-ID (null: the worker
-- makes one from the message's id), the message it answers and the thread it belongs to (References, the ids
-- separated by spaces), and Auto-Submitted for automatic answers such as "we received your request", so the
-- client's mail program does not answer them in turn.
alter table mail_outbox add column message_id varchar(250);
alter table mail_outbox add column in_reply_to varchar(250);
alter table mail_outbox add column thread_references varchar(4000);
alter table mail_outbox add column auto_submitted varchar(20);
