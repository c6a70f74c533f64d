-- How many tasks each client has in each stage, kept in the same transaction as every task's create, move,
-- client change and delete (TaskStore), so the board's column counts read one row per client and stage
-- instead of counting every task of the workflow. An archived client's rows stay and are left out when
-- read, as its tasks are.
create table task_stage_counts (
    client_id    uuid    not null references clients (id) on delete cascade,
    stage_id     uuid    not null references workflow_stages (id) on delete cascade,
    workspace_id uuid    not null references workspaces (id),
    tasks        integer not null,
    primary key (client_id, stage_id),
    constraint task_stage_counts_tasks_check check (tasks >= 0));
create index task_stage_counts_stage_ix on task_stage_counts (workspace_id, stage_id);

insert into task_stage_counts (client_id, stage_id, workspace_id, tasks)
select client_id, stage_id, workspace_id, count(*) from tasks group by workspace_id, client_id, stage_id;
