-- Time tracking: entries, the one running timer per person, hourly rates, each client's rounding rule,
-- and imports from other trackers. Every row names its workspace.

create table time_imports (
    id             uuid primary key,
    workspace_id   uuid         not null references workspaces (id),
    user_id        uuid         not null references users (id),
    source         varchar(16)  not null,
    file_name      varchar(255) not null,
    file_sha256    char(64)     not null,
    zone           varchar(64)  not null,
    row_count      integer      not null,
    status         varchar(16)  not null,
    imported_count integer,
    skipped_count  integer,
    created_at     timestamp with time zone not null,
    committed_at   timestamp with time zone,
    constraint time_imports_source_check check (source in ('TOGGL', 'CLOCKIFY')),
    constraint time_imports_status_check check (status in ('PREVIEW', 'COMMITTED'))
);
create index time_imports_workspace_ix on time_imports (workspace_id, created_at);

-- An entry is a span of real time (two instants), logged in a zone: local_date is the start's date in
-- that zone, the day it counts for in timesheets, reports and per-day rounding. duration_seconds is the
-- span less its breaks. The rate in force when the entry was made is copied onto it (rate_source says
-- which rule gave it), so a later change of rates touches future entries only. An entry on an issued
-- invoice carries the invoice and is locked.
create table time_entries (
    id               uuid primary key,
    workspace_id     uuid          not null references workspaces (id),
    user_id          uuid          not null references users (id),
    client_id        uuid          not null references clients (id),
    project_id       uuid references projects (id) on delete set null,
    task_id          uuid references tasks (id) on delete set null,
    task_type        varchar(60),
    started_at       timestamp with time zone not null,
    ended_at         timestamp with time zone not null,
    zone             varchar(64)   not null,
    local_date       date          not null,
    break_seconds    integer       not null,
    duration_seconds integer       not null,
    billable         boolean       not null,
    note             varchar(2000),
    rate_amount      numeric(19, 4),
    rate_currency    char(3),
    rate_source      varchar(16),
    invoice_id       uuid,
    invoice_number   varchar(60),
    import_id        uuid references time_imports (id),
    import_key       char(64),
    created_by       uuid          not null references users (id),
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint time_entries_order_check check (ended_at > started_at),
    constraint time_entries_duration_check check (duration_seconds between 0 and 86400 and break_seconds >= 0),
    constraint time_entries_rate_check check ((rate_amount is null) = (rate_currency is null)),
    constraint time_entries_rate_source_check check (rate_source is null
        or rate_source in ('WORKSPACE', 'CLIENT', 'PROJECT', 'TASK_TYPE', 'MEMBER', 'ENTRY'))
);
create index time_entries_user_ix on time_entries (workspace_id, user_id, started_at);
create index time_entries_client_ix on time_entries (workspace_id, client_id, local_date);
create index time_entries_date_ix on time_entries (workspace_id, local_date);
create index time_entries_task_ix on time_entries (task_id);
create index time_entries_project_ix on time_entries (project_id);
-- A row of an imported file is imported once, whichever file it comes in again.
create unique index time_entries_import_ux on time_entries (workspace_id, import_key);

create table time_entry_tags (
    entry_id     uuid        not null references time_entries (id) on delete cascade,
    workspace_id uuid        not null references workspaces (id),
    tag          varchar(40) not null,
    primary key (entry_id, tag)
);
create index time_entry_tags_tag_ix on time_entry_tags (workspace_id, tag);

-- The running timer of a person: one row at most (the key). paused_at is set during a break;
-- break_seconds adds up the breaks already over; resumed_at is when the last break ended (a Pomodoro
-- work period runs from then). Pomodoro lengths are set when the timer runs in that mode.
create table time_timers (
    user_id                uuid         primary key references users (id),
    workspace_id           uuid         not null references workspaces (id),
    client_id              uuid         not null references clients (id),
    project_id             uuid references projects (id) on delete set null,
    task_id                uuid references tasks (id) on delete set null,
    note                   varchar(2000),
    billable               boolean      not null,
    zone                   varchar(64)  not null,
    started_at             timestamp with time zone not null,
    paused_at              timestamp with time zone,
    resumed_at             timestamp with time zone,
    break_seconds          integer      not null,
    pomodoro_work_minutes  integer,
    pomodoro_break_minutes integer,
    constraint time_timers_pomodoro_check check ((pomodoro_work_minutes is null) = (pomodoro_break_minutes is null))
);

-- Hourly rates. scope_key names what the rate is for: '' for the workspace default, else the client's,
-- project's or member's id, or the task type in lower case. One rate per thing and currency.
create table time_rates (
    id           uuid primary key,
    workspace_id uuid           not null references workspaces (id),
    scope        varchar(16)    not null,
    scope_key    varchar(100)   not null,
    currency     char(3)        not null,
    amount       numeric(19, 4) not null,
    label        varchar(160)   not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    constraint time_rates_scope_check check (scope in ('WORKSPACE', 'CLIENT', 'PROJECT', 'TASK_TYPE', 'MEMBER')),
    constraint time_rates_amount_check check (amount >= 0),
    constraint time_rates_unique unique (workspace_id, scope, scope_key, currency)
);

-- How a client's billable time is rounded: NONE, or UP, DOWN or NEAREST to a number of minutes, for
-- each entry (ENTRY) or for each task's total of a day (DAY).
create table time_client_settings (
    client_id        uuid primary key references clients (id) on delete cascade,
    workspace_id     uuid        not null references workspaces (id),
    rounding_mode    varchar(8)  not null,
    rounding_minutes integer     not null,
    rounding_scope   varchar(8)  not null,
    constraint time_client_rounding_check check (rounding_mode in ('NONE', 'UP', 'DOWN', 'NEAREST')
        and rounding_minutes in (1, 5, 6, 10, 15, 30) and rounding_scope in ('ENTRY', 'DAY'))
);

-- A person's timer preferences.
create table time_user_settings (
    user_id                uuid primary key references users (id),
    workspace_id           uuid    not null references workspaces (id),
    pomodoro_work_minutes  integer not null,
    pomodoro_break_minutes integer not null,
    constraint time_user_pomodoro_check check (pomodoro_work_minutes between 5 and 120
        and pomodoro_break_minutes between 1 and 60)
);
