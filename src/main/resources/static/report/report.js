// The self-assessment report: the region's balance for a school year, from the graph, laid out for
// printing (browser print or PDF). ?region=CODE&schoolYear=YEAR; a token, if the deployment needs
// one, in the fragment (#token=…). When everything is drawn, <body data-ready="true">.
(function () {
  'use strict';

  var el = function (id) { return document.getElementById(id); };
  var params = new URLSearchParams(location.search);
  var client = new JunhengLive.Client(JunhengLive.tokenFromFragment(), function () {});
  var region = params.get('region');
  var year = Number(params.get('schoolYear'));
  var STAGE = { PRIMARY: '小学', JUNIOR: '初中' };
  var VERDICT = { PASS: '达标', FAIL: '未达标', NO_DATA: '数据不足', NOT_JUDGED: '不参评' };
  var NAMES = {};

  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) { td.className = className; }
    row.appendChild(td);
  }

  function rows(tableId, list, fill) {
    var body = el(tableId).querySelector('tbody');
    body.innerHTML = '';
    list.forEach(function (item) { var tr = document.createElement('tr'); fill(tr, item); body.appendChild(tr); });
  }

  function pct(v) { return v == null ? '—' : (v * 100).toFixed(1) + '%'; }

  function fail(message) { el('notice').hidden = false; el('notice').textContent = message; }

  if (!region || !year) { fail('请在地址中给出 ?region=（6 位行政区划代码）&schoolYear=（学年，如 2026）'); return; }
  el('generated').textContent = new Date().toISOString().slice(0, 10);
  el('school-year').textContent = year + '—' + (year + 1) + ' 学年';

  var stage = function (s) {
    return 'balance(schoolYear: $year, stage: ' + s + ') { stage schools judgedSchools passingSchools verdict reasons'
      + ' indicators { code cv threshold met schoolsCounted definition { nameZh } shortfalls { school { name } value threshold ratio } }'
      + ' exchange { eligibleTeachers exchangedTeachers ratio backboneShare met } }';
  };
  client.query('query($code: String!, $year: Int!) { region(code: $code) { name primary: ' + stage('PRIMARY') + ' junior: '
    + stage('JUNIOR') + ' } }', { code: region, year: year }).then(function (result) {
    var r = result.data.region;
    if (!r) { fail('没有代码为 ' + region + ' 的区域'); return; }
    el('region-name').textContent = r.name;
    document.title = r.name + '义务教育优质均衡发展自评报告（' + year + ' 学年）';
    var balances = [r.primary, r.junior];
    var failed = balances.some(function (b) { return b.verdict === 'FAIL'; });
    el('verdict').textContent = failed ? '经自评，' + r.name + '尚未达到义务教育优质均衡发展资源配置要求。'
      : balances.every(function (b) { return b.verdict === 'PASS'; }) ? '经自评，' + r.name + '达到义务教育优质均衡发展资源配置要求。'
        : '部分数据缺失，尚不能作出结论。';
    el('verdict').className = 'verdict ' + (failed ? 'bad' : 'ok');
    rows('summary', balances, function (tr, b) {
      cell(tr, STAGE[b.stage]); cell(tr, b.schools, 'num'); cell(tr, b.judgedSchools, 'num'); cell(tr, b.passingSchools, 'num');
      cell(tr, VERDICT[b.verdict], b.verdict === 'FAIL' ? 'bad' : 'ok');
    });
    var x = r.primary.exchange;
    rows('exchange', [x], function (tr) {
      cell(tr, x.eligibleTeachers, 'num'); cell(tr, x.exchangedTeachers, 'num'); cell(tr, pct(x.ratio), 'num');
      cell(tr, pct(x.backboneShare), 'num'); cell(tr, x.met === false ? '未达标' : x.met ? '达标' : '无法判定', x.met === false ? 'bad' : 'ok');
    });
    // The region's own reasons up front; each failing school's in a part of their own.
    var reasons = el('reasons');
    var schools = el('schools');
    JunhengLive.reasons(balances).forEach(function (reason) {
      var li = document.createElement('li');
      li.textContent = (reason.stage ? STAGE[reason.stage] : '全县') + '：' + reason.text;
      (reason.school ? schools : reasons).appendChild(li);
    });
    var cvs = [];
    balances.forEach(function (b) { b.indicators.forEach(function (i) { cvs.push({ stage: b.stage, i: i }); }); });
    rows('cv', cvs, function (tr, row) {
      cell(tr, STAGE[row.stage]); cell(tr, row.i.definition.nameZh); cell(tr, row.i.cv == null ? '—' : row.i.cv.toFixed(3), 'num');
      cell(tr, row.i.threshold.toFixed(2), 'num');
      cell(tr, row.i.met === false ? '未达标' : row.i.met ? '达标' : '无法判定', row.i.met === false ? 'bad' : 'ok');
      cell(tr, row.i.schoolsCounted, 'num');
    });
    var gaps = [];
    balances.forEach(function (b) {
      b.indicators.forEach(function (i) { i.shortfalls.forEach(function (s) { gaps.push({ stage: b.stage, name: i.definition.nameZh, s: s }); }); });
    });
    gaps.sort(function (a, b) { return a.s.ratio - b.s.ratio; });
    rows('shortfalls', gaps, function (tr, g) {
      cell(tr, STAGE[g.stage]); cell(tr, g.name); cell(tr, g.s.school.name); cell(tr, g.s.value.toFixed(2), 'num');
      cell(tr, g.s.threshold, 'num'); cell(tr, pct(g.s.ratio), g.s.ratio < 0.85 ? 'num bad' : 'num');
    });
    chart(balances);
    document.body.dataset.ready = 'true';
  }).catch(function (failure) { fail('报告加载失败：' + failure.message); });

  function chart(balances) {
    var SHORT = { QUALIFIED_TEACHERS: '高学历教师', BACKBONE_TEACHERS: '骨干教师', PE_ARTS_TEACHERS: '体艺教师', TEACHING_AREA: '教学用房',
      SPORTS_AREA: '体育场馆', EQUIPMENT_VALUE: '仪器设备', MULTIMEDIA_CLASSROOMS: '多媒体教室' };
    var names = balances[0].indicators.map(function (i) { return SHORT[i.code] || i.code; });
    // SVG: sharp at any print resolution, and its text is text in the PDF.
    echarts.init(el('cv-chart'), null, { renderer: 'svg' }).setOption({
      animation: false,
      textStyle: { fontFamily: 'Noto Sans CJK SC, sans-serif' },
      legend: { top: 0 },
      grid: { left: 40, right: 60, top: 30, bottom: 70 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, fontSize: 9 } },
      yAxis: { type: 'value', name: '差异系数' },
      series: balances.map(function (b) {
        var threshold = b.indicators[0].threshold;
        return { name: STAGE[b.stage] + '（标准 ≤ ' + threshold + '）', type: 'bar',
          data: b.indicators.map(function (i) { return i.cv == null ? null : Number(i.cv.toFixed(3)); }),
          label: { show: true, position: 'top', fontSize: 8 },
          markLine: { symbol: 'none', data: [{ yAxis: threshold }], label: { formatter: STAGE[b.stage] + ' ' + threshold } } };
      })
    });
  }
})();
