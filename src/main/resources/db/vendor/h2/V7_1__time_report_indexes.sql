-- H2's version of db/vendor/postgresql/V7_1 (no included columns here): the same columns, as keys.
create index time_entries_report_ix on time_entries (workspace_id, client_id, local_date, billable, task_id,
    project_id, task_type, rate_amount, rate_currency, duration_seconds, user_id);
