-- Who changed what: one row per row a mutation inserted, updated or deleted, with the values
-- before and after. A trigger writes it in the mutation's own transaction, so a change and its
-- audit entry commit or roll back together and no code path can forget one. The API sets
-- junheng.actor (and the roles and operation) for its transaction; writes without an actor
-- (demo loads, the overdue sweep, the auto-achiever) are not user actions and are not recorded
-- here (milestone changes of every origin are in milestone_event).
create table audit_entry (
    id          bigint      generated always as identity primary key,
    occurred_at timestamptz not null default clock_timestamp(),
    actor       text        not null,
    roles       text        not null,
    operation   text        not null,
    entity      text        not null,
    entity_key  text        not null,
    change      text        not null check (change in ('INSERT', 'UPDATE', 'DELETE')),
    -- The region the row belongs to, with its path then, so "this region and below" needs no join.
    region_code char(6),
    region_path text,
    before      jsonb,
    after       jsonb
);
create index audit_entry_region_idx on audit_entry (region_path text_pattern_ops, id);

create function audit_record() returns trigger language plpgsql as $$
declare
    actor      text := current_setting('junheng.actor', true);
    row_data   jsonb;
    owner_code char(6);
begin
    if actor is null or actor = '' then
        return null;
    end if;
    if tg_op = 'UPDATE' and to_jsonb(old) = to_jsonb(new) then
        return null;
    end if;
    row_data := case when tg_op = 'DELETE' then to_jsonb(old) else to_jsonb(new) end;
    owner_code := case tg_table_name
        when 'region' then row_data ->> 'code'
        when 'school' then row_data ->> 'region_code'
        when 'plan' then row_data ->> 'region_code'
        when 'threshold_set' then row_data ->> 'region_code'
        when 'school_conditions' then (select region_code from school where id = (row_data ->> 'school_id')::bigint)
        when 'teacher' then (select region_code from school where id = (row_data ->> 'school_id')::bigint)
        when 'exchange' then (select region_code from school where id = (row_data ->> 'from_school_id')::bigint)
        when 'pairing' then (select region_code from school where id = (row_data ->> 'lead_school_id')::bigint)
        when 'threshold_value' then (select region_code from threshold_set where id = (row_data ->> 'threshold_set_id')::bigint)
        else (select region_code from plan where id = (row_data ->> 'plan_id')::bigint)
    end;
    insert into audit_entry (actor, roles, operation, entity, entity_key, change, region_code, region_path, before, after)
    values (actor, coalesce(current_setting('junheng.actor_roles', true), ''),
            coalesce(current_setting('junheng.operation', true), ''), tg_table_name,
            coalesce(row_data ->> 'id', row_data ->> 'code',
                     (row_data ->> 'threshold_set_id') || '/' || (row_data ->> 'indicator_code') || '/' || (row_data ->> 'stage')),
            tg_op, owner_code, (select path from region where code = owner_code),
            case when tg_op <> 'INSERT' then to_jsonb(old) end,
            case when tg_op <> 'DELETE' then to_jsonb(new) end);
    return null;
end
$$;

do $$
declare
    audited text;
begin
    foreach audited in array array['region', 'school', 'school_conditions', 'teacher', 'exchange', 'pairing', 'plan',
                                   'plan_goal', 'plan_task', 'milestone', 'target', 'threshold_set', 'threshold_value'] loop
        execute format('create trigger %I after insert or update or delete on %I for each row execute function audit_record()',
                       audited || '_audit', audited);
    end loop;
end
$$;
