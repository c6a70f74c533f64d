-- The portal's home counts its client's open and waiting requests: with the state in the index that is a read
-- of those index entries alone, not of every request the client ever sent (1,410 rows for 409 open).
create index requests_client_state_ix on requests (workspace_id, client_id, state);
