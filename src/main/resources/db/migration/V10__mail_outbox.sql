-- The transactional email outbox. A message is written in the same transaction as the change that causes it
-- (an invoice sent, a reminder due), so a rollback leaves no message and a commit leaves one that is never lost.
-- A worker delivers waiting messages over SMTP: it claims a message by setting claimed_until (only when the
-- message is unclaimed or its claim has expired), so several nodes never send the same message at once.
create table mail_outbox (
    id              uuid                     not null primary key,
    workspace_id    uuid                     not null references workspaces (id),
    recipients      varchar(2000)            not null,
    reply_to        varchar(254),
    subject         varchar(300)             not null,
    body_text       varchar(200000)          not null,
    body_html       varchar(400000),
    reference       varchar(100),
    status          varchar(10)              not null,
    attempts        int                      not null default 0,
    next_attempt_at timestamp with time zone not null,
    claimed_until   timestamp with time zone,
    last_error      varchar(1000),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    constraint mail_outbox_status_check check (status in ('WAITING', 'SENT', 'FAILED')),
    constraint mail_outbox_attempts_check check (attempts >= 0)
);
-- The worker's question: which waiting messages are due?
create index mail_outbox_due on mail_outbox (status, next_attempt_at);
-- The outbox page, newest first, and "what became of this invoice's email?".
create index mail_outbox_listing on mail_outbox (workspace_id, created_at);
create index mail_outbox_reference on mail_outbox (workspace_id, reference);

create table mail_outbox_attachments (
    id           uuid         not null primary key,
    message_id   uuid         not null references mail_outbox (id) on delete cascade,
    workspace_id uuid         not null references workspaces (id),
    position     int          not null,
    file_name    varchar(200) not null,
    content_type varchar(200) not null,
    size_bytes   bigint       not null,
    content      bytea        not null
);
create index mail_outbox_attachments_message on mail_outbox_attachments (message_id, position);
