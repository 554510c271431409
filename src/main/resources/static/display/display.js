// The progress display: one plan's milestones on a timeline, kept live through the
// milestoneUpdates and planProgress subscriptions (graphql-transport-ws, written out here so the
// page needs nothing from outside Junheng). It resumes by cursor after any disconnect.
(function () {
  'use strict';

  var STATUS = { PLANNED: '计划中', IN_PROGRESS: '进行中', ACHIEVED: '已完成', OVERDUE: '已逾期', CANCELLED: '已取消' };
  var MILESTONE_FIELDS = 'id title dueOn status progress achievedOn version';
  var el = function (id) { return document.getElementById(id); };

  var state = { planId: null, cursor: null, milestones: {}, socket: null, retry: 0 };

  function query(document, variables) {
    return fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: document, variables: variables || {} })
    }).then(function (response) { return response.json(); }).then(function (body) {
      if (body.errors && body.errors.length) { throw new Error(body.errors[0].message); }
      return body.data;
    });
  }

  function setConnection(live) {
    var badge = el('connection');
    badge.dataset.state = live ? 'live' : 'connecting';
    badge.textContent = live ? '实时' : '重新连接中';
  }

  function renderMilestone(m, changed) {
    var item = document.querySelector('[data-milestone-id="' + m.id + '"]') || document.createElement('li');
    item.dataset.milestoneId = m.id;
    item.dataset.status = m.status;
    item.dataset.progress = m.progress;
    item.dataset.dueOn = m.dueOn;
    item.innerHTML = '';
    var head = document.createElement('div');
    head.className = 'head';
    [['due', m.dueOn], ['title', m.title], ['status', STATUS[m.status] || m.status]].forEach(function (part) {
      var span = document.createElement('span');
      span.className = part[0];
      span.textContent = part[1];
      head.appendChild(span);
    });
    var bar = document.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'progressbar');
    bar.setAttribute('aria-valuenow', m.progress);
    var fill = document.createElement('div');
    fill.style.width = m.progress + '%';
    bar.appendChild(fill);
    item.appendChild(head);
    item.appendChild(bar);
    if (m.achievedOn) {
      var done = document.createElement('small');
      done.textContent = '完成于 ' + m.achievedOn;
      item.appendChild(done);
    }
    if (changed) {
      item.classList.add('changed');
      setTimeout(function () { item.classList.remove('changed'); }, 3000);
    }
    place(item);
  }

  // Keeps the timeline in due-date order whatever order events arrive in.
  function place(item) {
    var timeline = el('timeline');
    var next = Array.prototype.find.call(timeline.children, function (other) {
      return other !== item && (other.dataset.dueOn > item.dataset.dueOn
        || (other.dataset.dueOn === item.dataset.dueOn && other.dataset.milestoneId > item.dataset.milestoneId));
    });
    timeline.insertBefore(item, next || null);
    el('empty').hidden = timeline.children.length > 0;
  }

  function apply(m, changed) {
    var known = state.milestones[m.id];
    if (known && known.version > m.version) { return; } // an older snapshot than the one shown
    state.milestones[m.id] = m;
    renderMilestone(m, changed);
  }

  function renderProgress(p) {
    el('overall-bar').style.width = p.weightedProgress + '%';
    el('overall-text').textContent = p.weightedProgress.toFixed(1) + '%';
    var counts = el('counts');
    counts.innerHTML = '';
    p.milestonesByStatus.forEach(function (c) {
      var li = document.createElement('li');
      li.dataset.status = c.status;
      li.textContent = (STATUS[c.status] || c.status) + ' ' + c.count;
      counts.appendChild(li);
    });
    el('targets').textContent = '目标达成 ' + p.targetsMet + ' / ' + p.targets;
  }

  function subscribe() {
    var planId = state.planId;
    var socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql', 'graphql-transport-ws');
    state.socket = socket;
    socket.onopen = function () { socket.send(JSON.stringify({ type: 'connection_init' })); };
    socket.onmessage = function (message) {
      var data = JSON.parse(message.data);
      if (data.type === 'connection_ack') {
        state.retry = 0;
        setConnection(true);
        socket.send(JSON.stringify({ id: 'm', type: 'subscribe', payload: {
          query: 'subscription($plan: ID, $after: String) { milestoneUpdates(planId: $plan, after: $after) { cursor kind milestone { ' + MILESTONE_FIELDS + ' } } }',
          variables: { plan: planId, after: state.cursor } } }));
        socket.send(JSON.stringify({ id: 'p', type: 'subscribe', payload: {
          query: 'subscription($plan: ID!) { planProgress(planId: $plan) { weightedProgress targets targetsMet milestonesByStatus { status count } } }',
          variables: { plan: planId } } }));
      }
      else if (data.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      }
      else if (data.type === 'next' && data.id === 'm' && data.payload.data) {
        var event = data.payload.data.milestoneUpdates;
        state.cursor = event.cursor;
        el('last-event').textContent = new Date().toLocaleTimeString('zh-CN');
        apply(event.milestone, true);
      }
      else if (data.type === 'next' && data.id === 'p' && data.payload.data) {
        renderProgress(data.payload.data.planProgress);
      }
      else if (data.type === 'error') {
        socket.close(); // fell behind or the server is going away: resume from the cursor
      }
    };
    socket.onclose = function () {
      if (state.socket !== socket) { return; }
      setConnection(false);
      state.retry = Math.min(state.retry + 1, 6);
      setTimeout(function () { if (state.socket === socket) { subscribe(); } }, 250 * Math.pow(2, state.retry));
    };
  }

  function show(planId) {
    if (state.socket) { var old = state.socket; state.socket = null; old.close(); }
    state.planId = planId;
    state.milestones = {};
    el('timeline').innerHTML = '';
    history.replaceState(null, '', '?plan=' + encodeURIComponent(planId));
    // The cursor first, then the milestones: whatever changes in between is replayed.
    query('{ milestoneEventsCursor }').then(function (data) {
      state.cursor = data.milestoneEventsCursor;
      return query('query($id: ID!) { plan(id: $id) { title milestones { ' + MILESTONE_FIELDS + ' } } }', { id: planId });
    }).then(function (data) {
      document.title = data.plan.title + ' · 进度看板';
      data.plan.milestones.forEach(function (m) { apply(m, false); });
      el('empty').hidden = data.plan.milestones.length > 0;
      subscribe();
    }).catch(function (error) { el('targets').textContent = '加载失败：' + error.message; });
  }

  query('{ plans(first: 100) { edges { node { id title startYear endYear region { name } } } } }').then(function (data) {
    var select = el('plan');
    data.plans.edges.forEach(function (edge) {
      var option = document.createElement('option');
      option.value = edge.node.id;
      option.textContent = edge.node.region.name + ' · ' + edge.node.title;
      select.appendChild(option);
    });
    var wanted = new URLSearchParams(location.search).get('plan');
    if (wanted && !data.plans.edges.some(function (e) { return e.node.id === wanted; })) {
      var extra = document.createElement('option');
      extra.value = wanted;
      extra.textContent = wanted;
      select.appendChild(extra);
    }
    select.onchange = function () { show(select.value); };
    if (wanted || select.value) {
      select.value = wanted || select.value;
      show(select.value);
    }
  }).catch(function (error) { el('targets').textContent = '加载失败：' + error.message; });
})();
