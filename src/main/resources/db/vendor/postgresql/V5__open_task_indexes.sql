-- Open work is what the views read, and done work piles up for years: partial indexes over open tasks
-- let the matrix, My work and the quadrant counts read only open tasks, in due order, and stop at the
-- page's limit. H2 has no partial indexes; db/vendor/h2 has the plain equivalents.
create index tasks_open_quadrant_ix on tasks (workspace_id, urgent, important, due_date) include (client_id)
    where completed_at is null;
create index tasks_open_assignee_ix on tasks (workspace_id, assignee_id, due_date) where completed_at is null;
create index tasks_open_unassigned_ix on tasks (workspace_id, due_date)
    where completed_at is null and assignee_id is null;
