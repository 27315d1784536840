// The add-in's Office.js adapter on the strict test host (tools/excel-host) as Excel on the web (5 MB cap on
// each request and each response): syncs per action, the largest request and response, and time,
// at 10 / 1,000 / 5,000 / 10,000 candidate rows (10,000: the most a check judges). Compiles what it needs into
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
    '--types', 'office-js', '--esModuleInterop', '--skipLibCheck', '--strict', '--resolveJsonModule',
    path.join(ROOT, 'tools/excel-host/host.ts'),
    path.join(ROOT, 'tools/excel-host/generate.ts'),
    path.join(ROOT, 'src/excel/session.ts'),
  ],
  { cwd: ROOT, stdio: 'inherit' },
);

const { ExcelHost } = require(path.join(OUT, 'tools/excel-host/host.js'));
const { generatedWorkbook } = require(path.join(OUT, 'tools/excel-host/generate.js'));
const session = require(path.join(OUT, 'src/excel/session.js'));

async function timed(host, fn) {
  host.resetCounters();
  const t0 = process.hrtime.bigint();
  await fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, syncs: host.syncCount, maxRequest: Math.max(0, ...host.requestSizes), maxResponse: Math.max(0, ...host.responseSizes) };
}

(async () => {
  const mb = (b) => (b / 1048576).toFixed(2);
  const lines = [
    '## Add-in adapter on the strict Excel test host (Excel on the web)',
    '',
    'Syncs = `context.sync()` round trips per action (one `Excel.run` each); largest request / response of the action in MB (Excel on the web refuses either over 5 MB); time is the adapter plus the in-memory host (no network).',
    '',
    '| rows | marks | check syncs | check largest req / resp (MB) | annotate syncs | annotate largest req / resp (MB) | clear syncs | clear largest req / resp (MB) | check / annotate / clear (ms) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const rows of [10, 1000, 5000, 10000]) {
    const host = new ExcelHost(generatedWorkbook(rows), { platform: 'OfficeOnline' });
    host.install(globalThis);
    const check = await timed(host, () => session.checkWorkbook('vi'));
    let marks = 0;
    const annotate = await timed(host, async () => {
      marks = (await session.annotateWorkbook('vi')).analysis.plan.marks.length;
    });
    const clear = await timed(host, () => session.clearWorkbook());
    const cell = (t) => `${mb(t.maxRequest)} / ${mb(t.maxResponse)}`;
    lines.push(
      `| ${rows.toLocaleString('en')} | ${marks.toLocaleString('en')} | ${check.syncs} | ${cell(check)} | ${annotate.syncs} | ${cell(annotate)} | ${clear.syncs} | ${cell(clear)} | ${check.ms.toFixed(0)} / ${annotate.ms.toFixed(0)} / ${clear.ms.toFixed(0)} |`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
})().catch((e) => {
  process.stderr.write(`${e && e.stack}\n`);
  process.exitCode = 1;
});
