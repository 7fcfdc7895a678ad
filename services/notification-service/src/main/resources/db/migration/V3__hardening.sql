-- Review of 2026-12-06: webhook secrets encrypted at rest, change notices of any size, retention and
-- the indexes of the listed sorts.

-- Secrets written before this version are in clear (encrypted = false); the service encrypts them at startup.
alter table webhook_secret add column encrypted boolean not null default false;

-- A NOTIFY payload is limited to 8000 bytes: the notice now carries only the row's id, and listeners
-- read the change from the row, which stays until the retention job removes it (after 10 minutes).
alter table alert_change add column created_at timestamptz not null default now();
create index alert_change_created on alert_change (created_at);

create or replace function alert_change_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('parsipas_alerts', new.id);
    return null;
end;
$$;

-- The inbox lists (GET /alerts, /agencies/{code}/alerts) sort by raised_at desc, id desc.
create index alert_raised on alert (raised_at desc, id desc);
-- The webhook status reads the latest attempts; the retention deletes old ones.
create index webhook_attempt_at on webhook_attempt (at);
-- The retention finds resolved alerts by age.
create index alert_resolved on alert (resolved_at) where status = 'resolved';
