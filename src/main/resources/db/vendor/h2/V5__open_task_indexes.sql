-- H2's versions of db/vendor/postgresql/V5 (no partial indexes here): the same columns, all tasks.
create index tasks_open_quadrant_ix on tasks (workspace_id, urgent, important, due_date, client_id);
