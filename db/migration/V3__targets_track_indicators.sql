-- A target measures a standard indicator (a school's value, a region's enrollment-weighted mean
-- or its coefficient of variation) or a custom measure whose current value is reported by hand.
-- A milestone may be tied to a target: it is achieved on its own once the target is met.
alter table target
    add column scope          text    not null default 'CUSTOM'
        check (scope in ('CUSTOM', 'SCHOOL', 'REGION_MEAN', 'REGION_CV')),
    add column indicator_code text    references indicator_definition (code),
    add column school_id      bigint  references school (id),
    add column region_code    char(6) references region (code),
    add column stage          text    check (stage in ('PRIMARY', 'JUNIOR')),
    add column school_year    integer check (school_year between 1949 and 2200),
    add column current_value  numeric(14, 4),
    add constraint target_scope_fields_check check (
        (scope = 'CUSTOM' and indicator_code is null and school_id is null and region_code is null)
        or (scope = 'SCHOOL' and indicator_code is not null and school_id is not null and school_year is not null)
        or (scope in ('REGION_MEAN', 'REGION_CV') and indicator_code is not null and region_code is not null
            and stage is not null and school_year is not null));

alter table milestone add column target_id bigint references target (id);
create index milestone_target_idx on milestone (target_id) where target_id is not null;
