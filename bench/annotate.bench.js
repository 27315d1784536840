// `thidua check --annotate` (the copy written by patching the package, src/xlsx/patch) at 10,000
// candidate rows, beside `check --json` on the same file and an exceljs load + write (how the copy
// was made before); and on a small workbook with twelve whole-column validation lists against the
// same workbook without them (exceljs took 11 s / 404 MB for one such list and never finished twelve).
// Run after `npm run build:node` (`npm run bench` does it).
// Each measurement is its own child process (peak RSS = that run's maxRSS, lib/peak-rss.js); wall
// time includes Node's start-up; median of RUNS runs.
// Targets (issue 10): --annotate at 10,000 rows ≤ 300 MB peak; twelve whole-column lists as fast as none.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const PizZip = require('pizzip');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(__dirname, 'out');
const PRELOAD = path.join(__dirname, 'lib', 'peak-rss.js');
const BIN = path.join(ROOT, 'bin', 'thidua.js');
const SAMPLE = path.join(ROOT, 'templates', 'mau-theo-doi-thi-dua-cchc.xlsx');
const GENERATOR = 'v1';
const ROWS = 10000;
const RUNS = Number(process.env.BENCH_RUNS || 3);
const TARGET_RSS_MB = 300;

function requireExcelJS() {
  return require(require.resolve('exceljs', { paths: [ROOT] }));
}

// ---------------------------------------------------------------- the generated workbooks (as check.bench.js)

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const RATINGS = ['Tốt', 'Xuất sắc', 'Tốt', 'Khá', 'TỐT', 'Loại tốt'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Hùng', 'Lan', 'Minh', 'Nga', 'Phúc', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Vy'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Đặng', 'Bùi', 'Đỗ'];

function unitName(i) {
  return i % 2 ? `UBND xã Ninh Phước ${i + 1}` : `Phòng Chuyên môn số ${i + 1}`;
}

/** The shape of the sample workbook (titles, a two-row merged header, group headings, a total row, mixed formats), at scale. */
async function makeWorkbook(rows) {
  const file = path.join(OUT, `annotate-${rows}-${GENERATOR}.xlsx`);
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


/** The sample workbook with `n` whole-column validation lists (D6:D1048576, E6:E1048576…) on its people sheet. */
function withWholeColumnLists(n) {
  const file = path.join(OUT, `annotate-lists-${n}-${GENERATOR}.xlsx`);
  if (fs.existsSync(file)) return file;
  const zip = new PizZip(fs.readFileSync(SAMPLE));
  const wbXml = zip.file('xl/workbook.xml').asText();
  const rels = zip.file('xl/_rels/workbook.xml.rels').asText();
  const rid = /<sheet [^>]*name="Cá nhân"[^>]*r:id="([^"]+)"/.exec(wbXml)[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
  const t = target[1] || target[2];
  const part = t.startsWith('/') ? t.slice(1) : `xl/${t}`;
  let xml = zip.file(part).asText();
  if (n) {
    const cols = 'DEFGHIJKLMNOPQRSTUVWXYZ'.slice(0, n).split('');
    const dv = `<dataValidations count="${n}">${cols.map((c) => `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${c}6:${c}1048576"><formula1>"Có,Không"</formula1></dataValidation>`).join('')}</dataValidations>`;
    const at = xml.search(/<(hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|drawing|legacyDrawing|tableParts|extLst)\b/);
    xml = at < 0 ? xml.replace('</worksheet>', `${dv}</worksheet>`) : xml.slice(0, at) + dv + xml.slice(at);
  }
  zip.file(part, xml);
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(file, zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

// ---------------------------------------------------------------- children

/** Child: exceljs load + write of the same workbook (how the copy was made before the patching writer). */
async function excelJsRoundTrip(file, out) {
  const ExcelJS = requireExcelJS();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  await wb.xlsx.writeFile(out);
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

function measure(args) {
  const xs = [];
  for (let i = 0; i < RUNS; i++) xs.push(runChild(args));
  return { ms: median(xs.map((x) => x.ms)), maxRssMb: Math.max(...xs.map((x) => x.maxRssMb)) };
}

const f0 = (x) => Math.round(x).toLocaleString('en-US');
const f2 = (x) => x.toFixed(2);

async function parent() {
  if (!fs.existsSync(path.join(ROOT, 'build', 'src', 'cli', 'main.js'))) throw new Error('build first: npm run build:node');
  const lines = ['## `thidua check --annotate`: the copy written by patching the package', ''];
  lines.push(`Wall time of a fresh \`node\` process (start-up included), median of ${RUNS}; peak RSS is the process's maxRSS (highest of the runs).`, '');
  const file = await makeWorkbook(ROWS);
  const out = path.join(OUT, 'annotate-copy.xlsx');
  const json = measure([BIN, 'check', file, '--json']);
  const annotate = measure([BIN, 'check', file, '--json', '--annotate', out]);
  const exceljs = measure([__filename, '--exceljs-round-trip', file, path.join(OUT, 'annotate-exceljs.xlsx')]);
  lines.push(`| ${ROWS.toLocaleString('en-US')} candidate rows (${f0(fs.statSync(file).size / 1024)} KB) | wall (ms) | peak RSS (MB) |`, '|---|---:|---:|');
  lines.push(`| \`check --json\` | ${f0(json.ms)} | ${f0(json.maxRssMb)} |`);
  lines.push(`| \`check --json --annotate\` (target ≤ ${TARGET_RSS_MB} MB) | ${f0(annotate.ms)} | ${f0(annotate.maxRssMb)} |`);
  lines.push(`| exceljs load + write of the same file (the copy before) | ${f0(exceljs.ms)} | ${f0(exceljs.maxRssMb)} |`, '');
  const none = withWholeColumnLists(0);
  const twelve = withWholeColumnLists(12);
  const a0 = measure([BIN, 'check', none, '--annotate', path.join(OUT, 'annotate-lists-0-copy.xlsx')]);
  const a12 = measure([BIN, 'check', twelve, '--annotate', path.join(OUT, 'annotate-lists-12-copy.xlsx')]);
  lines.push('| the sample workbook | `check --annotate` (ms) | peak RSS (MB) |', '|---|---:|---:|');
  lines.push(`| no validation list | ${f0(a0.ms)} | ${f0(a0.maxRssMb)} |`);
  lines.push(`| twelve whole-column lists (D6:D1048576 …) | ${f0(a12.ms)} | ${f0(a12.maxRssMb)} |`);
  lines.push(`| ratio (target ≈ 1) | ${f2(a12.ms / a0.ms)} | ${f2(a12.maxRssMb / a0.maxRssMb)} |`, '');
  const ok = annotate.maxRssMb <= TARGET_RSS_MB && a12.ms / a0.ms <= 1.25;
  lines.push(ok ? 'Targets met.' : '**A target is missed.**');
  process.stdout.write(`${lines.join('\n')}\n`);
}

const [mode, a, b] = process.argv.slice(2);
(mode === '--exceljs-round-trip' ? excelJsRoundTrip(a, b) : parent()).catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
});
