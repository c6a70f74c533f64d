-- The name an outbox message is sent under (e.g. the workspace's name on portal invitations); null keeps the
-- configured sender's own name.
alter table mail_outbox add column sender_name varchar(160);
