-- As each service's migration: the outbox row keeps the trace context of the change that wrote it.
alter table outbox add column traceparent text;
