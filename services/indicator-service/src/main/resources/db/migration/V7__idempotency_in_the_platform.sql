-- Idempotency-Key answers move to the platform's idempotent_request (V0_4), keyed
-- "observations|<source>|<key>". Summaries given before the upgrade are copied, so a retry across it
-- is still answered as the first import was. ingestion_request stays while the previous version may
-- still run (rolling upgrade); a later release drops it.
insert into idempotent_request (scoped_key, request_hash, status, body, created_at)
select 'observations|' || source || '|' || idempotency_key, request_hash, 200, summary, created_at
from ingestion_request
where summary <> ''
on conflict do nothing;
