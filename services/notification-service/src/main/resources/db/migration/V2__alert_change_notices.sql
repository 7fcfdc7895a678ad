-- The live streams of every replica hear of an alert change through NOTIFY at commit. Writing a
-- notice row (a plain insert, batched with the transaction's other inserts) fires it; the row is
-- removed at once, so the table stays empty.
create unlogged table alert_change (
    id      text primary key,
    payload text not null
);

create function alert_change_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('parsipas_alerts', new.payload);
    delete from alert_change where id = new.id;
    return null;
end;
$$;

create trigger alert_change_inserted after insert on alert_change
    for each row execute function alert_change_notify();
