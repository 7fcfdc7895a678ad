-- A SIPAS alert is about one period (issue 18): its subject becomes subIndex|scope|period and its
-- fingerprint satisfaction-below-target:subIndex|scope|period, so a quarter and the year to date are
-- separate alerts and a recovery resolves only its own period. Alerts raised before carry the period
-- of the fact that raised them in their body ("(<scope>, kỳ 2025-Q3) đạt ..."); one whose body does
-- not read so is taken as the year to date of the year it was raised (Asia/Ho_Chi_Minh), the period
-- that stays below longest. Resolved alerts move too, so every SIPAS fingerprint has one shape.
-- Only subjects of the old two-part shape are touched: running it again changes nothing.
update alert
set subject_id  = subject_id || '|' || p.period,
    fingerprint = fingerprint || '|' || p.period,
    title       = title || ' (kỳ ' || p.period || ')'
from (select id, coalesce(substring(body from ', kỳ ([0-9]{4}(?:-Q[1-4]|-[0-9]{2})?)\) đạt '),
                          to_char(raised_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY')) as period
      from alert
      where kind = 'satisfaction-below-target' and subject_id ~ '^[^|]+\|[^|]+$') p
where alert.id = p.id;
