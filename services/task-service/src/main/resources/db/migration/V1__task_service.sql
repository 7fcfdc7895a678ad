-- task-service: the agency directory, plans (versions, criteria, targets) and tasks with their
-- history, progress reports and deadline-fact state.

create table agency (
    code        text primary key,
    name        text        not null,
    kind        text        not null,
    parent_code text references agency (code),
    emails      text[]      not null default '{}',
    webhook_url text,
    active      boolean     not null default true,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

create table plan (
    id           text primary key,
    number       text        not null,
    title        text        not null,
    short_title  text,
    issuer       text        not null,
    province     text        not null,
    issued_on    date        not null,
    year         integer     not null,
    version      integer     not null,
    content_hash text        not null,
    imported_at  timestamptz not null,
    imported_by  text        not null
);

-- Every imported version, with the file as imported and what changed.
create table plan_version (
    id           bigint generated always as identity primary key,
    plan_id      text        not null references plan (id),
    version      integer     not null,
    content_hash text        not null,
    document     text        not null,
    changes      text        not null,
    imported_at  timestamptz not null,
    imported_by  text        not null,
    unique (plan_id, version)
);

create table criterion (
    id                    text primary key,
    plan_id               text    not null references plan (id),
    code                  text    not null,
    position              integer not null,
    kind                  text    not null,
    area                  text    not null,
    group_code            text    not null,
    title                 text    not null,
    objective             text    not null,
    lead_agency           text    not null references agency (code),
    lead_agency_inferred  boolean not null,
    coordinating_agencies text[]  not null,
    responsibility_text   text    not null,
    deadline              date    not null,
    deadline_text         text    not null,
    active                boolean not null,
    unique (plan_id, code)
);

-- A target as last published (definition = the TargetDefined data); fingerprint detects changes.
create table target (
    id             text primary key,
    plan_id        text    not null references plan (id),
    criterion_code text,
    kind           text    not null,
    position       integer not null,
    definition     text    not null,
    fingerprint    text    not null,
    plan_version   integer not null,
    active         boolean not null
);
create index target_plan on target (plan_id, position);

create table task (
    id                    text primary key,
    plan_id               text references plan (id),
    criterion_code        text,
    plan_task_id          text,
    title                 text        not null,
    intro                 text,
    lead_agency           text        not null references agency (code),
    coordinating_agencies text[]      not null,
    deadline              date        not null,
    due_at                timestamptz not null,
    recurrence            text,
    report_to             text references agency (code),
    status                text        not null,
    percent_complete      numeric(5, 2),
    assigned_at           timestamptz not null,
    assigned_by           text        not null,
    updated_at            timestamptz not null,
    completed_at          timestamptz,
    completed_by          text,
    completed_on_time     boolean,
    -- The plan file's statement of this task at the last import: the next version is diffed against it.
    plan_spec             text,
    idempotency_key       text unique,
    request_hash          text,
    -- Deadline facts of the current arming (re-armed on deadline change and reopening).
    deadline_arming       integer     not null default 1,
    last_due_soon_days    integer,
    overdue_raised        boolean     not null default false,
    next_deadline_check   timestamptz
);
-- A detection pass reads only the tasks whose next trigger has come: cost follows what comes due.
create index task_next_deadline_check on task (next_deadline_check) where next_deadline_check is not null;
create index task_deadline on task (deadline, id);
create index task_lead on task (lead_agency, deadline, id);
create index task_coordinating on task using gin (coordinating_agencies);
create index task_criterion on task (plan_id, criterion_code, deadline, id);
create index task_status on task (status, deadline, id);

create table task_history (
    id                   bigint generated always as identity primary key,
    task_id              text        not null references task (id),
    at                   timestamptz not null,
    actor                text        not null,
    change               text        not null,
    lead_agency          text,
    previous_lead_agency text,
    deadline             date,
    previous_deadline    date,
    reason               text
);
create index task_history_task on task_history (task_id, id);

create table progress_report (
    id               text primary key,
    task_id          text          not null references task (id),
    percent_complete numeric(5, 2) not null,
    note             text,
    evidence_url     text,
    reporting_agency text          not null references agency (code),
    reported_at      timestamptz   not null,
    reported_by      text          not null,
    idempotency_key  text,
    request_hash     text,
    unique (task_id, idempotency_key)
);
create index progress_report_task on progress_report (task_id, reported_at);
