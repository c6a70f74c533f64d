-- time_entries_report_ix (V7_1) starts with the same (workspace_id, client_id, local_date) key, so the
-- index V6 made for a client's entries serves no read the report index does not; it only slows writes.
drop index time_entries_client_ix;
