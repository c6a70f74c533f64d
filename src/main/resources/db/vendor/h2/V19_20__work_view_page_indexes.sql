-- H2's versions of db/vendor/postgresql/V19_20 (no included columns here).
create index tasks_board_column_ix on tasks (stage_id, position, created_at, id);
create index tasks_board_done_ix on tasks (stage_id, completed_at desc, id);
create index tasks_board_count_ix on tasks (workspace_id, workflow_id, stage_id, client_id);
create index tasks_due_ix on tasks (workspace_id, due_date, client_id);
create index tasks_project_state_ix on tasks (project_id, completed_at);
