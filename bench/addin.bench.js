// The add-in's Office.js adapter on the strict test host (test/host): syncs per action, time, and
// the largest request, at 10 / 100 / 1,000 / 10,000 candidate rows. Compiles what it needs into
// bench/out/addin/ with its own tsc call (no ts-jest), then prints a markdown table.
const { execFileSync } = require('child_process');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(__dirname, 'out', 'addin');

execFileSync(
  process.execPath,
  [
    require.resolve('typescript/bin/tsc'),
    '--outDir', OUT, '--rootDir', ROOT,
    '--module', 'commonjs', '--target', 'ES2020', '--lib', 'ES2020,DOM',
    '--types', 'office-js', '--esModuleInterop', '--skipLibCheck', '--strict',
    path.join(ROOT, 'test/host/host.ts'),
    path.join(ROOT, 'test/host/generate.ts'),
    path.join(ROOT, 'src/excel/session.ts'),
  ],
  { cwd: ROOT, stdio: 'inherit' },
);

const { ExcelHost } = require(path.join(OUT, 'test/host/host.js'));
const { generatedWorkbook } = require(path.join(OUT, 'test/host/generate.js'));
const session = require(path.join(OUT, 'src/excel/session.js'));

async function timed(host, fn) {
  host.resetCounters();
  const t0 = process.hrtime.bigint();
  await fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, syncs: host.syncCount, maxRequest: Math.max(0, ...host.requestSizes, ...host.responseSizes), requests: host.requestSizes.map((b) => (b / 1048576).toFixed(2)).join(' / ') };
}

(async () => {
  const lines = [
    '## Add-in adapter on the strict Excel test host',
    '',
    'Syncs = `context.sync()` round trips per action (one `Excel.run` each); time is the adapter plus the in-memory host (no network); largest request or response in MB (cap 5 MB each).',
    '',
    '| rows | marks | check syncs | check (ms) | annotate syncs | annotate (ms) | annotate requests (MB each) | largest request or response (MB) | check + annotate syncs (target ≤ 6) | clear syncs | clear (ms) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const rows of [10, 100, 1000, 10000]) {
    const host = new ExcelHost(generatedWorkbook(rows));
    host.install(globalThis);
    const check = await timed(host, () => session.checkWorkbook('vi'));
    let marks = 0;
    const annotate = await timed(host, async () => {
      marks = (await session.annotateWorkbook('vi')).analysis.plan.marks.length;
    });
    const clear = await timed(host, () => session.clearWorkbook());
    lines.push(
      `| ${rows.toLocaleString('en')} | ${marks.toLocaleString('en')} | ${check.syncs} | ${check.ms.toFixed(0)} | ${annotate.syncs} | ${annotate.ms.toFixed(0)} | ${annotate.requests} | ${(annotate.maxRequest / 1048576).toFixed(2)} | ${check.syncs + annotate.syncs} | ${clear.syncs} | ${clear.ms.toFixed(0)} |`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
})().catch((e) => {
  process.stderr.write(`${e && e.stack}\n`);
  process.exitCode = 1;
});
