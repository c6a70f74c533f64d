-- Issue 12: a member's tag filter on the time reports listed the tags of all of their own entries (a join of
-- every entry they ever logged). The tag row now carries the entry's person, kept right by every write of an
-- entry's tags (the tags are written again whenever the entry is), so the member's distinct tags are a skip-scan
-- of (workspace_id, user_id, tag), like the owner's over time_entry_tags_tag_ix.
alter table time_entry_tags add column user_id uuid;
update time_entry_tags set user_id = (select e.user_id from time_entries e where e.id = time_entry_tags.entry_id);
alter table time_entry_tags alter column user_id set not null;
create index time_entry_tags_user_ix on time_entry_tags (workspace_id, user_id, tag);
