-- Requests: what a client asks for, from the portal, by email or entered by hand by the VA, with the
-- conversation on it, its files, and the pauses of its response-time clock. Every row names its workspace.
-- Times are UTC instants (timestamp with time zone).

-- The last request number given per workspace ("#123"): drawn by an update of this row inside the
-- transaction that creates the request, so two requests created at once never share a number.
create table request_counters (
    workspace_id uuid   not null primary key references workspaces (id),
    last_value   bigint not null,
    constraint request_counters_value_check check (last_value >= 1)
);

-- state: OPEN (waiting on the VA), WAITING_ON_CLIENT (clock paused), CLOSED, MERGED (into merged_into_id).
-- source: PORTAL (a contact signed in), EMAIL (from_address; a known contact in author_contact_id), MANUAL (a
-- VA in author_user_id on behalf of the client). first_response_due_at is null when the client has no
-- response commitment (no clock); sla_state is what the clock said when last recomputed, kept for filtering.
create table requests (
    id                    uuid primary key,
    workspace_id          uuid          not null references workspaces (id),
    client_id             uuid          not null references clients (id),
    number                bigint        not null,
    subject               varchar(200)  not null,
    state                 varchar(20)   not null,
    source                varchar(10)   not null,
    author_contact_id     uuid,
    author_user_id        uuid references users (id),
    author_email          varchar(320),
    desired_date          date,
    task_id               uuid references tasks (id) on delete set null,
    merged_into_id        uuid references requests (id),
    reply_token           varchar(64)   not null,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    last_message_at       timestamp with time zone not null,
    first_response_at     timestamp with time zone,
    first_response_due_at timestamp with time zone,
    sla_state             varchar(10),
    sla_notified_state    varchar(10),
    constraint requests_state_check check (state in ('OPEN', 'WAITING_ON_CLIENT', 'CLOSED', 'MERGED')),
    constraint requests_source_check check (source in ('PORTAL', 'EMAIL', 'MANUAL')),
    constraint requests_merged_check check ((state = 'MERGED') = (merged_into_id is not null)),
    constraint requests_sla_check check (sla_state is null
        or sla_state in ('ON_TRACK', 'AT_RISK', 'BREACHED', 'MET', 'PAUSED')),
    constraint requests_sla_notified_check check (sla_notified_state is null
        or sla_notified_state in ('ON_TRACK', 'AT_RISK', 'BREACHED', 'MET', 'PAUSED'))
);
create unique index requests_number_ux on requests (workspace_id, number);
create unique index requests_reply_token_ux on requests (reply_token);
create index requests_inbox_ix on requests (workspace_id, state, last_message_at);
create index requests_activity_ix on requests (workspace_id, last_message_at);
create index requests_client_ix on requests (workspace_id, client_id, last_message_at);
create index requests_sla_ix on requests (workspace_id, sla_state);
create index requests_task_ix on requests (task_id);
create index requests_merged_ix on requests (merged_into_id);

-- author_kind: CONTACT (portal; author_user_id is the contact's account, author_contact_id the contact), USER (a
-- VA), EMAIL (from_address; author_contact_id when the sender is a known contact). body is plain text; body_html
-- the sanitised HTML of an email, if any. visible_to_client is false for the VA's internal notes.
create table request_messages (
    id                uuid primary key,
    workspace_id      uuid           not null references workspaces (id),
    request_id        uuid           not null references requests (id) on delete cascade,
    author_kind       varchar(10)    not null,
    author_contact_id uuid,
    author_user_id    uuid references users (id),
    from_address      varchar(320),
    body              varchar(50000) not null,
    body_html         text,
    visible_to_client boolean        not null,
    email_message_id  varchar(998),
    in_reply_to       varchar(998),
    created_at        timestamp with time zone not null,
    constraint request_messages_author_check check (author_kind in ('CONTACT', 'USER', 'EMAIL'))
);
create index request_messages_request_ix on request_messages (request_id, created_at);
create unique index request_messages_email_ux on request_messages (workspace_id, email_message_id);

-- Files like task attachments: the bytes in the data folder (one file per id), the rest here.
create table request_attachments (
    id           uuid primary key,
    workspace_id uuid         not null references workspaces (id),
    request_id   uuid         not null references requests (id) on delete cascade,
    message_id   uuid         not null references request_messages (id) on delete cascade,
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    sha256       char(64)     not null,
    created_at   timestamp with time zone not null
);
create index request_attachments_message_ix on request_attachments (message_id);
create index request_attachments_request_ix on request_attachments (request_id);

-- Stretches while the request waited on the client (the clock stood still); paused_until null: still waiting.
create table request_pauses (
    id           uuid primary key,
    workspace_id uuid not null references workspaces (id),
    request_id   uuid not null references requests (id) on delete cascade,
    paused_from  timestamp with time zone not null,
    paused_until timestamp with time zone,
    constraint request_pauses_order_check check (paused_until is null or paused_until >= paused_from)
);
create index request_pauses_request_ix on request_pauses (request_id, paused_from);
