-- Idempotency-Key (services/platform, idempotency): the first answer to a request sent with a key,
-- written in the transaction of its effect, replayed to a retry with the same key and body. The key is
-- scoped ("<endpoint>|<caller>|<key>"); rows older than parsipas.idempotency.retention are purged.
create table idempotent_request (
    scoped_key   text        primary key,
    request_hash text        not null,
    status       integer     not null,
    body         text        not null,
    created_at   timestamptz not null
);
create index idempotent_request_created on idempotent_request (created_at);
