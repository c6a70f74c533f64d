-- Email intake: one IMAP mailbox per workspace, and every message read from it, claimed once.
-- The password is kept as other server secrets of a workspace are (plain, in the database: there is no
-- encryption helper yet); the settings page never shows it again.
create table intake_mailboxes (
    workspace_id   uuid primary key references workspaces (id),
    host           varchar(255) not null,
    port           integer      not null,
    security       varchar(10)  not null,
    username       varchar(320) not null,
    password       varchar(1000) not null,
    folder         varchar(255) not null,
    enabled        boolean      not null,
    uid_validity   bigint,
    last_uid       bigint       not null default 0,
    failures       integer      not null default 0,
    next_poll_at   timestamp with time zone,
    last_polled_at timestamp with time zone,
    last_error     varchar(500),
    updated_at     timestamp with time zone not null,
    constraint intake_mailboxes_security_check check (security in ('SSL', 'STARTTLS', 'NONE'))
);

-- One row per message seen. The unique keys are the claim: a second node, or a run after a restart, that reads
-- the same message (by UID, or by Message-ID after the folder's UIDVALIDITY changed) fails to insert and skips it.
-- REVIEW rows (unknown senders) keep the raw message until the VA assigns or discards them.
create table intake_messages (
    id              uuid primary key,
    workspace_id    uuid          not null references workspaces (id),
    uid_validity    bigint        not null,
    uid             bigint        not null,
    message_id      varchar(998),
    state           varchar(12)   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamp with time zone,
    error           varchar(1000),
    from_address    varchar(320),
    from_name       varchar(200),
    subject         varchar(200),
    preview         varchar(500),
    received_at     timestamp with time zone not null,
    raw             bytea,
    request_id      uuid,
    handled_by      uuid,
    handled_at      timestamp with time zone,
    constraint intake_messages_state_check
        check (state in ('DONE', 'IGNORED', 'REVIEW', 'ASSIGNED', 'DISCARDED', 'FAILED', 'GAVE_UP')),
    constraint intake_messages_uid_uq unique (workspace_id, uid_validity, uid)
);
-- Rows without a Message-ID (null) never collide, on H2 and PostgreSQL alike.
create unique index intake_messages_message_id_uq on intake_messages (workspace_id, message_id);
-- The review list (newest first) and the retries due.
create index intake_messages_state_ix on intake_messages (workspace_id, state, received_at);
