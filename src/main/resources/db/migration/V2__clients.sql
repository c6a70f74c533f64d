-- Clients of a workspace, their business hours, contacts and the members assigned to them.
create table clients (
    id                  uuid primary key,
    workspace_id        uuid         not null references workspaces (id),
    name                varchar(160) not null,
    status              varchar(16)  not null,
    time_zone           varchar(64)  not null,
    currency            char(3)      not null,
    locale              varchar(16)  not null,
    country             char(2),
    website             varchar(300),
    billing_address     varchar(1000),
    tax_id              varchar(64),
    response_time_hours integer      not null,
    channel_formal      varchar(16)  not null,
    channel_quick       varchar(16)  not null,
    channel_meeting     varchar(16)  not null,
    channel_report      varchar(16)  not null,
    cultural_notes      varchar(4000),
    notes               varchar(8000),
    archived_at         timestamp with time zone,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    constraint clients_status_check check (status in ('LEAD', 'ONBOARDING', 'ACTIVE', 'PAUSED', 'ENDED')),
    constraint clients_response_check check (response_time_hours between 1 and 720)
);
create index clients_workspace_name_ix on clients (workspace_id, name);

create table client_business_hours (
    client_id   uuid     not null references clients (id) on delete cascade,
    day_of_week smallint not null,
    opens_at    time     not null,
    closes_at   time     not null,
    primary key (client_id, day_of_week),
    constraint business_hours_day_check check (day_of_week between 1 and 7),
    constraint business_hours_order_check check (closes_at > opens_at)
);

create table client_contacts (
    id           uuid primary key,
    client_id    uuid         not null references clients (id) on delete cascade,
    workspace_id uuid         not null references workspaces (id),
    name         varchar(120) not null,
    email        varchar(254),
    phone        varchar(40),
    role         varchar(80),
    is_primary   boolean      not null,
    position     integer      not null
);
create index client_contacts_client_ix on client_contacts (client_id);

create table client_members (
    client_id    uuid not null references clients (id) on delete cascade,
    user_id      uuid not null references users (id),
    workspace_id uuid not null references workspaces (id),
    primary key (client_id, user_id)
);
create index client_members_user_ix on client_members (user_id);
