/**
 * Workbook models of any size for the adapter's scaling tests and the bench: a sheet of
 * collectives and a sheet of individuals (half the rows each), in the shape of the sample.
 */
import { cellName, type CellModel, type WorkbookModel } from './model';

function row(cells: Record<string, CellModel>, r: number, values: (string | number | null)[], formats: Record<number, string> = {}): void {
  values.forEach((v, c) => {
    if (v === null) return;
    const cell: CellModel = { value: v };
    if (formats[c]) cell.numberFormat = formats[c];
    cells[cellName(r, c)] = cell;
  });
}

export function generatedWorkbook(rows: number): WorkbookModel {
  const half = Math.max(1, Math.floor(rows / 2));
  const units: Record<string, CellModel> = {};
  row(units, 0, ['BẢNG TỔNG HỢP KẾT QUẢ THI ĐUA CCHC']);
  row(units, 1, ['STT', 'Tên đơn vị', 'Tỷ lệ hoàn thành nhiệm vụ (%)', 'Tổng số hồ sơ', 'Số hồ sơ giải quyết đúng hạn', 'Tỷ lệ hồ sơ đúng hạn (%)', 'Xếp loại PAR Index', 'Chỉ số SIPAS (%)', 'Sáng kiến', 'Quyết định công nhận', 'Thành tích']);
  for (let i = 0; i < half; i++) {
    row(
      units,
      2 + i,
      [i + 1, `Đơn vị số ${i + 1}`, 88 + (i % 120) / 10, 1000, 975 + (i % 25), i % 3 ? null : `${(97.5 + (i % 25) / 10).toFixed(1).replace('.', ',')}%`, ['Tốt', 'Xuất sắc', 'Khá'][i % 3], 0.88 + (i % 12) / 100, `Sáng kiến ${i}`, i % 5 ? `QĐ số ${i}/QĐ-UBND` : null, 'Hoàn thành xuất sắc nhiệm vụ'],
      { 7: '0.0%' },
    );
  }
  const people: Record<string, CellModel> = {};
  row(people, 0, ['TT', 'Họ và tên', 'Chức vụ', 'Đơn vị công tác', 'Sáng kiến', 'Quyết định công nhận', 'Thành tích']);
  for (let i = 0; i < half; i++) row(people, 1 + i, [i + 1, `Nguyễn Văn ${i + 1}`, 'Chuyên viên', `Đơn vị số ${((i * 7) % half) + 1}`, `Giải pháp ${i}`, i % 4 ? 'x' : null, 'Tham mưu tốt']);
  return {
    sheets: [
      { name: 'Tập thể', cells: units },
      { name: 'Cá nhân', cells: people },
    ],
  };
}
