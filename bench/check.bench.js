// `thidua check --json` against a bare exceljs load of the same workbook, at 10,000 and 50,000
// candidate rows (half tập thể, half cá nhân; 1 in 100 units misspelt: a "did you mean" search).
// Run after `npm run build:node` (`npm run bench` does it).
//
// Each measurement is its own child process, so that peak RSS (process.resourceUsage().maxRSS,
// reported by the preloaded lib/peak-rss.js) belongs to that run alone:
//   bare load: node -r lib/peak-rss.js check.bench.js --bare-load <file>   (new Workbook().xlsx.readFile)
//   check:     node -r lib/peak-rss.js bin/thidua.js check <file> --json   (as a user runs it)
// Time is the wall clock of the child, Node's start-up included for both; median of RUNS runs.
// A last in-process run splits the check into its stages (streaming read, analyze, JSON).
// Targets (issue 10): check ≤ 0.8 × the bare load's wall time and ≤ 1.0 × its peak RSS, at 10,000
// and 50,000 rows, the time ratio not growing from 10,000 to 50,000.
// Generated workbooks go to bench/out/ (git-ignored) and are reused while GENERATOR is unchanged.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(__dirname, 'out');
const PRELOAD = path.join(__dirname, 'lib', 'peak-rss.js');
const BIN = path.join(ROOT, 'bin', 'thidua.js');
const CLI_BUILD = path.join(ROOT, 'build', 'src', 'cli', 'main.js');
const GENERATOR = 'v3';
const SIZES = (process.env.BENCH_SIZES || '10000,50000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const TARGET_RATIO = 0.8;
const TARGET_RSS_RATIO = 1.0;

function requireExcelJS() {
  return require(require.resolve('exceljs', { paths: [ROOT] }));
}

// ---------------------------------------------------------------- the generated workbooks

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const RATINGS = ['Tốt', 'Xuất sắc', 'Tốt', 'Khá', 'TỐT', 'Loại tốt'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Hùng', 'Lan', 'Minh', 'Nga', 'Phúc', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Vy'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Đặng', 'Bùi', 'Đỗ'];

function unitName(i) {
  return i % 2 ? `UBND xã Ninh Phước ${i + 1}` : `Phòng Chuyên môn số ${i + 1}`;
}

/** The shape of the sample workbook (titles, a two-row merged header, group headings, a total row, mixed formats), at scale. */
async function makeWorkbook(rows) {
  const file = path.join(OUT, `check-${rows}-${GENERATOR}.xlsx`);
  if (fs.existsSync(file)) return file;
  const ExcelJS = requireExcelJS();
  const wb = new ExcelJS.Workbook();
  const half = rows / 2;
  const ws = wb.addWorksheet('Tập thể');
  ws.addRow(['UBND THỊ XÃ NINH HÒA']);
  ws.addRow(['BẢNG TỔNG HỢP KẾT QUẢ THỰC HIỆN TIÊU CHÍ THI ĐUA CCHC NĂM 2022']);
  ws.addRow(['(Kèm theo Báo cáo của Phòng Nội vụ)']);
  ws.addRow([]);
  ws.addRow(['STT', 'Tên cơ quan, đơn vị', 'Tỷ lệ hoàn thành nhiệm vụ CCHC (%)', 'Hồ sơ TTHC', null, null, 'Chỉ số PAR Index', null, 'Chỉ số SIPAS (%)', 'Sáng kiến, giải pháp', 'Quyết định công nhận', 'Thành tích nổi bật']);
  ws.addRow([null, null, null, 'Tổng số hồ sơ', 'Số hồ sơ giải quyết đúng hạn', 'Tỷ lệ (%)', 'Điểm', 'Xếp loại']);
  for (const c of [1, 2, 3, 9, 10, 11, 12]) ws.mergeCells(5, c, 6, c);
  ws.mergeCells(5, 4, 5, 6);
  ws.mergeCells(5, 7, 5, 8);
  const perGroup = Math.ceil(half / ROMAN.length);
  for (let i = 0; i < half; i++) {
    if (i % perGroup === 0) ws.addRow([ROMAN[i / perGroup], `NHÓM ĐƠN VỊ ${i / perGroup + 1}`]);
    const task = 90 + (i % 97) / 10; // 90.0 … 99.6: some fail exactly at 90
    const total = 200 + (i % 300);
    const onTime = total - (i % 5);
    const withCounts = i % 2 === 0;
    const sipas = 88 + (i % 110) / 10;
    const row = ws.addRow([
      i + 1,
      unitName(i),
      i % 3 === 0 ? task / 100 : i % 3 === 1 ? task : `${String(task).replace('.', ',')}%`,
      withCounts ? total : null,
      withCounts ? onTime : null,
      withCounts ? null : i % 4 === 1 ? `${(onTime / total * 100).toFixed(2).replace('.', ',')}%` : onTime / total,
      70 + (i % 30),
      RATINGS[i % RATINGS.length],
      i % 2 ? sipas : sipas / 100,
      `Sáng kiến cải cách thủ tục số ${i + 1}`,
      i % 7 === 0 ? null : i % 3 ? `QĐ số ${1000 + i}/QĐ-UBND ngày 15/11/2022` : 'x',
      'Hoàn thành xuất sắc nhiệm vụ cải cách hành chính năm 2022.',
    ]);
    if (i % 3 === 0) row.getCell(3).numFmt = '0.0%';
    if (!withCounts && i % 4 !== 1) row.getCell(6).numFmt = '0.00%';
    if (i % 2 === 0) row.getCell(9).numFmt = '0.0%';
  }
  ws.addRow([null, 'Tổng cộng']);

  const people = wb.addWorksheet('Cá nhân');
  people.addRow(['UBND THỊ XÃ NINH HÒA']);
  people.addRow(['DANH SÁCH CÁ NHÂN ĐĂNG KÝ THI ĐUA CCHC NĂM 2022']);
  people.addRow([]);
  people.addRow(['TT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Chức vụ', 'Đơn vị công tác', 'Chỉ số SIPAS (%)', 'Sáng kiến, giải pháp', 'Quyết định công nhận', 'Tóm tắt thành tích']);
  for (let i = 0; i < half; i++) {
    const u = (i * 7) % half;
    // 1 in 50 typed without diacritics, 1 in 100 misspelt (a "did you mean" search).
    let unit = unitName(u);
    if (i % 50 === 1) unit = unit.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
    if (i % 100 === 3) unit = unit.replace('Chuyên môn', 'Chuyen mon').replace('Ninh Phước', 'Ninh Phuoc') + ' cũ';
    people.addRow([
      i + 1,
      `${FAMILY[i % FAMILY.length]} ${['Văn', 'Thị', 'Ngọc', 'Minh'][i % 4]} ${GIVEN[i % GIVEN.length]} ${i + 1}`,
      1970 + (i % 30),
      i % 2 ? 'Nữ' : 'Nam',
      ['Chuyên viên', 'Trưởng phòng', 'Phó Chủ tịch UBND', 'Công chức'][i % 4],
      unit,
      i % 10 === 0 ? 91.5 + (i % 8) : null,
      `Giải pháp ${i + 1}`,
      i % 4 ? 'Có' : null,
      'Tham mưu tốt công tác cải cách hành chính.',
    ]);
  }
  fs.mkdirSync(OUT, { recursive: true });
  await wb.xlsx.writeFile(file);
  return file;
}

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
  const { toJsonReport } = require(path.join(ROOT, 'build/src/core/report.js'));
  const { writeJson } = require(path.join(ROOT, 'build/src/cli/jsonOut.js'));
  const t = [performance.now()];
  const r = await readWorkbook(file);
  if (!r.ok) throw new Error(r.error.code);
  t.push(performance.now());
  const a = analyze(r.grid, { lang: 'vi' });
  t.push(performance.now());
  let bytes = 0;
  writeJson(toJsonReport(a.result, 'vi'), (s) => (bytes += s.length));
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

/** Alternates the two jobs run by run, so that a noisy moment hurts both alike. */
function measurePair(jobA, jobB) {
  const a = [];
  const b = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(runChild(jobA));
    b.push(runChild(jobB));
  }
  const sum = (xs) => ({ ms: median(xs.map((x) => x.ms)), maxRssMb: Math.max(...xs.map((x) => x.maxRssMb)) });
  return [sum(a), sum(b)];
}

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
    const [load, check] = measurePair([self, '--bare-load', file], checkJob);
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
