-- The PIN the one-stop shop prints beside a receipt code (issue 19, H4): SHA-256 of "<code>:<pin>",
-- so the table and its backups do not show it. Null for codes registered without a PIN: those
-- cannot be answered on the public form.
alter table receipt_code add column pin_hash text;

-- Responses admitted without a receipt PIN, per source and local day (issue 19, M7): the row is
-- locked while a batch is checked, so concurrent batches of one source cannot exceed its quota.
create table source_quota (
    source      text    not null,
    day         date    not null,
    without_pin integer not null,
    primary key (source, day)
);

-- Responses refused for a wrong PIN, per source and day: counted outside the response's own
-- transaction (a refused response rolls it back), so that no source can guess PINs unbounded.
create table source_wrong_pins (
    source     text    not null,
    day        date    not null,
    wrong_pins integer not null,
    primary key (source, day)
);
