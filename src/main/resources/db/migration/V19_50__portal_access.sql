-- The client portal: which contacts may sign in (their account is a users row with role CLIENT), and the
-- single-use sign-in links emailed to them (only a hash of each link is stored).
create table portal_access (
    contact_id       uuid primary key,
    workspace_id     uuid not null references workspaces (id),
    client_id        uuid not null references clients (id) on delete cascade,
    user_id          uuid not null references users (id),
    invited_at       timestamp with time zone not null,
    first_sign_in_at timestamp with time zone,
    last_sign_in_at  timestamp with time zone,
    password_set_at  timestamp with time zone,
    revoked_at       timestamp with time zone
);
create unique index portal_access_user_uq on portal_access (user_id);
create index portal_access_client_ix on portal_access (workspace_id, client_id);

create table portal_links (
    token_hash   char(64) primary key,
    user_id      uuid not null references users (id),
    workspace_id uuid not null references workspaces (id),
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    used_at      timestamp with time zone
);
create index portal_links_user_ix on portal_links (user_id);
