-- The entries list and the API read a page in list order (latest start first, then the greater id), from the
-- top or from the last entry shown, with each bound on a period turned into one on the start. These indexes
-- hold that order, so a page reads its 51 index entries whatever the size of the history: for the whole
-- workspace, and for one client. One person's entries have time_entries_user_ix (V6).
create index time_entries_started_ix on time_entries (workspace_id, started_at, id);
create index time_entries_client_started_ix on time_entries (workspace_id, client_id, started_at, id);
