-- A tiny aggregate for the platform's own tests.
create table agency_copy (
    code       text primary key,
    name       text not null,
    applied    integer not null default 1,
    version    integer not null default 0
);
