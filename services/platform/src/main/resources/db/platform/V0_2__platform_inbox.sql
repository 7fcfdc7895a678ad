-- Idempotent consumers (services/platform): the (source, id) of every event a consumer applied,
-- written in the same transaction as the effect, so a redelivery changes nothing.
create table inbox (
    consumer    text        not null,
    source      text        not null,
    event_id    text        not null,
    received_at timestamptz not null,
    primary key (consumer, source, event_id)
);
