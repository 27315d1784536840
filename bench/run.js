#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.js in turn (each prints markdown) and collects the
// figures in bench/out/results.md, to be copied into docs/performance.md.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const dir = __dirname;
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.js'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();
const parts = [`# Benchmarks (${new Date().toISOString().slice(0, 10)}, ${require('os').cpus().length} cores, Node ${process.version})`, ''];
let failed = 0;
for (const f of files) {
  process.stderr.write(`▶ ${f}\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(dir, f)], { cwd: path.join(dir, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(r.stdout);
  parts.push(r.stdout.trim(), '');
  if (r.status !== 0) {
    failed++;
    parts.push(`(${f} exited with ${r.status})`, '');
  }
}
fs.mkdirSync(path.join(dir, 'out'), { recursive: true });
fs.writeFileSync(path.join(dir, 'out', 'results.md'), parts.join('\n'));
process.stderr.write(`\nWritten: bench/out/results.md\n`);
process.exitCode = failed ? 1 : 0;
