// The wall display (大屏): a region's balance verdict and reasons, the seven indicators' CVs
// against their thresholds, exchange, every school's verdict, the plan's targets and its
// milestones on a time axis. Live through regionBalanceChanged, milestoneUpdates and
// planProgress. Lists longer than their panel rotate page by page, so nothing is ever scrolled.
(function () {
  'use strict';

  var el = function (id) { return document.getElementById(id); };
  var params = new URLSearchParams(location.search);
  var token = JunhengLive.tokenFromFragment();
  var client = new JunhengLive.Client(token, onState);

  var STATUS = { PLANNED: '计划中', IN_PROGRESS: '进行中', ACHIEVED: '已完成', OVERDUE: '已逾期', CANCELLED: '已取消' };
  var STATUS_ICON = { PLANNED: '○', IN_PROGRESS: '▶', ACHIEVED: '✓', OVERDUE: '!', CANCELLED: '–' };
  var VERDICT = { PASS: '达标', FAIL: '未达标', NO_DATA: '数据不足', NOT_JUDGED: '不参评' };
  var VERDICT_ICON = { PASS: '✓', FAIL: '✗', NO_DATA: '?', NOT_JUDGED: '–' };
  var STAGE = { PRIMARY: '小学', JUNIOR: '初中' };
  var INDICATORS = ['QUALIFIED_TEACHERS', 'BACKBONE_TEACHERS', 'PE_ARTS_TEACHERS', 'TEACHING_AREA', 'SPORTS_AREA',
    'EQUIPMENT_VALUE', 'MULTIMEDIA_CLASSROOMS'];
  var SHORT = { QUALIFIED_TEACHERS: '高学历教师', BACKBONE_TEACHERS: '骨干教师', PE_ARTS_TEACHERS: '体艺教师',
    TEACHING_AREA: '教学用房', SPORTS_AREA: '体育场馆', EQUIPMENT_VALUE: '仪器设备', MULTIMEDIA_CLASSROOMS: '多媒体教室' };
  var MILESTONE_FIELDS = 'id title dueOn status progress achievedOn version';
  var BALANCE_FIELDS = 'stage schools judgedSchools passingSchools verdict reasons'
    + ' indicators { code cv threshold met schoolsMissing shortfalls { school { id name } ratio } }'
    + ' exchange { eligibleTeachers exchangedTeachers ratio ratioThreshold backboneExchanged backboneShare backboneShareThreshold met }';
  var ROTATE_MS = Number(params.get('rotate')) || 8000;

  var state = { region: params.get('region'), year: Number(params.get('year')) || schoolYearToday(), planId: params.get('plan'),
    milestones: {}, cursor: null, balanceCursor: null, balances: null, schools: null, plan: null, targets: [] };
  var charts = {};

  function schoolYearToday() {
    var now = new Date();
    return now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
  }

  function today() { return new Date().toISOString().slice(0, 10); }

  function pct(value, digits) { return value == null ? '—' : (value * 100).toFixed(digits == null ? 1 : digits) + '%'; }

  function node(tag, className, text) {
    var n = document.createElement(tag);
    if (className) { n.className = className; }
    if (text != null) { n.textContent = text; }
    return n;
  }

  function status(tone, icon, text) {
    var s = node('span', 'status');
    s.dataset.tone = tone;
    s.appendChild(node('span', 'icon', icon)).setAttribute('aria-hidden', 'true');
    s.appendChild(node('span', 'text', text));
    return s;
  }

  function notice(text) {
    el('notice').hidden = !text;
    el('notice').textContent = text || '';
  }

  function onState(what) {
    var badge = el('connection');
    if (what === 'live') { badge.dataset.state = 'live'; badge.textContent = '实时'; return; }
    if (what === 'connecting') { badge.dataset.state = 'connecting'; badge.textContent = '重新连接中'; return; }
    if (what === 'token-needed') {
      showAuth('warn', '需要登录');
      notice('此显示屏需要只读令牌：请在地址后加上 #token=（向管理员索取 VIEWER 令牌）。');
    }
    if (what === 'token-invalid') {
      showAuth('warn', '令牌失效');
      notice('显示屏的令牌无效或已过期：请向管理员索取新的只读令牌，并更换地址中 #token= 之后的部分。');
    }
  }

  function showAuth(tone, text) {
    el('auth').dataset.tone = tone;
    el('auth').textContent = text;
  }

  function describeToken() {
    if (!token) { showAuth('neutral', '公开数据'); return; }
    var c = JunhengLive.claims(token);
    if (!c || !c.exp) { showAuth('warn', '令牌无效'); return; }
    var expires = new Date(c.exp * 1000);
    if (expires <= new Date()) { onState('token-invalid'); return; }
    showAuth('ok', '只读令牌 · 至 ' + expires.toLocaleString('zh-CN', { hour12: false }));
    // Say so when it runs out, before the server ends the connection.
    setTimeout(function () { onState('token-invalid'); }, Math.min(expires - new Date(), 2147483000));
  }

  /** A phone or a portrait screen: one column, nothing rotates. Matches the stylesheet's media query. */
  function narrow() { return window.matchMedia('(max-width: 900px), (orientation: portrait)').matches; }

  // ---- rotation: a list longer than its box is shown a page at a time -------------------------

  var rotations = {};

  function paginate(list, label) {
    var items = Array.prototype.slice.call(list.children);
    items.forEach(function (item) { item.hidden = false; });
    var pages = [];
    var box = list.getBoundingClientRect();
    if (narrow() || box.height === 0) {
      if (label) { label.textContent = ''; }
      return;
    }
    var page = [];
    var top = null;
    items.forEach(function (item) {
      var r = item.getBoundingClientRect();
      if (top === null) { top = r.top; }
      if (r.bottom - top > box.height + 0.5 && page.length) {
        pages.push(page);
        page = [];
        top = r.top;
      }
      page.push(item);
    });
    if (page.length) { pages.push(page); }
    var id = list.id;
    clearInterval(rotations[id]);
    var index = 0;
    function show() {
      pages.forEach(function (p, i) { p.forEach(function (item) { item.hidden = i !== index; }); });
      if (label) { label.textContent = pages.length > 1 ? '第 ' + (index + 1) + ' / ' + pages.length + ' 页' : ''; }
      list.dataset.page = index + 1;
      list.dataset.pages = pages.length;
    }
    show();
    if (pages.length > 1) {
      rotations[id] = setInterval(function () { index = (index + 1) % pages.length; show(); }, ROTATE_MS);
    }
  }

  // ---- balance -------------------------------------------------------------------------------

  function renderBalance(change) {
    state.balances = change.balances;
    state.balanceCursor = change.cursor;
    el('region-name').textContent = change.region.name;
    document.title = change.region.name + ' · 义务教育优质均衡发展监测';
    el('school-year').textContent = change.schoolYear + '—' + (change.schoolYear + 1) + ' 学年';
    var judged = change.balances.filter(function (b) { return b.schools > 0; });
    var overall = judged.some(function (b) { return b.verdict === 'FAIL'; }) ? 'FAIL'
      : judged.length && judged.every(function (b) { return b.verdict === 'PASS'; }) ? 'PASS' : 'NO_DATA';
    var verdict = el('verdict');
    verdict.dataset.verdict = overall;
    verdict.querySelector('.icon').textContent = VERDICT_ICON[overall];
    verdict.querySelector('.text').textContent = overall === 'PASS' ? '优质均衡达标' : overall === 'FAIL' ? '尚未达标' : '数据不足，无法判定';
    var stages = el('stage-pass');
    stages.innerHTML = '';
    change.balances.forEach(function (b) {
      var li = node('li');
      li.appendChild(node('span', 'label', STAGE[b.stage]));
      li.appendChild(status(tone(b.verdict), VERDICT_ICON[b.verdict], VERDICT[b.verdict]));
      li.appendChild(node('span', 'value', b.judgedSchools ? b.passingSchools + ' / ' + b.judgedSchools + ' 所学校达标' : '无参评学校'));
      stages.appendChild(li);
    });
    // The region's own reasons here; each failing school's reasons go with its tile.
    var reasons = el('reasons');
    reasons.innerHTML = '';
    var schools = {};
    JunhengLive.reasons(change.balances).forEach(function (reason) {
      if (reason.school) { schools[reason.stage] = (schools[reason.stage] || 0) + 1; return; }
      reasons.appendChild(node('li', null, (reason.stage ? STAGE[reason.stage] : '全县') + '：' + reason.text));
    });
    Object.keys(schools).forEach(function (stage) {
      reasons.appendChild(node('li', null, STAGE[stage] + '：' + schools[stage] + ' 所学校未达标，逐校原因见「各校达标情况」'));
    });
    if (!reasons.children.length) { reasons.appendChild(node('li', null, overall === 'PASS' ? '各项指标均达到标准' : '暂无')); }
    paginate(reasons, el('reasons-page'));
    renderCv(change.balances);
    renderFigures(change.balances);
    if (!token) { renderTilesFromShortfalls(change.balances); }
    el('last-event').textContent = new Date().toLocaleTimeString('zh-CN', { hour12: false });
  }

  function tone(verdict) {
    return { PASS: 'ok', FAIL: 'bad', NO_DATA: 'warn', NOT_JUDGED: 'neutral' }[verdict] || 'neutral';
  }

  function renderCv(balances) {
    var values = {};
    var series = balances.map(function (b) {
      var threshold = b.indicators.length ? b.indicators[0].threshold : null;
      values[b.stage] = b.indicators.map(function (i) { return i.cv; });
      return {
        name: STAGE[b.stage] + '（≤ ' + threshold + '）', type: 'bar', barGap: '15%',
        data: INDICATORS.map(function (code) {
          var i = b.indicators.filter(function (x) { return x.code === code; })[0];
          var over = i && i.met === false;
          return { value: i && i.cv != null ? Number(i.cv.toFixed(3)) : null,
            itemStyle: { color: over ? '#e5534b' : (b.stage === 'PRIMARY' ? '#4aa3ff' : '#8fd18f') },
            label: { formatter: (over ? '▲' : '') + '{c}' } };
        }),
        label: { show: true, position: 'top', color: '#eef3f9', fontSize: 13 },
        markLine: { symbol: 'none', silent: true, lineStyle: { color: b.stage === 'PRIMARY' ? '#4aa3ff' : '#8fd18f', type: 'dashed', width: 2 },
          label: { formatter: STAGE[b.stage] + ' ' + threshold, color: '#eef3f9', fontSize: 13 }, data: [{ yAxis: threshold }] }
      };
    });
    el('cv-chart').dataset.values = JSON.stringify(values);
    chart('cv-chart').setOption({
      animationDuration: 400,
      textStyle: { fontFamily: 'Noto Sans CJK SC, sans-serif' },
      grid: { left: 48, right: 72, top: narrow() ? 64 : 40, bottom: 56 },
      legend: { top: 0, textStyle: { color: '#eef3f9', fontSize: 15 } },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: INDICATORS.map(function (c) { return SHORT[c]; }),
        axisLabel: { color: '#d7e1ee', fontSize: 14, interval: 0, rotate: 20 } },
      yAxis: { type: 'value', name: narrow() ? '' : '差异系数', nameTextStyle: { color: '#d7e1ee' }, axisLabel: { color: '#d7e1ee' },
        splitLine: { lineStyle: { color: '#2b3f5c' } } },
      series: series
    }, true);
  }

  function renderFigures(balances) {
    var list = el('figures');
    list.innerHTML = '';
    var exchange = balances[0] && balances[0].exchange;
    if (exchange) {
      list.appendChild(meter('教师交流轮岗比例', exchange.ratio, exchange.ratioThreshold, exchange.met,
        '符合条件 ' + exchange.eligibleTeachers + ' 人，交流 ' + exchange.exchangedTeachers + ' 人', 'exchange'));
      list.appendChild(meter('骨干教师占交流人数', exchange.backboneShare, exchange.backboneShareThreshold,
        exchange.backboneShare == null ? null : exchange.backboneShare >= exchange.backboneShareThreshold - 1e-12,
        '交流骨干教师 ' + exchange.backboneExchanged + ' 人', 'backbone'));
    }
    balances.forEach(function (b) {
      var share = b.judgedSchools ? b.passingSchools / b.judgedSchools : null;
      list.appendChild(meter(STAGE[b.stage] + '学校达标率', share, 1, b.judgedSchools ? b.passingSchools === b.judgedSchools : null,
        b.passingSchools + ' / ' + b.judgedSchools + ' 所', 'pass-' + b.stage));
    });
  }

  function meter(label, value, threshold, met, detail, key) {
    var li = node('li', 'meter');
    li.dataset.figure = key;
    var head = node('div', 'head');
    head.appendChild(node('span', 'label', label));
    head.appendChild(status(met == null ? 'warn' : met ? 'ok' : 'bad', met == null ? '?' : met ? '✓' : '✗',
      pct(value) + (threshold < 1 ? ' / 应 ≥ ' + pct(threshold, 0) : '')));
    li.appendChild(head);
    var bar = node('div', 'bar');
    var fill = node('div');
    // A share against its threshold puts the threshold two thirds along; a pass rate fills to 100%.
    var scale = threshold < 1 ? threshold * 1.5 : 1;
    fill.style.width = Math.max(0, Math.min(100, (value || 0) / scale * 100)) + '%';
    fill.dataset.tone = met ? 'ok' : 'bad';
    bar.appendChild(fill);
    if (threshold < 1) {
      var mark = node('span', 'mark');
      mark.style.left = (threshold / scale * 100) + '%';
      bar.appendChild(mark);
    }
    li.appendChild(bar);
    li.appendChild(node('small', null, detail));
    return li;
  }

  // ---- schools ---------------------------------------------------------------------------------

  function loadSchools() {
    if (!token || !state.region) { return Promise.resolve(); }
    var schools = [];
    function page(after) {
      return client.query('query($code: String!, $year: Int!, $after: String) { region(code: $code) { schools(first: 100, after: $after,'
        + ' filter: { schoolYear: $year }) { pageInfo { hasNextPage endCursor } edges { node { id name stage balanceVerdict(schoolYear: $year)'
        + ' { verdict reasons } } } } } }', { code: state.region, year: state.year, after: after })
        .then(function (result) {
          var connection = result.data.region && result.data.region.schools;
          if (!connection) { return; }
          connection.edges.forEach(function (e) { schools.push(e.node); });
          if (connection.pageInfo.hasNextPage) { return page(connection.pageInfo.endCursor); }
        });
    }
    return page(null).then(function () {
      state.schools = schools.map(function (s) {
        return { id: s.id, name: s.name, verdict: s.balanceVerdict ? s.balanceVerdict.verdict : 'NO_DATA',
          reasons: s.balanceVerdict ? s.balanceVerdict.reasons : [] };
      });
      renderTiles(state.schools, '');
    }).catch(function (failure) { console.warn('schools', failure.message); });
  }

  // Without a token a display sees no school data: it shows the schools the balance names.
  function renderTilesFromShortfalls(balances) {
    var byId = {};
    balances.forEach(function (b) {
      b.indicators.forEach(function (i) {
        i.shortfalls.forEach(function (s) {
          var school = byId[s.school.id] || (byId[s.school.id] = { id: s.school.id, name: s.school.name, verdict: 'FAIL', reasons: [] });
          school.reasons.push(SHORT[i.code] + ' 达标准的 ' + pct(s.ratio, 0));
          if (s.ratio >= 0.85 && school.reasons.length === 1) { school.verdict = 'NEAR'; }
        });
      });
    });
    renderTiles(Object.keys(byId).map(function (id) { return byId[id]; }), '（公开数据仅显示有差距的学校；登录后显示全部学校）');
  }

  function renderTiles(schools, note) {
    var order = { FAIL: 0, NEAR: 1, NO_DATA: 2, PASS: 3, NOT_JUDGED: 4 };
    schools.sort(function (a, b) { return order[a.verdict] - order[b.verdict] || a.name.localeCompare(b.name, 'zh'); });
    var box = el('tiles');
    box.innerHTML = '';
    var counts = {};
    schools.forEach(function (s) {
      counts[s.verdict] = (counts[s.verdict] || 0) + 1;
      var tile = node('div', 'tile');
      tile.setAttribute('role', 'listitem');
      tile.dataset.schoolId = s.id;
      tile.dataset.verdict = s.verdict;
      tile.dataset.tone = s.verdict === 'NEAR' ? 'warn' : tone(s.verdict);
      tile.title = s.name + '：' + (VERDICT[s.verdict] || '有差距') + (s.reasons.length ? '；' + s.reasons.join('；') : '');
      tile.appendChild(node('span', 'icon', s.verdict === 'NEAR' ? '!' : VERDICT_ICON[s.verdict]));
      tile.addEventListener('mouseenter', function () { focus(s); });
      box.appendChild(tile);
    });
    fitTiles(box, schools.length);
    var legend = Object.keys(order).filter(function (k) { return counts[k]; }).map(function (k) {
      return (k === 'NEAR' ? '有差距' : VERDICT[k]) + ' ' + counts[k];
    });
    el('tiles-legend').textContent = legend.join(' · ') + (note || '');
    state.focusList = schools.filter(function (s) { return s.verdict === 'FAIL' || s.verdict === 'NEAR'; });
    state.focusIndex = 0;
    focus(state.focusList[0]);
  }

  // The largest square tile with which every school fits the box.
  function fitTiles(box, count) {
    var r = box.getBoundingClientRect();
    if (!count || !r.width || !r.height) { return; }
    var side = Math.floor(Math.sqrt(r.width * r.height / count));
    while (side > 10 && Math.floor(r.width / side) * Math.floor(r.height / side) < count) { side--; }
    box.style.setProperty('--tile', Math.min(side, 72) + 'px');
  }

  function focus(school) {
    var line = el('tile-focus');
    if (!school) { line.textContent = state.schools || token ? '' : ''; return; }
    line.textContent = school.name + '：' + (school.reasons.length ? school.reasons.join('；') : VERDICT[school.verdict]);
  }

  setInterval(function () {
    var list = state.focusList || [];
    if (list.length > 1) {
      state.focusIndex = (state.focusIndex + 1) % list.length;
      focus(list[state.focusIndex]);
    }
  }, ROTATE_MS);

  // ---- plan: milestones and targets ---------------------------------------------------------

  function renderPeriod(plan) {
    var end = plan.endYear + '-12-31';
    var days = Math.round((new Date(end) - new Date(today())) / 86400000);
    var period = el('period');
    if (days < 0) {
      period.dataset.tone = 'warn';
      period.textContent = '规划期 ' + plan.startYear + '—' + plan.endYear + ' 已于 ' + end + ' 结束';
    } else {
      period.dataset.tone = 'neutral';
      period.textContent = '规划期 ' + plan.startYear + '—' + plan.endYear + ' · 剩余 ' + days + ' 天';
    }
    el('plan-title').textContent = plan.title;
  }

  function late(m) { return m.status === 'ACHIEVED' && m.achievedOn && m.achievedOn > m.dueOn; }

  function renderMilestone(m, changed) {
    var item = document.querySelector('[data-milestone-id="' + m.id + '"]') || document.createElement('li');
    item.dataset.milestoneId = m.id;
    item.dataset.status = m.status;
    item.dataset.progress = m.progress;
    item.dataset.dueOn = m.dueOn;
    item.dataset.late = late(m);
    item.innerHTML = '';
    item.appendChild(node('span', 'due', m.dueOn));
    item.appendChild(node('span', 'title', m.title));
    var badge = status(m.status === 'OVERDUE' ? 'bad' : m.status === 'ACHIEVED' ? (late(m) ? 'warn' : 'ok') : m.status === 'IN_PROGRESS' ? 'info' : 'neutral',
      STATUS_ICON[m.status], late(m) ? '逾期完成' : STATUS[m.status] || m.status);
    item.appendChild(badge);
    item.appendChild(node('span', 'progress', m.progress + '%'));
    if (changed) {
      item.classList.add('changed');
      setTimeout(function () { item.classList.remove('changed'); }, 3000);
    }
    place(item);
  }

  // Keeps the list in due-date order whatever order events arrive in.
  function place(item) {
    var timeline = el('timeline');
    var next = Array.prototype.find.call(timeline.children, function (other) {
      return other !== item && (other.dataset.dueOn > item.dataset.dueOn
        || (other.dataset.dueOn === item.dataset.dueOn && other.dataset.milestoneId > item.dataset.milestoneId));
    });
    timeline.insertBefore(item, next || null);
    el('empty').hidden = timeline.children.length > 0;
  }

  var redraw = null;

  function applyMilestone(m, changed) {
    var known = state.milestones[m.id];
    if (known && known.version > m.version) { return; } // an older snapshot than the one shown
    state.milestones[m.id] = m;
    renderMilestone(m, changed);
    clearTimeout(redraw);
    redraw = setTimeout(function () { renderMilestoneChart(); paginate(el('timeline'), el('milestones-page')); }, 50);
  }

  function renderMilestoneChart() {
    var plan = state.plan;
    if (!plan) { return; }
    var ms = Object.keys(state.milestones).map(function (id) { return state.milestones[id]; })
      .filter(function (m) { return m.status !== 'CANCELLED'; })
      .sort(function (a, b) { return a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0; });
    var colour = { PLANNED: '#b8c7d9', IN_PROGRESS: '#4aa3ff', ACHIEVED: '#3fbf6f', OVERDUE: '#e5534b' };
    var symbol = { PLANNED: 'circle', IN_PROGRESS: 'rect', ACHIEVED: 'diamond', OVERDUE: 'triangle' };
    var start = plan.startYear + '-01-01';
    var end = plan.endYear + '-12-31';
    var max = [end, today()].concat(ms.map(function (m) { return m.achievedOn || m.dueOn; })).sort().pop();
    chart('milestone-chart').setOption({
      animation: false,
      grid: { left: 16, right: 24, top: 28, bottom: 28 },
      tooltip: { formatter: function (p) { return p.data.name; } },
      xAxis: { type: 'time', min: start, max: max, axisLabel: { color: '#d7e1ee', fontSize: 13 }, splitLine: { show: false } },
      yAxis: { type: 'value', show: false, min: -0.5, max: Math.max(ms.length, 1) - 0.5, inverse: true },
      series: [{
        type: 'scatter', symbolSize: 18,
        data: ms.map(function (m, i) {
          var lateOne = late(m);
          return { name: m.title + ' · ' + m.dueOn + ' · ' + (lateOne ? '逾期完成 ' + m.achievedOn : STATUS[m.status]),
            value: [lateOne ? m.achievedOn : m.dueOn, i], symbol: lateOne ? 'pin' : symbol[m.status],
            itemStyle: { color: lateOne ? '#f2c230' : colour[m.status] } };
        }),
        markLine: { symbol: 'none', silent: true, data: [
          { xAxis: today(), lineStyle: { color: '#f2c230', width: 2 }, label: { formatter: '今天', color: '#f2c230', fontSize: 14 } },
          { xAxis: end, lineStyle: { color: '#d7e1ee', type: 'dashed' },
            label: { formatter: '规划期末', position: 'insideEndTop', color: '#d7e1ee', fontSize: 13 } }] },
        markArea: { silent: true, itemStyle: { color: 'rgba(74,163,255,0.08)' }, data: [[{ xAxis: start }, { xAxis: end }]] }
      }]
    }, true);
  }

  function renderProgress(p) {
    el('overall-bar').style.width = p.weightedProgress + '%';
    el('overall-text').textContent = p.weightedProgress.toFixed(1) + '%';
    var counts = el('counts');
    counts.innerHTML = '';
    p.milestonesByStatus.forEach(function (c) {
      var li = node('li');
      li.dataset.status = c.status;
      li.appendChild(status(c.status === 'OVERDUE' ? 'bad' : c.status === 'ACHIEVED' ? 'ok' : 'neutral', STATUS_ICON[c.status],
        (STATUS[c.status] || c.status) + ' ' + c.count));
      counts.appendChild(li);
    });
    el('targets-summary').textContent = '已达成 ' + p.targetsMet + ' / ' + p.targets;
  }

  function renderTargets(targets) {
    var list = el('targets');
    list.innerHTML = '';
    targets.forEach(function (t) {
      var li = node('li', 'target');
      li.dataset.targetId = t.id;
      var head = node('div', 'head');
      head.appendChild(node('span', 'label', t.measure));
      var p = t.progress;
      head.appendChild(status(p.met ? 'ok' : t.deadline < today() ? 'bad' : 'neutral', p.met ? '✓' : t.deadline < today() ? '✗' : '…',
        p.met ? '已达成' : t.deadline < today() ? '逾期未达成' : '推进中'));
      li.appendChild(head);
      var bar = node('div', 'bar');
      var fill = node('div');
      fill.style.width = Math.max(0, Math.min(100, (p.fraction || 0) * 100)) + '%';
      fill.dataset.tone = p.met ? 'ok' : 'info';
      bar.appendChild(fill);
      li.appendChild(bar);
      li.appendChild(node('small', null, '当前 ' + (p.current == null ? '—' : round(p.current)) + ' / 目标 ' + round(t.targetValue) + ' '
        + t.unit + ' · ' + t.deadline + ' 截止'));
      list.appendChild(li);
    });
    paginate(list, el('targets-page'));
  }

  function round(v) { return Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 100) / 100; }

  function loadPlan() {
    // The cursor first, then the milestones: whatever changes in between is replayed.
    return client.query('{ milestoneEventsCursor }').then(function (r) {
      state.cursor = r.data.milestoneEventsCursor;
      return client.query('query($id: ID!) { plan(id: $id) { id title startYear endYear status region { code name }'
        + ' milestones { ' + MILESTONE_FIELDS + ' } targets { id measure unit targetValue deadline progress { current fraction met } } } }',
      { id: state.planId });
    }).then(function (r) {
      var plan = r.data.plan;
      if (!plan) { notice('找不到该规划，或无权查看。'); return; }
      state.plan = plan;
      state.region = state.region || plan.region.code;
      renderPeriod(plan);
      plan.milestones.forEach(function (m) { applyMilestone(m, false); });
      el('empty').hidden = plan.milestones.length > 0;
      renderTargets(plan.targets);
      client.subscribe('m', 'subscription($plan: ID, $after: String) { milestoneUpdates(planId: $plan, after: $after) { cursor milestone { '
        + MILESTONE_FIELDS + ' } } }', function () { return { plan: state.planId, after: state.cursor }; }, function (data) {
        state.cursor = data.milestoneUpdates.cursor;
        el('last-event').textContent = new Date().toLocaleTimeString('zh-CN', { hour12: false });
        applyMilestone(data.milestoneUpdates.milestone, true);
      });
      client.subscribe('p', 'subscription($plan: ID!) { planProgress(planId: $plan) { weightedProgress targets targetsMet'
        + ' milestonesByStatus { status count } } }', function () { return { plan: state.planId }; }, function (data) {
        renderProgress(data.planProgress);
        // Targets move with the figures and milestones: read them again with the summary.
        client.query('query($id: ID!) { plan(id: $id) { targets { id measure unit targetValue deadline progress { current fraction met } } } }',
          { id: state.planId }).then(function (t) { if (t.data.plan) { renderTargets(t.data.plan.targets); } });
      });
    });
  }

  function followBalance() {
    client.subscribe('b', 'subscription($code: String!, $year: Int!, $after: String) { regionBalanceChanged(regionCode: $code,'
      + ' schoolYear: $year, after: $after) { cursor schoolYear region { code name } balances { ' + BALANCE_FIELDS + ' } } }',
    function () { return { code: state.region, year: state.year, after: state.balanceCursor }; }, function (data) {
      renderBalance(data.regionBalanceChanged);
      loadSchools();
    }, function (failure) { if (failure.classification !== 'UNAUTHORIZED') { notice('评估数据加载失败：' + failure.message); } });
  }

  function choosePlan() {
    if (state.planId) { return Promise.resolve(); }
    var filter = state.region ? '(first: 20, filter: { regionCode: "' + state.region.replace(/[^0-9]/g, '') + '" })' : '(first: 20)';
    return client.query('{ plans' + filter + ' { edges { node { id status region { code } } } } }').then(function (r) {
      var plans = r.data.plans.edges.map(function (e) { return e.node; });
      var chosen = plans.filter(function (p) { return p.status === 'ACTIVE'; })[0] || plans[0];
      if (chosen) {
        state.planId = chosen.id;
        state.region = state.region || chosen.region.code;
      }
    });
  }

  function chart(id) {
    if (!charts[id]) { charts[id] = echarts.init(el(id)); }
    return charts[id];
  }

  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (id) { charts[id].resize(); });
    paginate(el('reasons'), el('reasons-page'));
    paginate(el('timeline'), el('milestones-page'));
    paginate(el('targets'), el('targets-page'));
    if (state.schools) { fitTiles(el('tiles'), state.schools.length); }
  });

  // Pages are measured with the final fonts; measure again once they are in.
  if (document.fonts) {
    document.fonts.ready.then(function () { window.dispatchEvent(new Event('resize')); });
  }

  describeToken();
  choosePlan().then(function () {
    if (!state.planId) { el('empty').hidden = false; return null; }
    return loadPlan();
  }).then(function () {
    // The region asked for, else the plan's.
    if (!state.region) { notice('没有可显示的区域：请在地址中加上 ?region=（6 位行政区划代码）。'); return; }
    followBalance();
  }).catch(function (failure) {
    if (failure.classification !== 'UNAUTHORIZED') { notice('加载失败：' + failure.message); }
  });
})();
