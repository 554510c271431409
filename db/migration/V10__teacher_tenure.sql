-- Teachers with a history (issue 14). A school's yearly staff list (教育事业统计, base date
-- 1 September) says who was there on that day; a teacher missing from the next list has left, one
-- who moved is on another school's list. Each time at a school is a tenure with a start and an
-- end, so that every year's indicators count exactly the teachers there on its base date: a
-- teacher who left in 2025 counts in 2024, not in 2026. A teacher is never deleted.
--
-- The teacher row keeps the latest tenure (school_id, joined_school_on and left_school_on); the
-- tenure table keeps them all and is written by triggers from the teacher row, so every writer
-- (a mutation, an import, the demo loader, a hand-run UPDATE) records history the same way.

-- The staff number (教职工号) a bureau knows a teacher by, unique across Junheng: it stays with the
-- teacher from school to school, and an import finds the teacher by it.
alter table teacher add column staff_number text check (staff_number ~ '^[0-9A-Za-z-]{4,32}$');
create unique index teacher_staff_number_key on teacher (staff_number);
-- The first day the teacher was no longer at the school (the base date of the first staff list
-- without the teacher); null while there.
alter table teacher add column left_school_on date;
alter table teacher add constraint teacher_left_after_joined check (left_school_on is null or left_school_on > joined_school_on);

create table teacher_tenure (
    teacher_id bigint not null references teacher (id) on delete cascade,
    school_id  bigint not null references school (id),
    started_on date   not null,
    -- The first day no longer at the school; null while there.
    ended_on   date,
    primary key (teacher_id, started_on),
    check (ended_on is null or ended_on > started_on)
);
-- Who was at a school on a day: the indicators' question, asked for every school of a region.
create index teacher_tenure_school_idx on teacher_tenure (school_id, started_on) include (ended_on, teacher_id);

-- The rule of who counts: a teacher counts at a school for a school year when a tenure there covers
-- the year's base date. A plain SQL function, so PostgreSQL inlines it and still uses the index.
create function tenure_covers(started_on date, ended_on date, day date) returns boolean
language sql immutable parallel safe as $$ select $1 <= $3 and ($2 is null or $2 > $3) $$;

insert into teacher_tenure (teacher_id, school_id, started_on, ended_on)
select id, school_id, joined_school_on, left_school_on from teacher;

create function teacher_tenure_of_new() returns trigger language plpgsql as $$
begin
    insert into teacher_tenure (teacher_id, school_id, started_on, ended_on)
    select id, school_id, joined_school_on, left_school_on from new_rows;
    return null;
end
$$;

-- A later joining date at another school, or after having left, starts a new tenure and ends the
-- last one (on the day the teacher left, or else on the new joining day). Any other change of the
-- school, the joining date or the leaving date corrects the latest tenure.
create function teacher_tenure_of_change() returns trigger language plpgsql as $$
begin
    with moved as (
        select n.id, n.school_id, n.joined_school_on, n.left_school_on, o.joined_school_on as old_joined, o.left_school_on as old_left
          from new_rows n join old_rows o on o.id = n.id
         where n.joined_school_on > o.joined_school_on and (n.school_id <> o.school_id or o.left_school_on is not null)),
    closed as (
        update teacher_tenure t set ended_on = least(coalesce(m.old_left, m.joined_school_on), m.joined_school_on)
          from moved m where t.teacher_id = m.id and t.started_on = m.old_joined)
    insert into teacher_tenure (teacher_id, school_id, started_on, ended_on)
    select id, school_id, joined_school_on, left_school_on from moved;

    update teacher_tenure t set school_id = n.school_id, started_on = n.joined_school_on, ended_on = n.left_school_on
      from new_rows n join old_rows o on o.id = n.id
     where t.teacher_id = n.id and t.started_on = o.joined_school_on
       and not (n.joined_school_on > o.joined_school_on and (n.school_id <> o.school_id or o.left_school_on is not null))
       and (n.school_id, n.joined_school_on, n.left_school_on) is distinct from (o.school_id, o.joined_school_on, o.left_school_on);
    return null;
end
$$;

create trigger teacher_tenure_insert after insert on teacher
    referencing new table as new_rows for each statement execute function teacher_tenure_of_new();
create trigger teacher_tenure_update after update on teacher
    referencing old table as old_rows new table as new_rows for each statement execute function teacher_tenure_of_change();

-- Teachers imports beside conditions imports; a long import is RUNNING, with the rows read so far.
alter table import_batch drop constraint import_batch_kind_check;
alter table import_batch add constraint import_batch_kind_check check (kind in ('CONDITIONS', 'TEACHERS'));
alter table import_batch drop constraint import_batch_status_check;
alter table import_batch add constraint import_batch_status_check check (status in ('RUNNING', 'VALIDATED', 'COMMITTED', 'REFUSED'));
alter table import_batch add column rows_read integer not null default 0;
-- Teachers a committed staff list recorded as having left: on the school's earlier list, not on this one.
alter table import_batch add column teachers_left integer not null default 0;
alter table import_row add column staff_number text;
-- Which school years' staff lists of a school were committed: a list older than one already
-- committed cannot be imported (it would record teachers of today as having left years ago).
create index import_row_school_idx on import_row (school_code, school_year);
