-- Who delivered each response: "/<client id>" for a data provider's REST push, the CloudEvent
-- source for the Kafka door, "/khao-sat" for the citizen form. Null for responses stored before.
alter table survey_response add column source text;
