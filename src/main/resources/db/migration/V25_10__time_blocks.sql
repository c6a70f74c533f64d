-- Time blocks: a stretch of a person's week set aside for a client, a task type or a task (issue 14). Stored as the
-- instants it starts and ends plus the zone it was planned in, so a block planned for 09:00 in London is shown, moved
-- and repeated from a template at 09:00 London whatever the date's offset. A person's blocks never overlap (checked
-- with the person's row locked when one is written). source: MANUAL (drawn or entered), TEMPLATE (a week's template
-- applied), AUTO (an accepted auto-plan); batch names the task type an auto-plan batched.
create table time_blocks (
    id            uuid primary key,
    workspace_id  uuid          not null references workspaces (id),
    user_id       uuid          not null references users (id),
    starts_at     timestamp with time zone not null,
    ends_at       timestamp with time zone not null,
    zone          varchar(64)   not null,
    client_id     uuid references clients (id) on delete cascade,
    task_id       uuid references tasks (id) on delete set null,
    task_type     varchar(60),
    title         varchar(200),
    outside_hours boolean       not null,
    source        varchar(10)   not null,
    batch         varchar(60),
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint time_blocks_order_check check (ends_at > starts_at),
    constraint time_blocks_source_check check (source in ('MANUAL', 'TEMPLATE', 'AUTO')));
create index time_blocks_person_ix on time_blocks (workspace_id, user_id, starts_at);
create index time_blocks_task_ix on time_blocks (task_id);

-- A person's recurring week: "Mon 09:00-11:00 Harbour", wall-clock times in the zone of the person's calendar when
-- the template is applied to a week.
create table block_templates (
    id           uuid primary key,
    workspace_id uuid        not null references workspaces (id),
    user_id      uuid        not null references users (id),
    day_of_week  smallint    not null,
    starts_at    time        not null,
    ends_at      time        not null,
    client_id    uuid references clients (id) on delete cascade,
    task_type    varchar(60),
    title        varchar(200),
    created_at   timestamp with time zone not null,
    constraint block_templates_day_check check (day_of_week between 1 and 7),
    constraint block_templates_order_check check (ends_at > starts_at));
create index block_templates_person_ix on block_templates (workspace_id, user_id, day_of_week, starts_at);
