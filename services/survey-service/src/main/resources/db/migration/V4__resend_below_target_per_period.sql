-- notification-service now keeps one SIPAS alert per period (its V4). An alert raised before then may
-- have absorbed another period's fact; re-announcing every period still below target gives each its
-- own alert (the one that exists already just counts one more occurrence).
update sub_index_stat set below_target = false, evaluation_due = true where below_target and not evaluation_due;
