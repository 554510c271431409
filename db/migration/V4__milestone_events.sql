-- Every visible change to a milestone becomes one event, written by a trigger in the same
-- transaction as the change: whatever writes milestones (the API, the auto-achiever, the overdue
-- sweep, a bulk load, a hand-run UPDATE) cannot forget it, and a rolled-back change leaves none.
-- Displays replay from the table by cursor; NOTIFY only wakes readers up.
create sequence milestone_event_id_seq;

create table milestone_event (
    -- The cursor. Handed out in commit order (see the trigger), so a reader that has seen
    -- cursor N never later finds a committed event below N.
    id              bigint      primary key,
    kind            text        not null check (kind in ('CREATED', 'UPDATED', 'PROGRESS_CHANGED',
                                    'STATUS_CHANGED', 'ACHIEVED', 'OVERDUE', 'CANCELLED')),
    previous_status text,
    occurred_at     timestamptz not null default clock_timestamp(),
    plan_id         bigint      not null,
    region_code     char(6)     not null,
    -- The plan's region path at the time, so "this region and its descendants" needs no join.
    region_path     text        not null,
    -- The milestone as it was right after the change.
    milestone_id    bigint      not null,
    title           text        not null,
    description     text        not null,
    due_on          date        not null,
    status          text        not null,
    progress        integer     not null,
    achieved_on     date,
    updated_at      timestamptz not null,
    target_id       bigint,
    version         integer     not null
);
create index milestone_event_plan_idx on milestone_event (plan_id, id);
create index milestone_event_region_idx on milestone_event (region_path text_pattern_ops, id);

create function milestone_event_record() returns trigger language plpgsql as $$
declare
    event_kind text;
    event_id   bigint;
    plan_code  char(6);
    plan_path  text;
begin
    if tg_op = 'INSERT' then
        event_kind := 'CREATED';
    elsif new.status is distinct from old.status then
        event_kind := case new.status
            when 'ACHIEVED' then 'ACHIEVED' when 'OVERDUE' then 'OVERDUE' when 'CANCELLED' then 'CANCELLED'
            else 'STATUS_CHANGED' end;
    elsif new.progress is distinct from old.progress then
        event_kind := 'PROGRESS_CHANGED';
    elsif (new.title, new.description, new.due_on, new.achieved_on, new.target_id)
            is distinct from (old.title, old.description, old.due_on, old.achieved_on, old.target_id) then
        event_kind := 'UPDATED';
    else
        return null; -- nothing a display shows has changed
    end if;
    -- Sequence values are taken at insert but become visible at commit, so two concurrent writers
    -- could commit cursors out of order and a reader would skip the lower one for good. This lock,
    -- held until commit, makes writers of milestone events take cursors one transaction at a time.
    perform pg_advisory_xact_lock(7426001);
    select r.code, r.path into plan_code, plan_path
        from plan p join region r on r.code = p.region_code where p.id = new.plan_id;
    event_id := nextval('milestone_event_id_seq');
    insert into milestone_event (id, kind, previous_status, plan_id, region_code, region_path, milestone_id,
            title, description, due_on, status, progress, achieved_on, updated_at, target_id, version)
        values (event_id, event_kind, case when tg_op = 'UPDATE' then old.status end, new.plan_id, plan_code,
            plan_path, new.id, new.title, new.description, new.due_on, new.status, new.progress, new.achieved_on,
            new.updated_at, new.target_id, new.version);
    -- Delivered at commit, to every instance listening; it carries only the cursor.
    perform pg_notify('milestone_event', event_id::text);
    return null;
end
$$;

create trigger milestone_event_trigger after insert or update on milestone
    for each row execute function milestone_event_record();
