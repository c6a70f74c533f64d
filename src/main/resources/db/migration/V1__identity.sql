-- Workspaces (one per VA business), the people who sign in to them, invitations and API tokens.
create table workspaces (
    id            uuid primary key,
    name          varchar(120) not null,
    base_currency char(3)      not null,
    time_zone     varchar(64)  not null,
    locale        varchar(16)  not null,
    created_at    timestamp with time zone not null
);

create table users (
    id            uuid primary key,
    workspace_id  uuid         not null references workspaces (id),
    email         varchar(254) not null,
    display_name  varchar(120) not null,
    password_hash varchar(200) not null,
    role          varchar(16)  not null,
    locale        varchar(16)  not null,
    time_zone     varchar(64)  not null,
    client_id     uuid,
    disabled_at   timestamp with time zone,
    created_at    timestamp with time zone not null,
    constraint users_role_check check (role in ('OWNER', 'MEMBER', 'CLIENT'))
);
-- Emails are stored lower-cased; one person, one account per deployment.
create unique index users_email_uq on users (email);
create index users_workspace_ix on users (workspace_id);

create table invitations (
    id           uuid primary key,
    workspace_id uuid         not null references workspaces (id),
    email        varchar(254) not null,
    display_name varchar(120) not null,
    role         varchar(16)  not null,
    token_hash   char(64)     not null,
    invited_by   uuid         not null references users (id),
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    accepted_at  timestamp with time zone,
    revoked_at   timestamp with time zone
);
create unique index invitations_token_uq on invitations (token_hash);
create index invitations_workspace_ix on invitations (workspace_id);

create table api_tokens (
    id           uuid primary key,
    workspace_id uuid         not null references workspaces (id),
    user_id      uuid         not null references users (id),
    name         varchar(80)  not null,
    token_hash   char(64)     not null,
    hint         varchar(12)  not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone
);
create unique index api_tokens_hash_uq on api_tokens (token_hash);
create index api_tokens_user_ix on api_tokens (user_id);
