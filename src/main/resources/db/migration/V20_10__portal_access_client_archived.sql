-- A contact whose client is archived cannot use the portal until the client is brought back: when that began.
-- Kept apart from revoked_at (the VA closed this contact's access), which bringing the client back leaves alone.
alter table portal_access add column client_archived_at timestamp with time zone;
