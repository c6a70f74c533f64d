-- The calendar reads, per due date of the month, only the first few tasks in the order it shows them
-- (due moment, title in any case, id). With this index each date is one short ordered read, however many
-- tasks fall due that day. PostgreSQL only: H2 has no expression index, and its calendar read ranks the
-- month's tasks instead (TaskStore.duePerDay).
create index tasks_calendar_ix on tasks (workspace_id, due_date, due_at, lower(title), id) include (client_id);
