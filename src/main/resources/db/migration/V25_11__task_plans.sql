-- What the planner needs to know of a task beyond the work module's own fields (issue 14): the date before which it
-- must not be planned, and whether it needs the client online (then it is placed only inside the client's business
-- hours). Kept by the planning module; no row means neither.
create table task_plans (
    task_id             uuid    not null primary key references tasks (id) on delete cascade,
    workspace_id        uuid    not null references workspaces (id),
    starts_on           date,
    needs_client_online boolean not null,
    updated_at          timestamp with time zone not null);
create index task_plans_workspace_ix on task_plans (workspace_id);
