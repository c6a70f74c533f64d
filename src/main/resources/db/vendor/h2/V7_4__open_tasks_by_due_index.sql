-- H2's version of db/vendor/postgresql/V7_4 (no partial indexes here).
create index tasks_open_due_ix on tasks (workspace_id, due_date, id);
