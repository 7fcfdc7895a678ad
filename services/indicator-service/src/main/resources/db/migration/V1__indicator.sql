-- indicator-service: observations (current value per indicator, scope and period, with the values
-- they superseded), the indicator targets of the plans with their current evaluation, and the
-- answers of REST ingestion requests by Idempotency-Key.

create table observation (
    indicator_code text        not null,
    scope          text        not null,
    period         text        not null,
    period_start   date        not null,
    period_end     date        not null,
    -- The day the value stands for: the end of its period, or the day it was measured if earlier.
    as_of          date        not null,
    value          numeric     not null,
    unit           text        not null,
    source         text        not null,
    source_system  text,
    observed_at    timestamptz not null,
    note           text,
    channel        text        not null,
    reference      text        not null,
    revision       integer     not null,
    received_at    timestamptz not null,
    -- Also serves the series and evaluation reads (indicator_code and scope are its prefix).
    primary key (indicator_code, scope, period)
);

-- Every value a correction superseded, as it was.
create table observation_history (like observation);
alter table observation_history add column superseded_at timestamptz not null,
    add primary key (indicator_code, scope, period, revision);

create table target (
    target_id          text        primary key,
    plan_id            text        not null,
    plan_version       integer     not null,
    criterion_code     text,
    criterion_title    text,
    description        text        not null,
    indicator_code     text        not null,
    indicator_name     text        not null,
    unit               text        not null,
    comparator         text        not null,
    target_value       numeric,
    baseline_value     numeric,
    baseline_year      integer,
    relative_to        text,
    delta              numeric,
    responsible_agency text        not null,
    deadline           date        not null,
    due_at             timestamptz not null,
    active             boolean     not null,
    defined_at         timestamptz not null,
    -- The current evaluation; status is null until something can be said.
    status             text,
    status_value       numeric,
    status_period      text,
    expected_value     numeric,
    threshold          numeric,
    reason             text,
    evaluated_at       timestamptz,
    status_since       timestamptz,
    -- When time alone may change the status (deadline, a value falling due); null when it cannot.
    next_check_at      timestamptz
);
create index target_indicator on target (indicator_code) where active;
create index target_next_check on target (next_check_at) where active;

create table ingestion_request (
    source          text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    summary         text        not null,
    created_at      timestamptz not null,
    primary key (source, idempotency_key)
);
