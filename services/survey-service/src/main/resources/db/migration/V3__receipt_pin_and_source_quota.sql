-- The PIN the one-stop shop prints beside a receipt code (issue 19, H4): SHA-256 of "<code>:<pin>",
-- so the table and its backups do not show it. Null for codes registered without a PIN: those
-- cannot be answered on the public form.
alter table receipt_code add column pin_hash text;

-- Per source and local day (issue 19, M7): responses admitted without a receipt PIN (bounded by
-- the source's daily quota) and responses refused for a wrong PIN (bounded, so that no source can
-- guess PINs). The row is locked while a batch is checked, so concurrent batches cannot exceed them.
create table source_quota (
    source      text    not null,
    day         date    not null,
    without_pin integer not null,
    wrong_pins  integer not null,
    primary key (source, day)
);
