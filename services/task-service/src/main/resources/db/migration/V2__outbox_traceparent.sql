-- Tracing (issue 17): the outbox row keeps the W3C traceparent of the request or record that wrote it,
-- so the relay of any replica publishes the event in that trace. Null: written without a trace.
alter table outbox add column traceparent text;
