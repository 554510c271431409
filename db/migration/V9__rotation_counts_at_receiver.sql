-- Where an exchanged teacher counts (issue 16). A teacher on a rotation (轮岗) works the year at
-- the receiving school, so once the rotation is ACTIVE or COMPLETED its figures for the teacher
-- indicators (1 to 3) count there and no longer at home; support and itinerant teaching (支教,
-- 走教) are part-time and stay counted at home. A PLANNED rotation has not happened yet and
-- counts at home too. The rule is a value of the threshold set, 1 (at the receiver) or 0 (always
-- at home), so a province or city whose rules differ overrides it like any other value.
insert into indicator_definition (code, position, category, name_zh, name_en, unit, direction, base_figures) values
  ('ROTATION_COUNTS_AT_RECEIVER', 24, 'RESOURCE', '轮岗教师计入接收学校', 'Rotating teachers count at the receiving school',
   '', 'AT_LEAST', 'exchanges of the year: 1 counts a teacher on an ACTIVE or COMPLETED rotation at the receiving school for indicators 1 to 3, 0 at the home school; support and itinerant teaching always count at home');

insert into threshold_value (threshold_set_id, indicator_code, stage, value, source) values
  (1, 'ROTATION_COUNTS_AT_RECEIVER', 'ALL', 1, '轮岗教师在接收学校任教一学年，计入接收学校的教师指标；支教、走教计入原学校');
