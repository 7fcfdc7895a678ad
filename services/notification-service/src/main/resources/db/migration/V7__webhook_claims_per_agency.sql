-- Webhook claims walk the agencies with pending deliveries and take each one's earliest few: with this
-- index both steps are index lookups, so a claim costs the same with ten or a hundred thousand pending.
create index delivery_pending_by_agency on delivery (channel, agency_code, next_attempt_at, id)
    where status in ('pending', 'sending');
