// The exchange planner's proposal for a region and school year, beside the county as it is: the
// teacher indicators' CVs before and after (ECharts), schools passing, the exchange, each hard
// rule, and the moves. ?region=CODE&year=YEAR&seconds=N (the search's time limit) and a PLANNER or
// ADMIN token in the fragment (#token=…). When drawn, <body data-ready="true">; the proposal as
// received is window.proposal.
(function () {
  'use strict';

  var el = function (id) { return document.getElementById(id); };
  var params = new URLSearchParams(location.search);
  var client = new JunhengLive.Client(JunhengLive.tokenFromFragment(), function () {});
  var region = params.get('region');
  var year = Number(params.get('year')) || (new Date().getMonth() >= 8 ? new Date().getFullYear() : new Date().getFullYear() - 1);
  var seconds = Math.min(60, Math.max(1, Number(params.get('seconds')) || 10));
  var STAGE = { PRIMARY: '小学', JUNIOR: '初中' };
  var TEACHERS = ['QUALIFIED_TEACHERS', 'BACKBONE_TEACHERS', 'PE_ARTS_TEACHERS'];
  var SHORT = { QUALIFIED_TEACHERS: '高学历教师', BACKBONE_TEACHERS: '骨干教师', PE_ARTS_TEACHERS: '体艺教师' };
  var RULE = { EXCHANGE_RATIO: '交流比例', BACKBONE_SHARE: '骨干教师占比', ONCE_PER_TEACHER: '每人至多一次',
    NOT_ALREADY_EXCHANGED: '不重复安排本学年已交流教师', KEEPS_SPECIALISTS: '不调走学校唯一的音体美教师', IN_SCOPE: '限于本人权限内学校' };

  function fail(message) { el('notice').hidden = false; el('notice').textContent = message; el('state').textContent = '未能生成'; }

  if (!region) { fail('请在地址中给出 ?region=（6 位行政区划代码）'); return; }
  el('school-year').textContent = year + '—' + (year + 1) + ' 学年';
  var figures = '{ exchangeMet stages { stage passingSchools judgedSchools indicators { code cv threshold met }'
    + ' exchange { ratio backboneShare ratioThreshold backboneShareThreshold } } }';
  client.query('query($code: String!, $year: Int!, $seconds: Int!) { region(code: $code) { name }'
    + ' exchangeProposal(regionCode: $code, schoolYear: $year, options: { timeLimitSeconds: $seconds }) { feasible explanation solveMillis'
    + ' rules { rule met detail } moves { backbone kind teacher { name } fromSchool { name } toSchool { name } }'
    + ' before ' + figures + ' after ' + figures + ' } }', { code: region, year: year, seconds: seconds })
    .then(function (result) {
      var p = result.data.exchangeProposal;
      window.proposal = p;
      el('region-name').textContent = result.data.region ? result.data.region.name : region;
      el('state').dataset.tone = p.feasible ? 'ok' : 'warn';
      el('state').textContent = (p.feasible ? '✓ 满足全部硬性规则' : '✗ 无法满足') + ' · 求解 ' + (p.solveMillis / 1000).toFixed(1) + ' 秒';
      if (!p.feasible) { el('notice').hidden = false; el('notice').textContent = p.explanation; }
      compare(p);
      rules(p);
      moves(p);
      chart(p);
      document.body.dataset.ready = 'true';
    })
    .catch(function (failure) { fail('方案生成失败：' + failure.message); });

  function pct(v) { return v == null ? '—' : (v * 100).toFixed(1) + '%'; }

  function row(label, before, after, worse) {
    var tr = document.createElement('tr');
    [label, before, after].forEach(function (text, i) {
      var td = document.createElement('td');
      td.textContent = text;
      if (i) { td.className = 'num'; }
      tr.appendChild(td);
    });
    tr.dataset.row = label;
    el('compare').querySelector('tbody').appendChild(tr);
  }

  function compare(p) {
    p.before.stages.forEach(function (b, s) {
      var a = p.after.stages[s];
      row(STAGE[b.stage] + '达标学校', b.passingSchools + ' / ' + b.judgedSchools, a.passingSchools + ' / ' + a.judgedSchools);
      TEACHERS.forEach(function (code) {
        var x = b.indicators.filter(function (i) { return i.code === code; })[0];
        var y = a.indicators.filter(function (i) { return i.code === code; })[0];
        row(STAGE[b.stage] + SHORT[code] + '差异系数（≤ ' + x.threshold + '）', x.cv == null ? '—' : x.cv.toFixed(3),
          y.cv == null ? '—' : y.cv.toFixed(3));
      });
    });
    var xb = p.before.stages[0].exchange;
    var xa = p.after.stages[0].exchange;
    row('交流比例（≥ ' + pct(xb.ratioThreshold) + '）', pct(xb.ratio), pct(xa.ratio));
    row('骨干教师占交流人数（≥ ' + pct(xb.backboneShareThreshold) + '）', pct(xb.backboneShare), pct(xa.backboneShare));
  }

  function rules(p) {
    p.rules.forEach(function (r) {
      var li = document.createElement('li');
      li.appendChild(Object.assign(document.createElement('span'), { className: 'status', textContent: (r.met ? '✓ ' : '✗ ') + RULE[r.rule] }));
      li.firstChild.dataset.tone = r.met ? 'ok' : 'bad';
      li.appendChild(document.createTextNode(' ' + r.detail));
      el('rules').appendChild(li);
    });
  }

  function moves(p) {
    el('moves-count').textContent = p.moves.length + ' 人，其中骨干教师 ' + p.moves.filter(function (m) { return m.backbone; }).length + ' 人';
    p.moves.forEach(function (m) {
      var li = document.createElement('li');
      li.textContent = (m.teacher && m.teacher.name ? m.teacher.name : '（姓名仅管理员可见）') + (m.backbone ? '（骨干）' : '') + '：'
        + m.fromSchool.name + ' → ' + m.toSchool.name;
      el('moves').appendChild(li);
    });
  }

  function chart(p) {
    var categories = [];
    var before = [];
    var after = [];
    p.before.stages.forEach(function (b, s) {
      TEACHERS.forEach(function (code) {
        categories.push(STAGE[b.stage] + SHORT[code]);
        before.push(b.indicators.filter(function (i) { return i.code === code; })[0].cv);
        after.push(p.after.stages[s].indicators.filter(function (i) { return i.code === code; })[0].cv);
      });
    });
    var round = function (v) { return v == null ? null : Number(v.toFixed(3)); };
    echarts.init(el('cv-chart')).setOption({
      animation: false,
      textStyle: { fontFamily: 'Noto Sans CJK SC, sans-serif' },
      legend: { top: 0, textStyle: { color: '#eef3f9', fontSize: 15 } },
      grid: { left: 48, right: 72, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: categories, axisLabel: { color: '#d7e1ee', fontSize: 14, interval: 0 } },
      yAxis: { type: 'value', axisLabel: { color: '#d7e1ee' }, splitLine: { lineStyle: { color: '#2b3f5c' } } },
      series: [
        { name: '方案前', type: 'bar', data: before.map(round), itemStyle: { color: '#8a94a6' }, label: { show: true, position: 'top', color: '#eef3f9' },
          markLine: { symbol: 'none', lineStyle: { color: '#f2c230', type: 'dashed' }, label: { color: '#f2c230', formatter: '小学 ≤ {c}' },
            data: [{ yAxis: p.before.stages[0].indicators[0].threshold }] } },
        { name: '方案后', type: 'bar', data: after.map(round), itemStyle: { color: '#3fbf6f' }, label: { show: true, position: 'top', color: '#eef3f9' } }
      ]
    });
  }
})();
