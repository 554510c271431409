-- A change to the base figures that indicators are computed from (a school's conditions, its
-- teachers, exchanges, thresholds, a school's own stage or region) becomes one event per region
-- and school year it touches, written by statement-level triggers in the writing transaction: a
-- bulk import of thousands of rows gives a handful of events, not thousands, and whatever writes
-- (the API, an import, a hand-run UPDATE) cannot forget one. Wall displays follow them
-- (regionBalanceChanged) by cursor, as they follow milestone events. NOTIFY only wakes readers up.
create sequence figures_event_id_seq;

create table figures_event (
    -- The cursor, handed out in commit order like milestone_event's.
    id           bigint      primary key,
    occurred_at  timestamptz not null default clock_timestamp(),
    -- The path of the region whose schools changed ('510000/511900/511921'), or of the region
    -- whose threshold set changed, which reaches every region below it; '' for the national set.
    region_path  text        not null,
    -- The school year the change belongs to; null for every year (teachers, thresholds, schools).
    school_year  integer,
    source       text        not null check (source in ('school_conditions', 'teacher', 'exchange', 'threshold', 'school'))
);

create function figures_event_add(changed_path text, changed_year integer, changed_source text) returns void
language plpgsql as $$
declare
    event_id bigint;
begin
    -- As for milestone events: cursors are taken one transaction at a time, so a reader that has
    -- seen cursor N never later finds a committed event below N.
    perform pg_advisory_xact_lock(7426002);
    event_id := nextval('figures_event_id_seq');
    insert into figures_event (id, region_path, school_year, source) values (event_id, changed_path, changed_year, changed_source);
    perform pg_notify('figures_event', event_id::text);
end
$$;

-- One event per distinct region and school year among the schools a statement touched (a null
-- year: every year).
create function figures_event_of(school_ids bigint[], school_years integer[], changed_source text) returns void
language plpgsql as $$
declare
    changed record;
begin
    for changed in
        select distinct r.path, t.school_year
          from unnest(school_ids, school_years) as t (school_id, school_year)
          join school s on s.id = t.school_id join region r on r.code = s.region_code
    loop
        perform figures_event_add(changed.path, changed.school_year, changed_source);
    end loop;
end
$$;

-- Statement-level triggers see the statement's rows as transition tables, named per trigger:
-- new_rows for inserts and updates, old_rows for deletes and updates. A branch naming a table its
-- trigger lacks is never run, so one function serves the three triggers of a table.
create function figures_event_of_conditions() returns trigger language plpgsql as $$
declare
    ids bigint[];
    years integer[];
begin
    if tg_op = 'INSERT' then
        select array_agg(school_id), array_agg(school_year) into ids, years from new_rows;
    elsif tg_op = 'DELETE' then
        select array_agg(school_id), array_agg(school_year) into ids, years from old_rows;
    else
        select array_agg(school_id), array_agg(school_year) into ids, years
          from (select school_id, school_year from new_rows union select school_id, school_year from old_rows) both_sides;
    end if;
    perform figures_event_of(ids, years, 'school_conditions');
    return null;
end
$$;

create function figures_event_of_teachers() returns trigger language plpgsql as $$
declare
    ids bigint[];
begin
    if tg_op = 'INSERT' then
        select array_agg(distinct school_id) into ids from new_rows;
    elsif tg_op = 'DELETE' then
        select array_agg(distinct school_id) into ids from old_rows;
    else
        select array_agg(school_id) into ids from (select school_id from new_rows union select school_id from old_rows) both_sides;
    end if;
    perform figures_event_of(ids, array_fill(null::integer, array[coalesce(cardinality(ids), 0)]), 'teacher');
    return null;
end
$$;

-- An exchange counts for both its schools in its school year.
create function figures_event_of_exchanges() returns trigger language plpgsql as $$
declare
    ids bigint[];
    years integer[];
begin
    if tg_op = 'INSERT' then
        select array_agg(school_id), array_agg(school_year) into ids, years
          from (select from_school_id as school_id, school_year from new_rows
                union select to_school_id, school_year from new_rows) ends;
    elsif tg_op = 'DELETE' then
        select array_agg(school_id), array_agg(school_year) into ids, years
          from (select from_school_id as school_id, school_year from old_rows
                union select to_school_id, school_year from old_rows) ends;
    else
        select array_agg(school_id), array_agg(school_year) into ids, years
          from (select from_school_id as school_id, school_year from new_rows union select to_school_id, school_year from new_rows
                union select from_school_id, school_year from old_rows union select to_school_id, school_year from old_rows) ends;
    end if;
    perform figures_event_of(ids, years, 'exchange');
    return null;
end
$$;

-- A threshold set's change reaches every region below the set's region.
create function figures_event_of_thresholds() returns trigger language plpgsql as $$
declare
    sets bigint[];
    changed record;
begin
    if tg_op = 'INSERT' then
        select array_agg(distinct threshold_set_id) into sets from new_rows;
    elsif tg_op = 'DELETE' then
        select array_agg(distinct threshold_set_id) into sets from old_rows;
    else
        select array_agg(threshold_set_id) into sets
          from (select threshold_set_id from new_rows union select threshold_set_id from old_rows) both_sides;
    end if;
    for changed in
        select distinct coalesce(r.path, '') as path
          from threshold_set ts left join region r on r.code = ts.region_code
         where ts.id = any (sets)
    loop
        perform figures_event_add(changed.path, null, 'threshold');
    end loop;
    return null;
end
$$;

-- A school that changes stage or region changes the figures of the regions it leaves and joins.
create function figures_event_of_schools() returns trigger language plpgsql as $$
declare
    changed record;
begin
    for changed in
        select distinct r.path
          from (select o.region_code from old_rows o join new_rows n on n.id = o.id
                 where (o.stage, o.region_code) is distinct from (n.stage, n.region_code)
                union
                select n.region_code from old_rows o join new_rows n on n.id = o.id
                 where (o.stage, o.region_code) is distinct from (n.stage, n.region_code)) moved
          join region r on r.code = moved.region_code
    loop
        perform figures_event_add(changed.path, null, 'school');
    end loop;
    return null;
end
$$;

create trigger figures_event_conditions_insert after insert on school_conditions
    referencing new table as new_rows for each statement execute function figures_event_of_conditions();
create trigger figures_event_conditions_update after update on school_conditions
    referencing old table as old_rows new table as new_rows for each statement execute function figures_event_of_conditions();
create trigger figures_event_conditions_delete after delete on school_conditions
    referencing old table as old_rows for each statement execute function figures_event_of_conditions();

create trigger figures_event_teacher_insert after insert on teacher
    referencing new table as new_rows for each statement execute function figures_event_of_teachers();
create trigger figures_event_teacher_update after update on teacher
    referencing old table as old_rows new table as new_rows for each statement execute function figures_event_of_teachers();
create trigger figures_event_teacher_delete after delete on teacher
    referencing old table as old_rows for each statement execute function figures_event_of_teachers();

create trigger figures_event_exchange_insert after insert on exchange
    referencing new table as new_rows for each statement execute function figures_event_of_exchanges();
create trigger figures_event_exchange_update after update on exchange
    referencing old table as old_rows new table as new_rows for each statement execute function figures_event_of_exchanges();
create trigger figures_event_exchange_delete after delete on exchange
    referencing old table as old_rows for each statement execute function figures_event_of_exchanges();

create trigger figures_event_threshold_insert after insert on threshold_value
    referencing new table as new_rows for each statement execute function figures_event_of_thresholds();
create trigger figures_event_threshold_update after update on threshold_value
    referencing old table as old_rows new table as new_rows for each statement execute function figures_event_of_thresholds();
create trigger figures_event_threshold_delete after delete on threshold_value
    referencing old table as old_rows for each statement execute function figures_event_of_thresholds();

create trigger figures_event_school_update after update on school
    referencing old table as old_rows new table as new_rows for each statement execute function figures_event_of_schools();
