// Measuring a job in its own child process, so that its peak RSS (process.resourceUsage().maxRSS,
// reported by the preloaded peak-rss.js) belongs to that run alone. Time is the child's wall clock,
// Node's start-up included. Used by check.bench.js and annotate.bench.js.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const PRELOAD = path.join(__dirname, 'peak-rss.js');

/** Runs `node -r peak-rss.js ...args` once: { ms, maxRssMb }. Throws when the child fails. */
function runChild(args) {
  const report = path.join(os.tmpdir(), `thidua-bench-${process.pid}-${Date.now()}.json`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', PRELOAD, ...args], {
    cwd: ROOT,
    env: { ...process.env, BENCH_REPORT: report },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  const rep = JSON.parse(fs.readFileSync(report, 'utf8'));
  fs.rmSync(report, { force: true });
  return { ms, maxRssMb: rep.maxRssMb };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs of one job → the median wall time and the highest peak RSS. */
function summarise(xs) {
  return { ms: median(xs.map((x) => x.ms)), maxRssMb: Math.max(...xs.map((x) => x.maxRssMb)) };
}

/** `runs` runs of one job. */
function measure(args, runs) {
  const xs = [];
  for (let i = 0; i < runs; i++) xs.push(runChild(args));
  return summarise(xs);
}

/** Alternates the two jobs run by run, so that a noisy moment hurts both alike. */
function measurePair(jobA, jobB, runs) {
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    a.push(runChild(jobA));
    b.push(runChild(jobB));
  }
  return [summarise(a), summarise(b)];
}

module.exports = { measure, measurePair };
