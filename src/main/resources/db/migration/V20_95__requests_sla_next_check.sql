-- When a request's response clock next turns worse by time alone (on track -> at risk, at risk -> breached), so the
-- clock job reads only the requests whose turn has come: one range scan of requests_sla_next_check_ix across all
-- workspaces. Null when nothing but someone's action can change the clock: no commitment, answered, waiting on the
-- client (paused), already breached, closed or merged. The requests module keeps it right on every change.
alter table requests add column sla_next_check_at timestamp with time zone;
create index requests_sla_next_check_ix on requests (sla_next_check_at);

-- Requests made before this column existed: the job checks every open, unanswered one with a clock on its first run.
update requests set sla_next_check_at = created_at
where state = 'OPEN' and first_response_at is null and first_response_due_at is not null;
