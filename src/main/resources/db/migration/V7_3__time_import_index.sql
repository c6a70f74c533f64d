-- The entries of an import: its summary reads them, and deleting an unfinished preview checks that no
-- entry refers to it (without an index, a scan of every entry).
create index time_entries_import_ix on time_entries (import_id);
