-- NO_BASELINE (issue 18): a target whose baseline year's value is missing cannot be judged; it used
-- to be NO_DATA, like a late periodic value. Such targets fall due for the clock's next pass, which
-- re-evaluates them: they move to NO_BASELINE and that change is published once.
update target set next_check_at = defined_at
where active and status = 'NO_DATA' and threshold is null and relative_to = 'baseline';
