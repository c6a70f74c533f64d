-- The matrix shows the first open tasks of each quadrant, and Batches those of each task type, in the order of
-- every work view (due date, due moment, title in any case, id). With indexes in that order each quadrant's or
-- type's page is a short ordered read; ordered by due date alone, every open task of a quadrant or type was read
-- and sorted to show 25 (25 ms for the matrix's four, 67 ms for the eight types of Batches, with 33,000 open
-- tasks). The quadrant index replaces the one by due date (its counts are kept now: task_open_counts).
-- PostgreSQL only: H2 has no expression index, and its reads stay as they are.
drop index tasks_open_quadrant_ix;
create index tasks_open_quadrant_due_ix on tasks (workspace_id, urgent, important, due_date, due_at, lower(title), id)
    where completed_at is null;
create index tasks_open_type_due_ix on tasks (workspace_id, task_type, due_date, due_at, lower(title), id)
    where completed_at is null;
