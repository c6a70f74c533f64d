-- The calendar reads the first few tasks of each due date in due order (due moment, then title in any case):
-- with this index each date is an ordered index range that stops at the day's limit, so a month costs the same
-- with 1,000 tasks as with 50,000 (the old ranks over the whole range sorted every task due in it).
-- H2 has no index on an expression; it reads each date through tasks_open_due_ix / tasks_due_ix and sorts
-- that date's tasks, so db/vendor/h2 has no V23_30.
create index tasks_due_order_ix on tasks (workspace_id, due_date, due_at, lower(title), id);
