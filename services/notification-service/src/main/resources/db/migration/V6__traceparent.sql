-- Tracing (issue 17): the outbox row keeps the W3C traceparent of the request or record that wrote it,
-- so the relay of any replica publishes the event in that trace. Null: written without a trace.
alter table outbox add column traceparent text;

-- A delivery is sent later by a dispatcher pass: it keeps the trace of the event that planned it, so
-- the e-mail and the webhook call are spans of that trace.
alter table delivery add column traceparent text;
