-- Issue 18: the stored answers to REST imports take the suite's one import shape (platform
-- ImportSummary), so that a retry with an old Idempotency-Key replays the shape the API now
-- documents: 'importCount' becomes 'counts' by outcome (every outcome, zeros included), and a
-- rejected item lists its problem in 'errors' as well.
update ingestion_request r
set summary = jsonb_build_object(
        'status', s.doc -> 'status',
        'dryRun', s.doc -> 'dryRun',
        'counts', (select jsonb_object_agg(o.outcome, (select count(*) from jsonb_array_elements(s.doc -> 'items') i
                                                       where i ->> 'outcome' = o.outcome) order by o.position)
                   from unnest(array['imported', 'updated', 'ignored-unchanged', 'ignored-outdated', 'rejected'])
                        with ordinality as o(outcome, position)),
        'items', coalesce((select jsonb_agg(case when i ? 'reason'
                                                 then i || jsonb_build_object('errors', jsonb_build_array(jsonb_build_object(
                                                         'field', i -> 'field', 'message', i -> 'reason')))
                                                 else i end order by n)
                           from jsonb_array_elements(s.doc -> 'items') with ordinality as e(i, n)), '[]'::jsonb))::text
from (select source, idempotency_key, summary::jsonb as doc from ingestion_request where summary like '{%') s
where r.source = s.source and r.idempotency_key = s.idempotency_key and s.doc ? 'importCount';
