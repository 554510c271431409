# Shared by the bench scripts: tools, the packaged server on 127.0.0.1 with its own embedded
# PostgreSQL and generated data set (kept under bench/results/data-<set>).
PORT=${BENCH_PORT:-18081}
PGPORT=${BENCH_PG_PORT:-15432}
JVM_OPTS=${BENCH_JVM_OPTS:--Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:MaxDirectMemorySize=64m}
RESULTS=bench/results
mkdir -p "$RESULTS"
# The load: the operations of bench/operations, each for a bounded time after a warm-up.
WARMUP=${BENCH_WARMUP:-15}
WARMUP_ROTATIONS=${BENCH_WARMUP_ROTATIONS:-8}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
OPERATIONS=(school-page plan teacher-search)

need() {
  command -v "$1" >/dev/null && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq "$2" >/dev/null
  else
    echo "bench needs $1 (Debian package $2)" >&2; exit 1
  fi
}

# What the HTTP benchmarks drive the server with.
load_tools() {
  need wrk wrk
  need psql postgresql-client
  need curl curl
}

build() {
  # clean: a resource removed from the tree (a migration dropped) stays in target/ and in the jar
  # otherwise, and Flyway takes a migration newer than every local one as "future" and keeps it.
  ./mvnw -q -B -DskipTests clean package
  JAR=$(ls target/junheng-*.jar | grep -v -- '-plain' | head -1)
}

sql() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -tAq -c "$1"; }

# The bench server checks tokens with this secret; the bench acts as a national ADMIN (region "*"),
# which sees everything, so its requests run the same SQL as before authentication existed.
BENCH_SECRET=${BENCH_SECRET:-junheng-bench-only-secret-0123456789abcdef}
bench_token() {
  node -e 'const c = require("crypto"); const b = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const now = Math.floor(Date.now() / 1000); const h = b({ alg: "HS256", typ: "JWT" });
    const p = b({ sub: "bench", roles: ["ADMIN"], region: "*", iat: now, exp: now + 86400 });
    console.log(h + "." + p + "." + c.createHmac("sha256", process.argv[1]).update(h + "." + p).digest("base64url"));' "$BENCH_SECRET"
}
export AUTH="Bearer $(bench_token)"

# warm_up NAME COMMAND ITEM...: runs "COMMAND ITEM BENCH_WARMUP" for each item in turn, in rotations,
# until no item's requests/s rose by more than a tenth over the rotation before (at least 2
# rotations, at most BENCH_WARMUP_ROTATIONS, 8), and prints each rotation's figures; sets WARMED
# to how many it took. A fixed warm-up measured the JVM half compiled: on 2 cores its one C2
# thread takes about two minutes of load to compile Junheng's hot paths (the page of schools went
# from 150 to 720 requests/s over eight rotations of the three operations), where Node's V8 is
# warm within seconds. COMMAND's output holds wrk's "Requests/sec" line or starts with the figure.
warm_up() {
  local name=$1 command=$2; shift 2
  local -A before=()
  local rotation item rps rising line
  for rotation in $(seq 1 "$WARMUP_ROTATIONS"); do
    rising=0; line=""
    for item in "$@"; do
      rps=$($command "$item" "$WARMUP" | awk '/Requests\/sec/ {print $2; found=1; exit} NR == 1 && $1 ~ /^[0-9.]+$/ {first=$1} END {if (!found) print first}')
      line+=" $item $rps"
      awk -v now="$rps" -v was="${before[$item]:-0}" 'BEGIN {exit !(now > 1.1 * was)}' && rising=1
      before[$item]=$rps
    done
    echo "warming $name, rotation $rotation:$line req/s"
    WARMED=$rotation
    if [ "$rotation" -ge 2 ] && [ "$rising" = 0 ]; then return 0; fi
  done
}

# Reading wrk --latency reports: requests/s, the 99th percentile in ms, and the median of a
# column of figures (one per line on standard input).
wrk_rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
wrk_requests() { awk '/requests in/ {print $1}' "$1"; }
wrk_p99_ms() {
  awk '$1 == "99%" {v=$2; if (v ~ /ms$/) {sub(/ms/, "", v)} else if (v ~ /us$/) {sub(/us/, "", v); v=v/1000} else if (v ~ /s$/) {sub(/s/, "", v); v=v*1000}; print v}' "$1"
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# hit OPERATION SECONDS [wrk options]: wrk's report of that load of bench/operations on the server at $PORT.
hit() {
  local op=$1 seconds=$2; shift 2
  BODY="bench/operations/$op.json" wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" "$@" -s bench/graphql.lua "http://127.0.0.1:$PORT/graphql"
}

post() { curl -s -X POST "http://127.0.0.1:$PORT/graphql" -H 'Content-Type: application/json' -H "Authorization: $AUTH" --data-binary "@$1"; }

# start_server NAME COUNTIES: starts the server on the data set and waits until it answers; sets SERVER_PID.
start_server() {
  java $JVM_OPTS -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
    --management.server.address=127.0.0.1 --management.server.port=0 \
    --junheng.embedded.data-dir="$RESULTS/data-$1" --junheng.embedded.port="$PGPORT" \
    --junheng.embedded.server-config.shared_preload_libraries=pg_stat_statements \
    --junheng.demo-data=true --junheng.demo.counties="$2" --junheng.security.jwt-secret="$BENCH_SECRET" \
    > "$RESULTS/server-$1.log" 2>&1 &
  SERVER_PID=$!
  trap "kill $SERVER_PID 2>/dev/null || true" EXIT
  for _ in $(seq 1 900); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/graphiql" && return
    kill -0 $SERVER_PID 2>/dev/null || { echo "server died, see $RESULTS/server-$1.log" >&2; exit 1; }
    sleep 1
  done
  echo "server did not answer in 15 minutes" >&2; exit 1
}

stop_server() {
  kill $SERVER_PID; wait $SERVER_PID 2>/dev/null || true
  trap - EXIT
}

# The CPU samples of a JFR recording: top frames by self time, and packages on the stack.
top_frames() {
  jfr print --stack-depth 64 --events jdk.ExecutionSample "$1" > "$2"
  node - "$2" <<'JS'
const text = require("fs").readFileSync(process.argv[2], "utf8");
const samples = text.split("jdk.ExecutionSample {").slice(1);
const self = new Map(), through = new Map();
for (const sample of samples) {
  const frames = [...sample.matchAll(/^\s+([\w$.<>]+)\(/gm)].map((m) => m[1]);
  if (!frames.length) continue;
  self.set(frames[0], (self.get(frames[0]) || 0) + 1);
  const seen = new Set(frames.map((f) => f.split(".").slice(0, f.startsWith("org.junheng") ? 3 : 2).join(".")));
  for (const p of seen) through.set(p, (through.get(p) || 0) + 1);
}
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n)
  .map(([k, v]) => `${(100 * v / samples.length).toFixed(1).padStart(5)}%  ${k}`).join("\n");
console.log(`${samples.length} CPU samples\n\ntop frames (self):\n${top(self, 25)}\n\npackages on the stack (inclusive):\n${top(through, 20)}`);
JS
}

# cpu_ticks PID: clock ticks (getconf CLK_TCK a second) of user and system time of the process,
# of its children now running, and of the children it has waited for. For a PostgreSQL postmaster
# that is the whole server: every backend is its child, and one that ended is counted by it.
cpu_ticks() {
  { cat "/proc/$1/stat"; for child in $(pgrep -P "$1"); do cat "/proc/$child/stat" 2>/dev/null; done; } |
    sed 's/^.*) //' | awk 'NR == 1 {t += $14 + $15} {t += $12 + $13} END {print t + 0}'
}
# busy_ticks: ticks the whole machine spent on anything but idling, since boot.
busy_ticks() { awk '$1 == "cpu" {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
# postmaster PORT: the process id of the PostgreSQL server listening on that port.
postmaster() { pgrep -f -- "bin/postgres -D .* -p $1( |$)" | head -1; }
# cpu_per_request TICKS REQUESTS: milliseconds of CPU a request.
cpu_per_request() { awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.3f", (n > 0) ? 1000 * t / hz / n : 0}'; }
# CPU seconds a process (with its children, as cpu_ticks) has used so far, user and system.
cpu_seconds() { awk -v t="$(cpu_ticks "$1")" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f\n", t / hz }'; }
