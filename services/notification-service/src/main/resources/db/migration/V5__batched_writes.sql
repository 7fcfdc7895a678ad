-- A batch of facts is written at one flush, each table's rows in JDBC-style batches (docs/DECISIONS.md,
-- "Throughput").
--
-- Timeline lines take their ids in blocks of 50 (Hibernate's pooled sequence, TimelineEntry), where
-- identity ids cost one round trip per line. A named sequence replaces the identity (Hibernate
-- validates sequences by name); lines inserted with SQL (DeliveryStore) take the column's default, and
-- each nextval there is a block of its own.
create sequence alert_timeline_ids increment by 50;
select setval('alert_timeline_ids', coalesce((select max(id) from alert_timeline), 0) + 1);
alter table alert_timeline alter column id drop identity;
alter table alert_timeline alter column id set default nextval('alert_timeline_ids');
alter sequence alert_timeline_ids owned by alert_timeline.id;

-- Hibernate groups the inserts by table (hibernate.order_inserts) in the order the tables first appear
-- in the batch, which is not always "alert before what refers to it": the references to an alert are
-- checked at commit.
alter table alert_recipient alter constraint alert_recipient_alert_id_fkey deferrable initially deferred;
alter table alert_timeline alter constraint alert_timeline_alert_id_fkey deferrable initially deferred;
alter table delivery alter constraint delivery_alert_id_fkey deferrable initially deferred;
