// Client for bench/balancer.sh: everything goes through the load balancer.
//   node bench/balancer.mjs BALANCER_URL MILESTONE_ID '{"a":PID,"b":PID}' WRITES INTERVAL_MS
// 1. queries, noting which backend answered each (the balancer's X-Junheng-Backend header);
// 2. reads milestoneEventsCursor, subscribes to milestoneUpdates after it (graphql-transport-ws);
// 3. writes the milestone's progress through the balancer (version read first) WRITES times;
//    after a third of them kills -9 the instance the socket is connected to, reconnects through
//    the balancer and resubscribes with after: <last cursor received>;
// 4. reads milestoneEventsCursor again, waits for the socket to reach it, prints a JSON summary.
// The token comes from AUTH ("Bearer …"), as in bench/common.sh.
import WebSocket from 'ws';

const [base, milestoneId, pidsJson, writesArg, intervalArg] = process.argv.slice(2);
const pids = JSON.parse(pidsJson);
const WRITES = Number(writesArg);
const INTERVAL = Number(intervalArg);
const AUTH = process.env.AUTH;
const wsUrl = base.replace(/^http/, 'ws') + '/graphql';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.error(new Date().toISOString().slice(11, 23), ...a);

async function gql(query, variables) {
  const res = await fetch(base + '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: AUTH },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(5000),
  });
  const backend = res.headers.get('x-junheng-backend');
  const text = await res.text();
  let body;
  try { body = JSON.parse(text); } catch { body = { errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 80)}` }] }; }
  return { backend, status: res.status, body };
}

const summary = { queriesByBackend: {}, writesByBackend: {}, writesAcknowledged: 0, writeRetries: 0,
  sockets: [], killed: null, received: [], duplicates: 0, outOfOrder: 0, errors: [] };

// 1. Queries through the balancer.
for (let i = 0; i < 20; i++) {
  const { backend, body } = await gql('{ milestoneEventsCursor regions: region(code: "511921") { name plans { title } } }');
  if (body.errors) summary.errors.push(body.errors[0].message);
  summary.queriesByBackend[backend] = (summary.queriesByBackend[backend] ?? 0) + 1;
}
log('queries by backend', JSON.stringify(summary.queriesByBackend));

// 2. The subscription, resuming by cursor whenever its socket ends.
const start = (await gql('{ milestoneEventsCursor }')).body.data.milestoneEventsCursor;
summary.start = start;
let last = start;
let socket = null;
let socketBackend = null;
let stopping = false;
const subscription = 'subscription($after: String) { milestoneUpdates(after: $after) { cursor kind milestone { id progress version } } }';

function connect() {
  return new Promise((resolve) => {
    const opened = Date.now();
    const ws = new WebSocket(wsUrl, 'graphql-transport-ws', { perMessageDeflate: false, handshakeTimeout: 5000 });
    let backend = null;
    ws.on('upgrade', (res) => { backend = res.headers['x-junheng-backend'] ?? '?'; });
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: AUTH } })));
    ws.on('message', (raw) => {
      const m = JSON.parse(raw);
      if (m.type === 'connection_ack') {
        socket = ws;
        socketBackend = backend;
        summary.sockets.push({ backend, after: last, at: new Date().toISOString() });
        log(`socket ${summary.sockets.length} open on backend ${backend}, subscribing after ${last}`);
        ws.send(JSON.stringify({ id: String(summary.sockets.length), type: 'subscribe', payload: { query: subscription, variables: { after: last } } }));
        resolve(true);
      } else if (m.type === 'next') {
        if (m.payload.errors) { summary.errors.push(m.payload.errors[0].message); return; }
        const cursor = m.payload.data.milestoneUpdates.cursor;
        if (summary.received.includes(cursor)) summary.duplicates++;
        else if (Number(cursor) <= Number(last)) summary.outOfOrder++;
        summary.received.push(cursor);
        last = cursor;
      } else if (m.type === 'error') {
        summary.errors.push(JSON.stringify(m.payload));
        ws.close();
      } else if (m.type === 'ping') {
        ws.send('{"type":"pong"}');
      }
    });
    ws.on('close', (code) => {
      if (socket === ws) socket = null;
      resolve(false);
      if (!stopping) {
        log(`socket on backend ${backend} closed (${code}) after ${Date.now() - opened} ms; last cursor ${last}`);
        reconnect();
      }
    });
    ws.on('error', (e) => log('socket error:', e.message));
  });
}

async function reconnect() {
  for (let attempt = 1; !stopping; attempt++) {
    // A display waits a moment before it reconnects; meanwhile writes go on through the other
    // instance and are replayed from the table on resubscription.
    await sleep(attempt === 1 ? 1500 : Math.min(250 * attempt, 2000));
    if (await connect()) { summary.reconnectAttempts = (summary.reconnectAttempts ?? 0) + attempt; return; }
  }
}

if (!(await connect())) { console.log(JSON.stringify({ fatal: 'no socket' })); process.exit(1); }
await sleep(500);

// 3. Writes through the balancer, each with the version read just before.
const killAt = Math.floor(WRITES / 3);
for (let i = 1; i <= WRITES; i++) {
  if (i === killAt + 1) {
    const victim = socketBackend;
    summary.killed = { backend: victim, pid: pids[victim], lastCursorBefore: last, at: new Date().toISOString() };
    log(`kill -9 backend ${victim} (pid ${pids[victim]}), the one the socket is on; last cursor ${last}`);
    process.kill(pids[victim], 'SIGKILL');
  }
  for (let attempt = 1; attempt <= 8; attempt++) {
    try {
      const read = await gql('query($id: ID!) { node(id: $id) { ... on Milestone { version progress } } }', { id: milestoneId });
      const m = read.body.data?.node;
      if (!m) throw new Error(read.body.errors?.[0]?.message ?? 'no milestone');
      const progress = (m.progress % 99) + 1;
      const { backend, body } = await gql('mutation($in: UpdateMilestoneInput!) { updateMilestone(input: $in) { version progress } }',
        { in: { id: milestoneId, version: m.version, progress } });
      if (body.errors) throw new Error(body.errors[0].message);
      summary.writesAcknowledged++;
      summary.writesByBackend[backend] = (summary.writesByBackend[backend] ?? 0) + 1;
      break;
    } catch (e) {
      summary.writeRetries++;
      log(`write ${i} attempt ${attempt}: ${e.message}; reading the version again`);
      await sleep(200);
    }
  }
  await sleep(INTERVAL);
}

// 4. Everything committed must arrive.
summary.end = (await gql('{ milestoneEventsCursor }')).body.data.milestoneEventsCursor;
const deadline = Date.now() + 20000;
while (Number(last) < Number(summary.end) && Date.now() < deadline) await sleep(100);
stopping = true;
socket?.close();
summary.last = last;
log(`done: ${summary.received.length} events received, last ${last}, end ${summary.end}`);
console.log(JSON.stringify(summary));
process.exit(0);
