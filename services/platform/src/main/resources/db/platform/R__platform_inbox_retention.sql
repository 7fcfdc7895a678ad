-- The inbox purge (InboxPurge) deletes by age. Repeatable, so that databases migrated before it get the
-- index too, whatever their version.
create index if not exists inbox_received_at on inbox (received_at);
