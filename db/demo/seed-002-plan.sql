-- The demo county's plan, from seed 002 (县2025年义务教育均衡发展工作计划): its four goals,
-- key measures as tasks, the seven dated steps of 实施步骤与时间节点 as milestones, and its
-- numeric targets. The seed names no baselines, so only the one that is plain (teachers
-- recruited, from none) is given. Statuses are the state of the work on 2026-11-22.
with p as (
    insert into plan (region_code, title, start_year, end_year, status)
    values ('511921', '通江县义务教育均衡发展工作计划（2023—2025年）', 2023, 2025, 'ACTIVE')
    returning id
), goals as (
    insert into plan_goal (plan_id, position, description)
    select p.id, g.position, g.description from p, (values
        (1, '确保每个乡镇至少有一所标准化学校，满足基本的教育需求。'),
        (2, '提高乡村学校的师资水平，确保每班配备合格教师比例达到95%以上。'),
        (3, '加强教育基础设施建设，确保所有学校都能提供安全、舒适的学习环境。'),
        (4, '推动教育资源的合理配置，缩小城乡、校际之间的教育差距，使每个学生都能享受到优质的教育服务。')
    ) as g (position, description)
    returning id
), tasks as (
    insert into plan_task (plan_id, position, title, description, responsible_units)
    select p.id, t.position, t.title, t.description, t.units from p, (values
        (1, '开展教师培训与进修', '定期组织专业培训，提升教师的教学水平，特别是对乡镇学校的教师进行重点支持。', array['县教育局人事股', '县教师发展中心']),
        (2, '引进高素质人才', '通过政策优惠、奖励机制等方式，吸引优秀教师到乡镇学校任教。', array['县教育局人事股']),
        (3, '更新与维护校园设施', '对现有校园设施进行全面检查与维护，确保其安全性与功能性。', array['县教育局计财股', '各乡镇中心学校']),
        (4, '建设多功能教室', '在乡镇学校建设多功能教室，配备现代化教学设备，满足不同学科的教学需求。', array['县教育局计财股', '县电化教育馆']),
        (5, '制定资源配置标准', '确定各学校的基本资源配置标准，确保资源的公平分配。', array['县教育局基础教育股']),
        (6, '开展校际交流与合作', '鼓励城乡学校之间的交流与合作，定期组织联合活动，促进资源共享。', array['县教育局基础教育股', '各结对学校'])
    ) as t (position, title, description, units)
    returning id
), milestones as (
    insert into milestone (plan_id, title, description, due_on, status, progress, achieved_on)
    select p.id, m.title, m.description, m.due_on::date, m.status, m.progress, m.achieved_on::date from p, (values
        ('开展教育现状调研', '组织相关人员对我县各乡镇学校的教育资源、师资力量、基础设施等进行全面调研，形成详细报告。', '2023-06-30', 'ACHIEVED', 100, '2023-06-28'),
        ('制定具体发展方案', '根据调研结果，制定各乡镇学校的发展方案，明确每所学校的建设目标和任务。', '2023-09-30', 'ACHIEVED', 100, '2023-09-26'),
        ('教师培训与引进', '开展教师培训项目，提升现有教师的专业素养，尤其是乡村学校的教师。计划引进高素质教师10名，重点支持乡镇学校。', '2024-06-30', 'ACHIEVED', 100, '2024-06-21'),
        ('教育资源共享机制建立', '建立教育资源共享平台，促进城乡学校之间的交流与合作，鼓励优质资源下沉。', '2024-10-31', 'ACHIEVED', 100, '2024-11-15'),
        ('基础设施建设', '对乡镇学校进行改造与建设，确保所有学校的教学设施达到标准化要求。', '2024-12-31', 'OVERDUE', 80, null),
        ('评估计划执行情况', '组织专家对实施效果进行评估，收集反馈意见，为后续工作提供依据。', '2025-04-30', 'ACHIEVED', 100, '2025-04-25'),
        ('调整与完善发展策略', '根据评估结果，调整和完善下一阶段的发展策略，确保目标的实现。', '2025-06-30', 'OVERDUE', 60, null)
    ) as m (title, description, due_on, status, progress, achieved_on)
    returning id
)
insert into target (plan_id, measure, unit, baseline, target_value, deadline)
select p.id, t.measure, t.unit, t.baseline, t.target_value, t.deadline::date from p, (values
    ('乡村学校每班配备合格教师比例', '%', null::numeric, 95::numeric, '2025-12-31'),
    ('引进高素质教师', '名', 0::numeric, 10::numeric, '2024-06-30'),
    ('乡镇学校教师满意度', '%', null::numeric, 85::numeric, '2025-12-31'),
    ('学校基础设施完好率', '%', null::numeric, 100::numeric, '2025-12-31')
) as t (measure, unit, baseline, target_value, deadline);

-- The one target the seed's own data settles: milestone 3 recruited its ten teachers, so the
-- target is met and the milestone is tied to it.
update target set current_value = 10 where measure = '引进高素质教师';
update milestone set target_id = (select id from target where measure = '引进高素质教师') where title = '教师培训与引进';
