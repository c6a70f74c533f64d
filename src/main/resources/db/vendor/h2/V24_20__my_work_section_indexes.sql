-- H2's twin of db/vendor/postgresql/V24_20, which adds expression and partial indexes H2 does not have. H2 keeps
-- My work's statements of before (TaskStore branches on the database) and the indexes they use; nothing to do.
select 1;
