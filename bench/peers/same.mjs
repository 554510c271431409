// node bench/peers/same.mjs NAME JUNHENG_ANSWER PEER_ANSWER: exits 1 (and says where) unless the
// peer's answer to an operation has the same rows, fields and order as Junheng's.
//
// Both answers are reduced to what they mean before they are compared: global IDs to the row's
// key (Junheng's "School:89", PostGraphile's ["schools",89] or ["School","89"]), cursors dropped
// (each server's own opaque format), a count that the peer gives as a connection's totalCount to
// the number, decimals to numbers (PostGraphile sends numeric columns as strings) and times to
// the instant they name (Junheng writes Z where PostgreSQL writes +00:00).
import { readFileSync } from "node:fs";

const [name, junhengFile, peerFile] = process.argv.slice(2);

function rowKey(id) {
  const text = Buffer.from(id, "base64url").toString("utf8");
  const typed = /^[A-Za-z]+:(\d+)$/.exec(text);
  if (typed) return Number(typed[1]);
  try {
    const spec = JSON.parse(text);
    if (Array.isArray(spec) && spec.length === 2) return Number(spec[1]);
  } catch {
    // not a PostGraphile node ID either
  }
  throw new Error(`${name}: cannot read the global ID ${id}`);
}

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

function meaning(value, key) {
  if (Array.isArray(value)) return value.map((item) => meaning(item, key));
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === "totalCount" && key !== "data") return value.totalCount;
    const out = {};
    for (const k of keys) {
      if (k === "cursor" || k === "endCursor") continue;
      out[k] = meaning(value[k], k);
    }
    return out;
  }
  if (typeof value === "string") {
    if (key === "id") return rowKey(value);
    if (TIME.test(value)) {
      // Milliseconds from Date, the rest of the fraction as written: microseconds survive.
      const fraction = (/\.(\d+)/.exec(value)?.[1] ?? "").padEnd(6, "0");
      return `${new Date(value).getTime()}.${fraction.slice(3)}`;
    }
    if (/^-?\d+(\.\d+)?$/.test(value) && value.length < 16) return Number(value);
  }
  return value;
}

function read(file) {
  const answer = JSON.parse(readFileSync(file, "utf8"));
  if (answer.errors || !answer.data) {
    console.error(`${name}: ${file} answered with errors: ${JSON.stringify(answer.errors ?? answer)}`);
    process.exit(1);
  }
  return meaning(answer.data, "data");
}

function firstDifference(a, b, path) {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} items against ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      if (!(k in a) || !(k in b)) return `${path}.${k}: present in only one answer`;
      const d = firstDifference(a[k], b[k], `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : `${path}: ${JSON.stringify(a)} against ${JSON.stringify(b)}`;
}

const junheng = read(junhengFile);
const peer = read(peerFile);
const difference = firstDifference(junheng, peer, "data");
if (difference) {
  console.error(`${name}: ${peerFile} differs from Junheng (${junhengFile}) at ${difference}`);
  process.exit(1);
}
// What was compared, for the log: the size of every list in the answer.
const lists = [];
(function walk(value, path) {
  if (Array.isArray(value)) {
    lists.push(`${value.length} ${path}`);
    value.forEach((item) => walk(item, path));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) walk(v, k);
  }
})(junheng, "data");
console.log(`${name}: same answer (${[...new Set(lists)].join(", ") || "no lists"})`);
