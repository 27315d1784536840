// The whole dossier (model, template validation, rendering, zip) for 20 / 100 / 500 proposed
// candidates, each size in a fresh process. Target: 20 candidates (22 documents) < 1.5 s; linear growth.
const { execFileSync } = require('child_process');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.node.json')], { cwd: ROOT, stdio: 'inherit' });

const lines = [
  '## Dossier generation (CLI path: model → validate → render → zip)',
  '',
  '| proposed candidates | documents | time | per document | peak RSS | zip size |',
  '|---:|---:|---:|---:|---:|---:|',
];
for (const n of [20, 100, 500]) {
  const runs = [0, 1, 2].map(() => JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'lib', 'dossier-run.js'), String(n)], { encoding: 'utf8' })));
  const best = runs.sort((a, b) => a.ms - b.ms)[0];
  lines.push(`| ${n} | ${best.documents} | ${(best.ms / 1000).toFixed(2)} s | ${(best.ms / best.documents).toFixed(1)} ms | ${Math.round(Math.max(...runs.map((r) => r.maxRssMb)))} MB | ${(best.zipBytes / 1024).toFixed(0)} KB |`);
}
lines.push('', 'Best of 3 runs per size; peak RSS is the worst of the 3.');
process.stdout.write(`${lines.join('\n')}\n`);
