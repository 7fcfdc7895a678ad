-- Idempotency-Key answers move to the platform's idempotent_request (V0_4), keyed
-- "<endpoint>|<client>|<key>". Answers given before the upgrade are copied, so a retry across it is
-- still answered as the first request was. idempotency_record stays while the previous version may
-- still run (rolling upgrade); a later release drops it.
insert into idempotent_request (scoped_key, request_hash, status, body, created_at)
select regexp_replace(endpoint, ':', '|') || '|' || request_key, request_hash, status, body, created_at
from idempotency_record
on conflict do nothing;
