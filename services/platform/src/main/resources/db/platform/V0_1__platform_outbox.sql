-- Transactional outbox (services/platform). A state change and its events commit together;
-- the relay publishes unsent rows in id order per lane and marks them sent.
create table outbox (
    id           bigint generated always as identity primary key,
    lane         smallint    not null,
    topic        text        not null,
    message_key  text        not null,
    event_id     text        not null,
    event_type   text        not null,
    source       text        not null,
    subject      text        not null,
    data_schema  text        not null,
    payload      text        not null,
    occurred_at  timestamptz not null,
    created_at   timestamptz not null default now(),
    sent_at      timestamptz,
    attempts     integer     not null default 0,
    last_error   text,
    constraint outbox_event_unique unique (source, event_id)
);

-- The relay reads only what is unsent, lane by lane, oldest first.
create index outbox_unsent on outbox (lane, id) where sent_at is null;
create index outbox_sent on outbox (sent_at) where sent_at is not null;

-- Lanes partition the keys (lane = hash(key) mod 16). A relay locks the lanes it drains with
-- FOR UPDATE SKIP LOCKED, so several replicas never publish the same key concurrently and each
-- key's events leave in order.
create table outbox_lane (
    lane smallint primary key
);
insert into outbox_lane (lane) select generate_series(0, 15);

-- Wakes the relays the moment a transaction that wrote events commits (NOTIFY is transactional).
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('parsipas_outbox', '');
    return null;
end;
$$;

create trigger outbox_inserted after insert on outbox
    for each statement execute function outbox_notify();
