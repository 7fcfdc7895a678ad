-- A target whose result is published after the period it is about (the PAR Index of year N comes out in
-- N+1) is judged, and its missing value alerted, on this date instead of its deadline.
alter table target add column result_expected_by date;
