-- A client may have no response-time commitment (null): its requests then have no response clock. Existing
-- commitments stay as they are; the check of 1 to 720 hours still holds for every client that has one.
alter table clients alter column response_time_hours drop not null;
