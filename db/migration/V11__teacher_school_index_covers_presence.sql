-- Every page of schools counts each school's present teachers (School.teacherCount, a teacher
-- not recorded as having left) on this index; with left_school_on in it the count is read from
-- the index alone, not from the teacher rows (a county's page of 50 schools: 731 buffers to 110).
-- The keys are unchanged, so the plans that used it before still do: a partial index of the
-- present teachers instead (tried before) made PostgreSQL scan all of a province's present
-- teachers for one county's name search.
drop index teacher_school_name_idx;
create index teacher_school_name_idx on teacher (school_id, name, id) include (left_school_on);
