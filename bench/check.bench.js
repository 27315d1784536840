// `thidua check` on generated workbooks of 1,000 and 10,000 candidate rows, against a bare exceljs
// load of the same file, each in its own process (so peak RSS is per run). Median of 3 runs.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');

const OUT = path.join(__dirname, 'out');
const RUNS = 3;

async function makeWorkbook(rows) {
  const file = path.join(OUT, `check-${rows}.xlsx`);
  if (fs.existsSync(file)) return file;
  const wb = new ExcelJS.Workbook();
  const half = rows / 2;
  const units = wb.addWorksheet('Tập thể');
  units.addRow(['BẢNG TỔNG HỢP KẾT QUẢ THI ĐUA CCHC']);
  units.addRow(['STT', 'Tên đơn vị', 'Tỷ lệ hoàn thành nhiệm vụ (%)', 'Tổng số hồ sơ', 'Số hồ sơ giải quyết đúng hạn', 'Tỷ lệ hồ sơ đúng hạn (%)', 'Xếp loại PAR Index', 'Chỉ số SIPAS (%)', 'Sáng kiến', 'Quyết định công nhận', 'Thành tích']);
  for (let i = 0; i < half; i++) {
    const r = units.addRow([i + 1, `Đơn vị số ${i + 1}`, 88 + (i % 120) / 10, 1000, 975 + (i % 25), i % 3 ? null : `${(97.5 + (i % 25) / 10).toFixed(1).replace('.', ',')}%`, ['Tốt', 'Xuất sắc', 'Khá'][i % 3], (0.88 + (i % 12) / 100), `Sáng kiến ${i}`, i % 5 ? `QĐ số ${i}/QĐ-UBND` : null, 'Hoàn thành xuất sắc nhiệm vụ']);
    r.getCell(8).numFmt = '0.0%';
  }
  const people = wb.addWorksheet('Cá nhân');
  people.addRow(['TT', 'Họ và tên', 'Chức vụ', 'Đơn vị công tác', 'Sáng kiến', 'Quyết định công nhận', 'Thành tích']);
  for (let i = 0; i < half; i++) people.addRow([i + 1, `Nguyễn Văn ${i + 1}`, 'Chuyên viên', `Đơn vị số ${(i * 7) % half + 1}`, `Giải pháp ${i}`, i % 4 ? 'x' : null, 'Tham mưu tốt']);
  await wb.xlsx.writeFile(file);
  return file;
}

function measure(job, file) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync(process.execPath, [path.join(__dirname, 'lib', 'measure.js'), job, file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${job} ${file}: ${r.stderr}`);
    samples.push(JSON.parse(r.stdout));
  }
  samples.sort((a, b) => a.ms - b.ms);
  return { ms: samples[1].ms, maxRssMb: Math.max(...samples.map((s) => s.maxRssMb)) };
}

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const lines = ['## `thidua check` vs a bare exceljs load', '', '| rows | bare load (ms) | check (ms) | ratio (target ≤ 1.3) | bare peak RSS (MB) | check peak RSS (MB, target ≤ 300) |', '|---:|---:|---:|---:|---:|---:|'];
  for (const rows of [1000, 10000]) {
    const file = await makeWorkbook(rows);
    const load = measure('load', file);
    const check = measure('check', file);
    lines.push(`| ${rows.toLocaleString('en')} | ${load.ms.toFixed(0)} | ${check.ms.toFixed(0)} | ${(check.ms / load.ms).toFixed(2)} | ${load.maxRssMb.toFixed(0)} | ${check.maxRssMb.toFixed(0)} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
})().catch((e) => {
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 1;
});
