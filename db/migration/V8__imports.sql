-- Uploaded spreadsheets (教育事业统计 base tables) and what became of each of their rows. An
-- import is kept whether it was a dry run, committed or refused, so that a bureau can show what
-- it sent and why a row was refused. Its writes are audited under the operation
-- 'importConditions:<id>' (see V5), and fire figures events (V7) like any other write.
create table import_batch (
    id             bigint      generated always as identity primary key,
    kind           text        not null check (kind in ('CONDITIONS')),
    file_name      text        not null,
    dry_run        boolean     not null,
    status         text        not null check (status in ('VALIDATED', 'COMMITTED', 'REFUSED')),
    actor          text        not null,
    -- Whose imports a caller may read: the region its writer's authority covered (null: national),
    -- or for a school administrator its school.
    region_code    char(6),
    school_id      bigint,
    rows_total     integer     not null,
    rows_created   integer     not null default 0,
    rows_updated   integer     not null default 0,
    rows_unchanged integer     not null default 0,
    rows_refused   integer     not null default 0,
    -- Why the whole file was refused (not an xlsx, an old template, no header row), as a message key.
    file_problem   text,
    created_at     timestamptz not null default now(),
    duration_ms    integer     not null default 0
);
create index import_batch_actor_idx on import_batch (actor, id);

create table import_row (
    import_id   bigint  not null references import_batch (id) on delete cascade,
    row_number  integer not null,
    school_code text,
    school_year integer,
    outcome     text    not null check (outcome in ('CREATED', 'UPDATED', 'UNCHANGED', 'VALID', 'REFUSED')),
    primary key (import_id, row_number)
);

-- Each reason a row was refused: the column and the value as written, and why, in both of
-- Junheng's languages (the reader's is chosen when read).
create table import_problem (
    import_id   bigint  not null references import_batch (id) on delete cascade,
    row_number  integer not null,
    position    integer not null,
    column_name text    not null,
    value       text    not null,
    message_zh  text    not null,
    message_en  text    not null,
    primary key (import_id, row_number, position)
);
