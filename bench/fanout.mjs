// Fan-out load client for bench/fanout.sh: N WebSocket subscribers (graphql-transport-ws) to
// milestoneUpdates of one plan. Prints "ready" once every subscription is sent, then records,
// for every event on every connection, the delay from the event's commit (occurredAt) to its
// arrival here, and prints a JSON summary once each connection has EXPECT events or on timeout
// (with the CPU time this client spent from the first event on: it shares the machine's cores).
import WebSocket from 'ws';

const [url, planId, n, expect, timeoutSeconds, warmup = '0'] = process.argv.slice(2);
const N = Number(n);
const EXPECT = Number(expect);
// The first WARMUP events of each connection are the server's warm-up (its JIT compiling the
// delivery path): counted as delivered, their latency reported apart.
const WARMUP = Number(warmup);
const warmupLatencies = [];
const query = 'subscription($p: ID) { milestoneUpdates(planId: $p) { cursor occurredAt milestone { id progress } } }';
const latencies = [];
let acked = 0;
let failed = 0;
let done = 0;
let firstEventAt = 0;
let lastEventAt = 0;
let cpuAtFirst = null;

function connect(i) {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
    let received = 0;
    socket.on('open', () => socket.send('{"type":"connection_init"}'));
    socket.on('message', (raw) => {
      const message = JSON.parse(raw);
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables: { p: planId } } }));
        acked++;
        resolve();
      } else if (message.type === 'next') {
        const now = Date.now();
        const latency = now - Date.parse(message.payload.data.milestoneUpdates.occurredAt);
        if (++received <= WARMUP) {
          warmupLatencies.push(latency);
        } else {
          latencies.push(latency);
          if (!firstEventAt) { firstEventAt = now; cpuAtFirst = process.cpuUsage(); }
          lastEventAt = now;
        }
        if (received === EXPECT + WARMUP) { done++; }
      } else if (message.type === 'ping') {
        socket.send('{"type":"pong"}');
      } else if (message.type === 'error') {
        failed++;
      }
    });
    socket.on('error', () => { failed++; resolve(); });
  });
}

// Connect in batches so that the handshakes do not all land in the same millisecond.
for (let i = 0; i < N; i += 200) {
  await Promise.all(Array.from({ length: Math.min(200, N - i) }, (_, j) => connect(i + j)));
}
console.log(`ready ${acked} ${failed}`);

const deadline = Date.now() + Number(timeoutSeconds) * 1000;
const timer = setInterval(() => {
  if (done >= acked || Date.now() > deadline) {
    clearInterval(timer);
    latencies.sort((a, b) => a - b);
    warmupLatencies.sort((a, b) => a - b);
    const at = (q, l = latencies) => l.length ? l[Math.min(l.length - 1, Math.floor(q * l.length))] : null;
    const seconds = (lastEventAt - firstEventAt) / 1000;
    console.log(JSON.stringify({ subscribers: acked, failed, complete: done, delivered: latencies.length,
      expected: acked * EXPECT, p50: at(0.5), p99: at(0.99), max: latencies[latencies.length - 1] ?? null,
      eventsPerSecond: seconds > 0 ? Math.round(latencies.length / seconds) : null,
      warmupEvents: WARMUP, warmupP99: at(0.99, warmupLatencies),
      clientCpuSeconds: cpuAtFirst ? (({ user, system }) => Math.round((user + system) / 1e5) / 10)(process.cpuUsage(cpuAtFirst)) : null }));
    process.exit(0);
  }
}, 200);
