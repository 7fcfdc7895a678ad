-- survey-service: questionnaires, the agency and target read models, receipt codes, responses,
-- and the sub-index aggregates maintained from them.

-- Published questionnaire versions: immutable once stored (content_hash proves it).
create table questionnaire (
    questionnaire_id text        not null,
    version          integer     not null,
    title            text        not null,
    document         jsonb       not null,
    content_hash     text        not null,
    published_at     timestamptz not null,
    primary key (questionnaire_id, version)
);

-- Which sub-index each question counts for: lets a rebuild recompute the indices in SQL alone.
create table questionnaire_question (
    questionnaire_id text    not null,
    version          integer not null,
    question_id      text    not null,
    sub_index        text    not null,
    primary key (questionnaire_id, version, question_id),
    foreign key (questionnaire_id, version) references questionnaire
);

-- Read model of directory.agencies.v1 (latest record per agency wins).
create table agency (
    code       text primary key,
    name       text        not null,
    kind       text        not null,
    active     boolean     not null,
    updated_at timestamptz not null
);

-- Read model of the SIPAS targets of plan.targets.v1. target_percent is null while the target
-- cannot be evaluated (relative to a baseline that is not known yet).
create table sipas_target (
    target_id          text primary key,
    sub_index          text          not null,
    year               integer       not null,
    comparator         text,
    target_percent     numeric(7, 2),
    responsible_agency text          not null,
    active             boolean       not null,
    plan_version       integer       not null
);
create index sipas_target_sub_index on sipas_target (sub_index, year) where active;

-- Dossier receipt codes registered by the one-stop-shop system: one response per code.
create table receipt_code (
    code           text primary key,
    agency_code    text        not null,
    procedure_code text,
    channel        text,
    registered_at  timestamptz not null,
    expires_at     timestamptz not null,
    response_id    text,
    used_at        timestamptz
);

-- Accepted responses. answers maps question id to score; no name, no identity number.
create table survey_response (
    response_id           text primary key,
    questionnaire_id      text        not null,
    questionnaire_version integer     not null,
    receipt_code          text unique,
    agency_code           text        not null,
    procedure_code        text,
    channel               text        not null,
    submitted_at          timestamptz not null,
    received_at           timestamptz not null,
    door                  text        not null,
    age_band              text,
    gender                text,
    ethnic_group          text,
    expectations          jsonb       not null,
    answers               jsonb       not null,
    foreign key (questionnaire_id, questionnaire_version) references questionnaire
);
create index survey_response_export on survey_response (questionnaire_id, questionnaire_version, submitted_at);

-- One row per sub-index x scope (PROVINCE or an agency) x period (2025-Q2 or 2025, year to date).
-- Counts are maintained as responses arrive; the flags tell the evaluator what to look at:
-- evaluation_due (below-target / recovered facts), publication_due (SatisfactionIndexUpdated, at
-- most once per interval after published_at).
create table sub_index_stat (
    sub_index         text        not null,
    scope             text        not null,
    period            text        not null,
    responses         bigint      not null,
    valid_answers     bigint      not null,
    satisfied_answers bigint      not null,
    updated_at        timestamptz not null,
    evaluation_due    boolean     not null default true,
    publication_due   boolean     not null default true,
    published_at      timestamptz,
    below_target      boolean     not null default false,
    alert_target_id   text,
    alert_target      numeric(7, 2),
    alert_agency      text,
    primary key (sub_index, scope, period)
);
create index sub_index_stat_due on sub_index_stat (sub_index, scope, period) where evaluation_due or publication_due;

-- Results of POSTs that carried an Idempotency-Key: a retry gets the first answer back.
create table idempotency_record (
    endpoint     text        not null,
    request_key  text        not null,
    request_hash text        not null,
    status       integer     not null,
    body         text        not null,
    created_at   timestamptz not null,
    primary key (endpoint, request_key)
);
create index idempotency_record_created on idempotency_record (created_at);
