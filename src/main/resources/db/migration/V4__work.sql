-- Work: workflows and their stages, projects, tasks (with checklists, comments, attachments and
-- history), and the templates that create them. Every row names its workspace.

create table workflows (
    id           uuid primary key,
    workspace_id uuid         not null references workspaces (id),
    name         varchar(120) not null,
    template_key varchar(40),
    created_at   timestamp with time zone not null,
    constraint workflows_template_unique unique (workspace_id, template_key)
);
create index workflows_workspace_ix on workflows (workspace_id);

-- kind: OPEN (ordinary work), REVIEW (owner approves a member's work), CLIENT_APPROVAL (the client
-- approves or asks for changes), DONE (the work is finished; a recurring task repeats from here).
create table workflow_stages (
    id           uuid primary key,
    workspace_id uuid         not null references workspaces (id),
    workflow_id  uuid         not null references workflows (id) on delete cascade,
    position     integer      not null,
    name         varchar(80)  not null,
    kind         varchar(16)  not null,
    constraint workflow_stages_kind_check check (kind in ('OPEN', 'REVIEW', 'CLIENT_APPROVAL', 'DONE')));
create index workflow_stages_workflow_ix on workflow_stages (workflow_id, position);

create table projects (
    id              uuid primary key,
    workspace_id    uuid          not null references workspaces (id),
    client_id       uuid          not null references clients (id),
    workflow_id     uuid          not null references workflows (id),
    name            varchar(160)  not null,
    status          varchar(16)   not null,
    start_date      date,
    due_date        date,
    budget_minutes  integer,
    budget_amount   numeric(19, 4),
    budget_currency char(3),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint projects_status_check check (status in ('PLANNED', 'ACTIVE', 'ON_HOLD', 'DONE', 'CANCELLED')),
    constraint projects_dates_check check (due_date is null or start_date is null or due_date >= start_date),
    constraint projects_budget_check check ((budget_amount is null) = (budget_currency is null))
);
create index projects_client_ix on projects (workspace_id, client_id);

create table tasks (
    id               uuid primary key,
    workspace_id     uuid          not null references workspaces (id),
    client_id        uuid          not null references clients (id),
    project_id       uuid references projects (id),
    workflow_id      uuid          not null references workflows (id),
    stage_id         uuid          not null references workflow_stages (id),
    position         integer       not null,
    title            varchar(200)  not null,
    description      varchar(20000),
    urgent           boolean       not null,
    important        boolean       not null,
    -- due: a date alone (due_date), or an instant (due_at) stated in a zone (due_zone), whose date in
    -- that zone is also kept in due_date so both kinds sort and filter together.
    due_date         date,
    due_at           timestamp with time zone,
    due_zone         varchar(64),
    estimate_minutes integer,
    assignee_id      uuid references users (id),
    task_type        varchar(60),
    -- recurrence: every recur_interval days, weeks (on recur_weekdays, e.g. "MONDAY,THURSDAY") or months.
    recur_frequency  varchar(8),
    recur_interval   integer,
    recur_weekdays   varchar(80),
    recur_anchor     date,
    recur_until      date,
    series_id        uuid,
    sop              varchar(20000),
    completed_at     timestamp with time zone,
    created_by       uuid          not null references users (id),
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint tasks_due_check check (due_at is null or (due_zone is not null and due_date is not null)),
    constraint tasks_estimate_check check (estimate_minutes is null or estimate_minutes between 1 and 100000),
    constraint tasks_recur_check check (recur_frequency is null
        or (recur_frequency in ('DAILY', 'WEEKLY', 'MONTHLY') and recur_interval between 1 and 366
            and due_date is not null and series_id is not null and recur_anchor is not null))
);
create index tasks_stage_ix on tasks (workspace_id, stage_id, position);
create index tasks_client_ix on tasks (workspace_id, client_id, completed_at);
create index tasks_assignee_ix on tasks (workspace_id, assignee_id, completed_at, due_date);
create index tasks_project_ix on tasks (project_id);
-- One occurrence per series and date: two nodes completing or scheduling the same repeat make one task.
create unique index tasks_series_date_ux on tasks (series_id, due_date);

create table task_checklist_items (
    id           uuid primary key,
    workspace_id uuid          not null references workspaces (id),
    task_id      uuid          not null references tasks (id) on delete cascade,
    position     integer       not null,
    text         varchar(500)  not null,
    done         boolean       not null
);
create index task_checklist_task_ix on task_checklist_items (task_id, position);

create table task_comments (
    id           uuid primary key,
    workspace_id uuid           not null references workspaces (id),
    task_id      uuid           not null references tasks (id) on delete cascade,
    author_id    uuid           not null references users (id),
    body         varchar(10000) not null,
    created_at   timestamp with time zone not null
);
create index task_comments_task_ix on task_comments (task_id, created_at);

create table task_attachments (
    id           uuid primary key,
    workspace_id uuid          not null references workspaces (id),
    task_id      uuid          not null references tasks (id) on delete cascade,
    file_name    varchar(255)  not null,
    content_type varchar(100)  not null,
    size_bytes   bigint        not null,
    sha256       char(64)      not null,
    uploaded_by  uuid          not null references users (id),
    created_at   timestamp with time zone not null
);
create index task_attachments_task_ix on task_attachments (task_id);

-- What happened to a task: moves between stages, approvals (by the client, or by the owner on the
-- client's behalf, which on_behalf_of_client records), requests for changes.
create table task_events (
    id                  uuid primary key,
    workspace_id        uuid         not null references workspaces (id),
    task_id             uuid         not null references tasks (id) on delete cascade,
    actor_id            uuid         not null references users (id),
    kind                varchar(24)  not null,
    from_stage_id       uuid,
    to_stage_id         uuid,
    on_behalf_of_client boolean      not null,
    note                varchar(2000),
    at                  timestamp with time zone not null
);
create index task_events_task_ix on task_events (task_id, at);

create table task_templates (
    id               uuid primary key,
    workspace_id     uuid          not null references workspaces (id),
    name             varchar(120)  not null,
    title            varchar(200)  not null,
    description      varchar(20000),
    task_type        varchar(60),
    estimate_minutes integer,
    urgent           boolean       not null,
    important        boolean       not null,
    checklist        varchar(10000),
    sop              varchar(20000),
    created_at       timestamp with time zone not null
);
create index task_templates_workspace_ix on task_templates (workspace_id);

create table project_templates (
    id           uuid primary key,
    workspace_id uuid          not null references workspaces (id),
    name         varchar(120)  not null,
    description  varchar(2000),
    workflow_id  uuid          not null references workflows (id),
    template_key varchar(40),
    created_at   timestamp with time zone not null
);
create index project_templates_workspace_ix on project_templates (workspace_id);

-- A task a project template creates: due offset_days after the project starts.
create table project_template_tasks (
    id               uuid primary key,
    workspace_id     uuid          not null references workspaces (id),
    template_id      uuid          not null references project_templates (id) on delete cascade,
    position         integer       not null,
    title            varchar(200)  not null,
    task_type        varchar(60),
    offset_days      integer       not null,
    estimate_minutes integer,
    checklist        varchar(10000)
);
create index project_template_tasks_ix on project_template_tasks (template_id, position);
