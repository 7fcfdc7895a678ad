-- The plan criterion (or SIPAS item) an alert is about, so the agency console can filter its inbox by
-- criterion (issue 13). Versioned 3.1 so that it merges after any V3 of parallel work.
alter table alert add column criterion_code text;

update alert set criterion_code = case
    when kind = 'satisfaction-below-target' then split_part(subject_id, '|', 1)
    else substring(title from 'tiêu chí ([0-9]+(?:\.[0-9]+)*)')
end;

create index alert_criterion on alert (criterion_code);
