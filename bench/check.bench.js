// `thidua check --json` against a bare exceljs load of the same workbook, at 2,000 and 10,000
// candidate rows (half tập thể, half cá nhân; 1 in 100 units misspelt: a "did you mean" search).
// Run after `npm run build:node` (`npm run bench` does it).
//
// Each measurement is its own child process, so that peak RSS (process.resourceUsage().maxRSS,
// reported by the preloaded lib/peak-rss.js) belongs to that run alone:
//   bare load: node -r lib/peak-rss.js check.bench.js --bare-load <file>   (new Workbook().xlsx.readFile)
//   check:     node -r lib/peak-rss.js bin/thidua.js check <file> --json   (as a user runs it)
// Time is the wall clock of the child, Node's start-up included for both; median of RUNS runs.
// A last in-process run splits the check into its stages (streaming read, analyze, JSON).
// Targets (a check must cost less than loading the file with exceljs did): check ≤ 0.8 × the bare load's wall time and ≤ 1.0 × its peak RSS, at 2,000
// rows (10,000 is the most a check judges, src/core/check.ts ROWS_JUDGED_MAX), the time ratio not
// growing from 2,000 to 10,000.
// Generated workbooks (lib/workbooks.js) go to bench/out/ (git-ignored), reused while unchanged;
// the child processes are run by lib/child.js.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { measurePair } = require('./lib/child');
const { makeWorkbook, requireExcelJS } = require('./lib/workbooks');

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'thidua.js');
const CLI_BUILD = path.join(ROOT, 'build', 'src', 'cli', 'main.js');
const SIZES = (process.env.BENCH_SIZES || '2000,10000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const TARGET_RATIO = 0.8;
const TARGET_RSS_RATIO = 1.0;

// ---------------------------------------------------------------- children

/** Child: a bare exceljs load, nothing else. */
async function bareLoad(file) {
  const ExcelJS = requireExcelJS();
  await new ExcelJS.Workbook().xlsx.readFile(file);
}

/** Child: the check split into its stages, in one process (figures for whoever optimises). */
async function stages(file) {
  const { readWorkbook } = require(path.join(ROOT, 'build/src/xlsx/read.js'));
  const { analyze } = require(path.join(ROOT, 'build/src/core/analyze.js'));
  const { writeCheckJson } = require(path.join(ROOT, 'build/src/cli/jsonOut.js'));
  const t = [performance.now()];
  const r = await readWorkbook(file);
  if (!r.ok) throw new Error(r.error.code);
  t.push(performance.now());
  const a = analyze(r.grid, { lang: 'vi' });
  t.push(performance.now());
  let bytes = 0;
  await writeCheckJson(a.result, 'vi', { write: (b) => ((bytes += b.length), true), ready: () => null });
  t.push(performance.now());
  const d = (i) => Math.round(t[i + 1] - t[i]);
  process.stdout.write(JSON.stringify({ read: d(0), analyze: d(1), json: d(2), candidates: a.result.candidates.length }));
}

/** Stand-in when the CLI is not built yet: the streaming read + analyze() in-process. */
async function standIn(file) {
  const { readWorkbook } = require(path.join(ROOT, 'build/src/xlsx/read.js'));
  const { analyze } = require(path.join(ROOT, 'build/src/core/analyze.js'));
  const r = await readWorkbook(file);
  if (!r.ok) throw new Error(r.error.code);
  analyze(r.grid, { lang: 'vi' });
}

// ---------------------------------------------------------------- parent

async function parent() {
  const cliBuilt = fs.existsSync(CLI_BUILD);
  const self = __filename;
  const lines = [
    '## `thidua check --json` vs a bare exceljs load',
    '',
    `Wall time of a fresh \`node\` process (start-up included), median of ${RUNS}; peak RSS is the process's maxRSS (highest of the runs).`,
    ...(cliBuilt ? [] : ['', '**The CLI is not built: "check" below is a stand-in, the streaming read + `analyze()` in one process.**']),
    '',
    `| candidate rows | file | bare load (ms) | check (ms) | check / load (target ≤ ${TARGET_RATIO}) | bare peak RSS (MB) | check peak RSS (MB) | RSS check / load (target ≤ ${TARGET_RSS_RATIO}) |`,
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const stageLines = ['', 'Stages of one check, in one process (ms): where the time goes.', '', '| candidate rows | streaming read | analyze | JSON |', '|---:|---:|---:|---:|'];
  const verdicts = [];
  const ratios = [];
  for (const rows of SIZES) {
    const file = await makeWorkbook(rows);
    const kb = fs.statSync(file).size / 1024;
    const checkJob = cliBuilt ? [BIN, 'check', file, '--json'] : [self, '--stand-in', file];
    const [load, check] = measurePair([self, '--bare-load', file], checkJob, RUNS);
    const ratio = check.ms / load.ms;
    const rss = check.maxRssMb / load.maxRssMb;
    ratios.push(ratio);
    lines.push(`| ${rows.toLocaleString('en')} | ${kb.toFixed(0)} KB | ${load.ms.toFixed(0)} | ${check.ms.toFixed(0)} | ${ratio.toFixed(2)} | ${load.maxRssMb.toFixed(0)} | ${check.maxRssMb.toFixed(0)} | ${rss.toFixed(2)} |`);
    verdicts.push(`${rows.toLocaleString('en')} rows: time ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'} (${ratio.toFixed(2)}), RSS ${rss <= TARGET_RSS_RATIO ? 'met' : 'NOT met'} (${rss.toFixed(2)})`);
    const s = spawnSync(process.execPath, [self, '--stages', file], { cwd: ROOT, encoding: 'utf8' });
    if (s.status === 0) {
      const st = JSON.parse(s.stdout);
      stageLines.push(`| ${rows.toLocaleString('en')} | ${st.read} | ${st.analyze} | ${st.json} |`);
    }
  }
  if (ratios.length > 1) {
    const growing = ratios[ratios.length - 1] > ratios[0] * 1.1;
    verdicts.push(`ratio ${growing ? 'GROWS' : 'does not grow'} with size (${ratios.map((r) => r.toFixed(2)).join(' → ')})`);
  }
  lines.push('', `${verdicts.join('; ')}.`, ...stageLines);
  process.stdout.write(`${lines.join('\n')}\n`);
}

const [mode, file] = process.argv.slice(2);
const job = mode === '--bare-load' ? bareLoad : mode === '--stages' ? stages : mode === '--stand-in' ? standIn : null;
(job ? job(file) : parent()).catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
});
