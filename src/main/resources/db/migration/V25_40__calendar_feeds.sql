-- Calendar feeds (issue 14): a secret ICS address per person (their blocks and due dates) or per client (its
-- deadlines). Only the SHA-256 of the address's token is kept, so a copy of the database opens no feed; the feed
-- is found by that hash alone. One feed per person and per client: making a new one replaces the old (its address
-- stops working at once), revoking deletes it. created_by is who made it (the person, or the owner for a client).
create table calendar_feeds (
    id           uuid primary key,
    workspace_id uuid        not null references workspaces (id),
    user_id      uuid references users (id) on delete cascade,
    client_id    uuid references clients (id) on delete cascade,
    token_hash   varchar(64) not null,
    hint         varchar(12) not null,
    created_by   uuid        not null references users (id) on delete cascade,
    created_at   timestamp with time zone not null,
    constraint calendar_feeds_subject_check check ((user_id is null and client_id is not null)
        or (user_id is not null and client_id is null)));
create unique index calendar_feeds_token_ix on calendar_feeds (token_hash);
create unique index calendar_feeds_user_ix on calendar_feeds (workspace_id, user_id);
create unique index calendar_feeds_client_ix on calendar_feeds (workspace_id, client_id);
