-- My work reads each section's first tasks in due order (Tasks.BY_DUE: due date, due moment, lower(title), id)
-- and counts each section up to a cap. These indexes hold that order, per assignee and for nobody's tasks, over
-- open tasks only, so a section's page and its capped count walk about the entries they show: the indexes they
-- replace ordered by due date only, so every task of a date (every undated task) was read and sorted to show 20.
-- client_id is included so the counts check a client without reading the task.
-- They lead with the same columns as the two they replace, which serve nothing the new ones cannot.
-- db/vendor/h2 has no expression or partial indexes: H2 keeps its plain statements and indexes.
create index tasks_open_mine_due_ix on tasks (workspace_id, assignee_id, due_date, due_at, lower(title), id)
    include (client_id) where completed_at is null;
create index tasks_open_nobodys_due_ix on tasks (workspace_id, due_date, due_at, lower(title), id)
    include (client_id) where completed_at is null and assignee_id is null;
drop index tasks_open_assignee_ix;
drop index tasks_open_unassigned_ix;
