// The benches' generated workbook: the shape of the sample (titles, a two-row merged header, group
// headings, a total row, mixed formats) at `rows` candidate rows, half tập thể, half cá nhân; 1 in
// 100 units misspelt (a "did you mean" search), 1 in 50 typed without diacritics. Written by exceljs
// (a dev dependency) to bench/out/ (git-ignored) and reused while GENERATOR is unchanged.
// Used by check.bench.js and annotate.bench.js (the same file for both).
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'bench', 'out');
const GENERATOR = 'v3';

function requireExcelJS() {
  return require(require.resolve('exceljs', { paths: [ROOT] }));
}

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

module.exports = { makeWorkbook, requireExcelJS, OUT };
