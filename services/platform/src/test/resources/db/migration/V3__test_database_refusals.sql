-- Rules only the database knows, so that the tests can send records that pass every check of the
-- door and are still refused by the database (a data exception, SQLSTATE class 22 or 23).
alter table agency_copy add constraint agency_copy_name_allowed check (name not like '%VI PHẠM%');
alter table observation_copy alter column value type numeric(12, 2);
