-- In-app notifications: one row per person told something. The text is kept as a message key with its arguments
-- and written in the reader's language when shown (or mailed), so a person who switches language reads old
-- notifications in the new one. dedupe_key makes "tell once per state change" a unique row per person.
create table notifications (
    id           uuid primary key,
    workspace_id uuid not null references workspaces (id),
    user_id      uuid not null references users (id) on delete cascade,
    kind         varchar(60) not null,
    message_key  varchar(120) not null,
    arguments    varchar(4000) not null,
    link         varchar(500),
    dedupe_key   varchar(200),
    emailed      boolean not null default false,
    created_at   timestamp with time zone not null,
    read_at      timestamp with time zone
);
-- The header's unread count on every page: one person's unread rows, read from the index alone.
create index notifications_unread_ix on notifications (user_id, read_at, workspace_id);
-- The notifications page: one person's, newest first.
create index notifications_user_ix on notifications (user_id, created_at, id);
-- Rows without a key (null) never collide, on H2 and PostgreSQL alike.
create unique index notifications_dedupe_uq on notifications (user_id, dedupe_key);
