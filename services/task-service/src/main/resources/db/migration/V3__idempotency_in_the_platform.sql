-- Idempotency-Key answers move to the platform's idempotent_request (V0_4): a new task keyed
-- "tasks|<caller>|<key>", a progress report "progress-reports|<task>|<caller>|<key>", the answer being
-- the id of what was created. Keys used before the upgrade are copied, so a retry across it still gets
-- the first task or report. The task and progress_report columns stay while the previous version may
-- still run (rolling upgrade); a later release drops them.
insert into idempotent_request (scoped_key, request_hash, status, body, created_at)
select 'tasks|' || assigned_by || '|' || idempotency_key, request_hash, 201, id, assigned_at
from task
where idempotency_key is not null and request_hash is not null
on conflict do nothing;

insert into idempotent_request (scoped_key, request_hash, status, body, created_at)
select 'progress-reports|' || task_id || '|' || reported_by || '|' || idempotency_key, request_hash, 201, id, reported_at
from progress_report
where idempotency_key is not null and request_hash is not null
on conflict do nothing;
