// A small GraphQL client for the display, written out here so the page needs nothing from outside
// Junheng: queries over HTTP, subscriptions over graphql-transport-ws, both with the display's
// token when it has one. Subscriptions are sent again after every reconnect, each with its
// variables worked out anew (the cursor of the last event received), so nothing is lost.
(function () {
  'use strict';

  // The token comes in the URL fragment (#token=…), which browsers never send to a server.
  function tokenFromFragment() {
    var match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    return match ? decodeURIComponent(match[1]) : null;
  }

  function claims(token) {
    try {
      var payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(payload))));
    } catch (e) {
      return null;
    }
  }

  function GraphQlError(errors, status) {
    this.errors = errors || [];
    this.status = status;
    this.classification = this.errors.length && this.errors[0].extensions ? this.errors[0].extensions.classification : null;
    this.message = this.errors.length ? this.errors[0].message : 'HTTP ' + status;
  }

  function Client(token, onState) {
    this.token = token;
    this.onState = onState || function () {};
    this.subscriptions = {};
    this.socket = null;
    this.retry = 0;
  }

  Client.prototype.query = function (document, variables) {
    // The display is Chinese whatever the browser's own language: so are the messages it shows.
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/graphql-response+json, application/json',
      'Accept-Language': 'zh-CN' };
    if (this.token) { headers.Authorization = 'Bearer ' + this.token; }
    var self = this;
    return fetch('/graphql', { method: 'POST', headers: headers, body: JSON.stringify({ query: document, variables: variables || {} }) })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (response.status === 401) { self.onState('token-invalid'); }
          if (!body.data || (body.errors && body.errors.length && !hasData(body.data))) {
            var failure = new GraphQlError(body.errors, response.status);
            if (failure.classification === 'UNAUTHORIZED') { self.onState(self.token ? 'token-invalid' : 'token-needed'); }
            throw failure;
          }
          return { data: body.data, errors: body.errors || [] };
        });
      });
  };

  function hasData(data) {
    return Object.keys(data).some(function (key) { return data[key] !== null; });
  }

  /** Keeps a subscription open across reconnects; variables() is asked again each time it is sent. */
  Client.prototype.subscribe = function (id, document, variables, onNext, onError) {
    this.subscriptions[id] = { document: document, variables: variables, onNext: onNext, onError: onError };
    if (this.socket && this.socket.readyState === 1 && this.acknowledged) { this.send(id); }
    else if (!this.socket) { this.connect(); }
  };

  Client.prototype.send = function (id) {
    var s = this.subscriptions[id];
    this.socket.send(JSON.stringify({ id: id, type: 'subscribe', payload: { query: s.document, variables: s.variables() } }));
  };

  Client.prototype.connect = function () {
    var self = this;
    var socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql', 'graphql-transport-ws');
    this.socket = socket;
    this.acknowledged = false;
    socket.onopen = function () {
      var payload = { 'Accept-Language': 'zh-CN' };
      if (self.token) { payload.Authorization = 'Bearer ' + self.token; }
      socket.send(JSON.stringify({ type: 'connection_init', payload: payload }));
    };
    socket.onmessage = function (message) {
      var data = JSON.parse(message.data);
      var s = data.id && self.subscriptions[data.id];
      if (data.type === 'connection_ack') {
        self.retry = 0;
        self.acknowledged = true;
        self.onState('live');
        Object.keys(self.subscriptions).forEach(function (id) { self.send(id); });
      } else if (data.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      } else if (data.type === 'next' && s) {
        if (data.payload.data) { s.onNext(data.payload.data); }
        if (data.payload.errors && s.onError) { s.onError(new GraphQlError(data.payload.errors)); }
      } else if (data.type === 'error' && s) {
        var failure = new GraphQlError(data.payload);
        if (failure.classification === 'UNAUTHORIZED') { self.onState(self.token ? 'token-invalid' : 'token-needed'); }
        if (s.onError) { s.onError(failure); }
        // Fell behind, or the server is going away: start over, resuming from the cursor.
        if (failure.classification === 'FELL_BEHIND' || failure.classification === 'UNAVAILABLE') { socket.close(); }
      }
    };
    socket.onclose = function (event) {
      if (self.socket !== socket) { return; }
      if (event.code === 4403) { self.onState('token-invalid'); }
      self.onState('connecting');
      self.retry = Math.min(self.retry + 1, 6);
      setTimeout(function () { if (self.socket === socket) { self.connect(); } }, 250 * Math.pow(2, self.retry));
    };
  };

  /**
   * The verdict reasons of a region's stage balances, sorted out for display: each school's own
   * (it starts with the name of a school the balance's shortfalls name), and the region's, one
   * said by every stage (the exchange is the region's, not a stage's) given once with no stage.
   */
  function reasons(balances) {
    var said = {};
    balances.forEach(function (b) { b.reasons.forEach(function (text) { said[text] = (said[text] || 0) + 1; }); });
    var out = [];
    var given = {};
    balances.forEach(function (b) {
      var names = {};
      b.indicators.forEach(function (i) { i.shortfalls.forEach(function (s) { names[s.school.name] = true; }); });
      b.reasons.forEach(function (text) {
        var school = Object.keys(names).some(function (name) { return text.indexOf(name) === 0; });
        var regionWide = !school && said[text] > 1;
        if (regionWide && given[text]) { return; }
        given[text] = true;
        out.push({ stage: regionWide ? null : b.stage, text: text, school: school });
      });
    });
    return out;
  }

  window.JunhengLive = { Client: Client, tokenFromFragment: tokenFromFragment, claims: claims, reasons: reasons };
})();
