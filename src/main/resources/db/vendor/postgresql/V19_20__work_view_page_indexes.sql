-- The board reads each column's first cards in board order (a done column its latest completed) and
-- counts every column in one grouped count; the calendar reads a range of due dates; a project counts
-- its open and done tasks. Each read here is an ordered index range that stops at the page's limit, or an
-- index-only count, so a default view costs the same with 1,000 tasks as with 50,000.
-- db/vendor/h2 has the plain equivalents.
create index tasks_board_column_ix on tasks (stage_id, position, created_at, id) include (workspace_id, client_id);
create index tasks_board_done_ix on tasks (stage_id, completed_at desc, id) include (workspace_id, client_id);
create index tasks_board_count_ix on tasks (workspace_id, workflow_id, stage_id) include (client_id);
create index tasks_due_ix on tasks (workspace_id, due_date) include (client_id);
create index tasks_project_state_ix on tasks (project_id, completed_at);
