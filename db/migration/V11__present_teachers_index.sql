-- A school's teachers now (not recorded as having left), counted by every page of schools
-- (School.teacherCount, one count per school of the page): an index of just those rows lets
-- PostgreSQL count them from the index alone, without reading the teacher rows.
create index teacher_present_school_idx on teacher (school_id) where left_school_on is null;
