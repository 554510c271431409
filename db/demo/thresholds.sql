-- A city threshold set overriding two national values, as 2.3 of the standard allows: some
-- cities accept smaller music and art rooms in older buildings. Demo data: the figures follow
-- the standard's note, the set itself is made up. Everything else is inherited from the national set.
insert into threshold_set (code, name, region_code, parent_id, source)
select 'BAZHONG-2024', '巴中市义务教育优质均衡发展督导评估细则（演示）', '511900', id, '演示数据：市级细则'
from threshold_set where code = 'NATIONAL-2017';

insert into threshold_value (threshold_set_id, indicator_code, stage, value, source)
select s.id, v.code, 'ALL', v.value, v.source
from threshold_set s, (values ('MUSIC_ROOM_AREA', 73, '既有建筑音乐专用教室不小于73平方米'),
                              ('ART_ROOM_AREA', 67, '既有建筑美术专用教室不小于67平方米')) as v (code, value, source)
where s.code = 'BAZHONG-2024';
