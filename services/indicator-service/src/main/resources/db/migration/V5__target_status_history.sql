-- Every change of a target's status, so the console can show how a target moved (target keeps only
-- the current one). Written in the evaluation's transaction with the status-changed event.
create table target_status_change (
    id          bigint      generated always as identity primary key,
    target_id   text        not null references target (target_id),
    changed_at  timestamptz not null,
    from_status text,
    to_status   text        not null,
    value       numeric,
    period      text,
    reason      text
);
create index target_status_change_target on target_status_change (target_id, changed_at desc);

-- Targets evaluated before this table: their current status since it began, the one change known.
insert into target_status_change (target_id, changed_at, from_status, to_status, value, period, reason)
select target_id, status_since, null, status, status_value, status_period, reason
from target where status is not null and status_since is not null;
