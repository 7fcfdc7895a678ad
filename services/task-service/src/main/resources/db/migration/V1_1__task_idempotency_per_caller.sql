-- An Idempotency-Key belongs to the caller who sent it: the same key from two coordinators names two
-- requests (two tasks), and one caller's retry finds only that caller's task.
alter table task drop constraint task_idempotency_key_key;
alter table task add constraint task_idempotency_key_per_caller unique (assigned_by, idempotency_key);
