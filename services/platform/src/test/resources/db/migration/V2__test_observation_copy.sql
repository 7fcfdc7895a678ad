-- What the batch consumer of the platform's tests applied: one row per series, with a count.
create table observation_copy (
    series  text primary key,
    value   numeric not null,
    applied integer not null
);
