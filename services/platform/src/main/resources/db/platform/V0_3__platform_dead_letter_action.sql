-- What operators did with dead letters (services/platform, deadletter): one row per record of a
-- dead-letter topic replayed or discarded, who did it, when and why. A record with a row is handled:
-- it is no longer listed, and the unique key lets only one operator act on it.
create table dead_letter_action (
    id            bigint generated always as identity primary key,
    topic         text        not null,
    partition_no  integer     not null,
    record_offset bigint      not null,
    original_topic text,
    event_id      text,
    event_type    text,
    event_source  text,
    reason        text        not null,
    action        text        not null check (action in ('replayed', 'discarded')),
    comment       text,
    actor         text        not null,
    acted_at      timestamptz not null,
    constraint dead_letter_action_record unique (topic, partition_no, record_offset)
);
