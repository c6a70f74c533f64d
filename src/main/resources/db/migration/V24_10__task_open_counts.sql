-- How many open tasks (completed_at is null) each client has per quadrant (urgent, important) and task type, and
-- the sum of their estimates (none counts as 0), kept in the same transaction as every task's create, edit,
-- quadrant change, move, completion, reopening and delete (TaskStore, WorkGenerator): the matrix's quadrant counts
-- and the batches' per-type totals read one row per client, quadrant and type instead of every open task.
-- An untyped task is kept under task_type '' (a key column with NULL never conflicts on an upsert in PostgreSQL);
-- the rules store a type in lower case and never blank. An archived client's rows stay and are left out when read.
create table task_open_counts (
    client_id    uuid        not null references clients (id) on delete cascade,
    urgent       boolean     not null,
    important    boolean     not null,
    task_type    varchar(60) not null,
    workspace_id uuid        not null references workspaces (id),
    tasks        integer     not null,
    minutes      bigint      not null,
    primary key (client_id, urgent, important, task_type),
    constraint task_open_counts_tasks_check check (tasks >= 0),
    constraint task_open_counts_minutes_check check (minutes >= 0));
create index task_open_counts_workspace_ix on task_open_counts (workspace_id, client_id);

insert into task_open_counts (client_id, urgent, important, task_type, workspace_id, tasks, minutes)
select client_id, urgent, important, coalesce(task_type, ''), workspace_id, count(*), coalesce(sum(estimate_minutes), 0)
from tasks where completed_at is null
group by workspace_id, client_id, urgent, important, coalesce(task_type, '');
