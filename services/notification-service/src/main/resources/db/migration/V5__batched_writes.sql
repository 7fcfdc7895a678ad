-- Timeline lines take their ids in blocks of 50 (Hibernate's pooled sequence, TimelineEntry), so the
-- lines a batch of facts writes are inserted in JDBC-style batches instead of one round trip each.
-- A named sequence replaces the identity (Hibernate validates sequences by name); lines inserted with
-- SQL (DeliveryStore) take the column's default, and each nextval there is a block of its own.
create sequence alert_timeline_ids increment by 50;
select setval('alert_timeline_ids', coalesce((select max(id) from alert_timeline), 0) + 1);
alter table alert_timeline alter column id drop identity;
alter table alert_timeline alter column id set default nextval('alert_timeline_ids');
alter sequence alert_timeline_ids owned by alert_timeline.id;
