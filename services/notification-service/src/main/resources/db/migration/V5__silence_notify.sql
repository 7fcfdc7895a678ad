-- Every replica keeps the silences in a cache (ActiveSilences) and reloads it on NOTIFY parsipas_silences.
-- The table announces its own changes at commit, as delivery and alert_change_notice do, so no writer can
-- forget to and none needs SQL of its own for it; counting what a silence muted (muted_count) changes no
-- window and announces nothing.
create function silence_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('parsipas_silences', '');
    return null;
end;
$$;

create trigger silence_changed after insert or update of fingerprint_pattern, agency_code, starts_at, ends_at, reason
    on silence for each statement execute function silence_notify();
