/** Header detection on sheet shapes people make, with the expected mapping asserted. */
import { classifyHeader } from '../../src/core/headers';
import { findTables } from '../../src/core/tables';
import { grid, rect, sheet } from './fixtures';

describe('header vocabulary', () => {
  test.each([
    ['Tên đơn vị', 'name'],
    ['TÊN ĐƠN VỊ', 'name'],
    ['Ten don vi', 'name'],
    ['Cơ quan, đơn vị', 'name'],
    ['Tên cơ quan, đơn vị, địa phương', 'name'],
    ['Họ và tên', 'name'],
    ['HỌ TÊN', 'name'],
    ['Chức vụ', 'position'],
    ['Đơn vị công tác', 'unit'],
    ['Cơ quan công tác', 'unit'],
    ['Tỷ lệ hoàn thành nhiệm vụ', 'taskCompletion'],
    ['Tỷ lệ nhiệm vụ hoàn thành', 'taskCompletion'],
    ['Nhiệm vụ CCHC hoàn thành đúng tiến độ (%)', 'taskCompletion'],
    ['Tỷ lệ hoàn thành kế hoạch CCHC', 'taskCompletion'],
    ['Số nhiệm vụ hoàn thành đúng tiến độ', 'taskDone'],
    ['Tổng số nhiệm vụ', 'taskTotal'],
    ['Xếp loại PAR Index', 'parRating'],
    ['Xếp loại Chỉ số CCHC', 'parRating'],
    ['PAR Index (xếp loại)', 'parRating'],
    ['Xếp loại CCHC', 'parRating'],
    ['Điểm PAR Index', 'parScore'],
    ['Điểm Chỉ số CCHC', 'parScore'],
    ['Tổng điểm CCHC', 'parScore'],
    ['SIPAS', 'sipas'],
    ['Chỉ số SIPAS', 'sipas'],
    ['Chỉ số hài lòng', 'sipas'],
    ['Tỷ lệ hài lòng', 'sipas'],
    ['Mức độ hài lòng (%)', 'sipas'],
    ['Tỷ lệ hồ sơ đúng hạn', 'onTime'],
    ['Tỷ lệ giải quyết đúng hạn', 'onTime'],
    ['Hồ sơ giải quyết đúng hạn (%)', 'onTime'],
    ['Số hồ sơ giải quyết đúng hạn', 'onTimeCount'],
    ['Tổng số hồ sơ', 'fileTotal'],
    ['Tổng số hồ sơ đã giải quyết', 'fileTotal'],
    ['Sáng kiến', 'initiative'],
    ['Sáng kiến, giải pháp', 'initiative'],
    ['Tên sáng kiến, giải pháp', 'initiative'],
    ['Quyết định công nhận', 'initiativeRecognition'],
    ['Công nhận sáng kiến', 'initiativeRecognition'],
    ['Sáng kiến được công nhận', 'initiativeRecognition'],
    ['Số QĐ công nhận', 'initiativeRecognition'],
    ['Chấp hành chủ trương, chính sách', 'compliance'],
    ['Chấp hành tốt', 'compliance'],
    ['Thành tích', 'achievement'],
    ['Thành tích nổi bật', 'achievement'],
    ['Tóm tắt thành tích', 'achievement'],
    ['Số phiếu đồng ý', 'votesAgree'],
    ['Số phiếu tán thành', 'votesAgree'],
    ['Tổng số phiếu', 'votesTotal'],
    ['Số thành viên', 'votesTotal'],
    ['Hình thức đề nghị', 'award'],
    ['Đề nghị khen thưởng', 'award'],
    ['Hình thức khen thưởng', 'award'],
    ['Năm sinh', 'birthYear'],
    ['Ngày sinh', 'birthYear'],
    ['Giới tính', 'gender'],
    ['Quê quán', 'hometown'],
    ['Trình độ chuyên môn', 'qualification'],
    ['Tỷ lệ\nhồ sơ\r\nđúng hạn', 'onTime'],
    ['  Chỉ   số  SIPAS  (%) ', 'sipas'],
  ])('%p → %s', (header, field) => {
    expect(classifyHeader(null, header)?.field).toBe(field);
    expect(classifyHeader(null, header.normalize('NFD'))?.field).toBe(field);
  });

  test.each([
    ['Hồ sơ TTHC', 'Tổng số hồ sơ', 'fileTotal'],
    ['Hồ sơ TTHC', 'Số hồ sơ đúng hạn', 'onTimeCount'],
    ['Hồ sơ TTHC', 'Tỷ lệ (%)', 'onTime'],
    ['Chỉ số PAR Index', 'Điểm', 'parScore'],
    ['Chỉ số PAR Index', 'Xếp loại', 'parRating'],
    ['Chỉ số SIPAS', 'Tỷ lệ (%)', 'sipas'],
    ['Nhiệm vụ CCHC', 'Tỷ lệ (%)', 'taskCompletion'],
    ['Nhiệm vụ CCHC', 'Tổng số', 'taskTotal'],
    ['Sáng kiến, giải pháp', 'Quyết định công nhận', 'initiativeRecognition'],
    ['Sáng kiến, giải pháp', 'Tên sáng kiến', 'initiative'],
    ['Kết quả biểu quyết', 'Số phiếu đồng ý', 'votesAgree'],
  ])('parent %p over child %p → %s', (parent, child, field) => {
    expect(classifyHeader(parent, child)?.field).toBe(field);
  });

  test('"Chức vụ, đơn vị công tác" is one column to split', () => {
    expect(classifyHeader(null, 'Chức vụ, đơn vị công tác')).toEqual({ field: 'position', positionAndUnit: true });
  });
  test('unknown headers are not guessed', () => {
    expect(classifyHeader(null, 'Ghi chú')).toBeNull();
    expect(classifyHeader(null, 'Tỷ lệ (%)')).toBeNull();
  });
});

describe('finding tables', () => {
  test('title rows above a two-row merged header', () => {
    const s = sheet('Tổng hợp 2022', [
      ['UBND THỊ XÃ NINH HÒA'],
      ['BẢNG TỔNG HỢP KẾT QUẢ THỰC HIỆN TIÊU CHÍ THI ĐUA CCHC NĂM 2022'],
      ['(Kèm theo Báo cáo số 12/BC-NV ngày 05/12/2022)'],
      ['STT', 'Tên cơ quan, đơn vị', 'Hồ sơ TTHC', null, null, 'Chỉ số PAR Index', null, 'Chỉ số SIPAS', 'Sáng kiến, giải pháp', null, 'Ghi chú'],
      [null, null, 'Tổng số hồ sơ', 'Số hồ sơ giải quyết đúng hạn', 'Tỷ lệ (%)', 'Điểm', 'Xếp loại', 'Tỷ lệ (%)', 'Tên sáng kiến', 'Quyết định công nhận', null],
      [1, 'Phòng Tư pháp', 100, 100, 1, 88, 'Tốt', 0.95, 'SK', 'x'],
    ], { merges: [rect('A1:K1'), rect('A2:K2'), rect('A4:A5'), rect('B4:B5'), rect('C4:E4'), rect('F4:G4'), rect('H4:H5'), rect('I4:J4'), rect('K4:K5')] });
    const { tables } = findTables(grid(s));
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({
      sheet: 'Tổng hợp 2022', kind: 'collective', headerRow: 5, headerRows: 2, firstDataRow: 6,
      columns: { order: 'A', name: 'B', fileTotal: 'C', onTimeCount: 'D', onTime: 'E', parScore: 'F', parRating: 'G', sipas: 'H', initiative: 'I', initiativeRecognition: 'J' },
    });
  });

  test('a two-row header without merge information (forward-filled parents)', () => {
    const s = sheet('TT', [
      ['BẢNG TỔNG HỢP'],
      ['STT', 'Tên đơn vị', 'Hồ sơ TTHC', null, null, 'Xếp loại PAR Index', 'SIPAS'],
      [null, null, 'Tổng số hồ sơ', 'Số hồ sơ đúng hạn', 'Tỷ lệ (%)', null, null],
      [1, 'Phòng Tư pháp', 10, 10, 1, 'Tốt', 0.95],
    ]);
    const { tables } = findTables(grid(s));
    expect(tables[0].columns).toMatchObject({ name: 'B', fileTotal: 'C', onTimeCount: 'D', onTime: 'E', parRating: 'F', sipas: 'G' });
    expect(tables[0].headerRow).toBe(3);
  });

  test('headers without diacritics, in capitals, with line breaks; odd sheet name', () => {
    const s = sheet("Bảng 1 (cũ) - 'TT' ", [
      ['TEN DON VI', 'TY LE\nHO SO\nDUNG HAN', 'XEP LOAI\r\nPAR INDEX', 'CHI SO SIPAS', 'SANG KIEN', 'QUYET DINH CONG NHAN'],
      ['Phong Tu phap', '99,5%', 'Tot', '95%', 'SK', 'x'],
    ]);
    const { tables } = findTables(grid(s));
    expect(tables[0]).toMatchObject({ kind: 'collective', headerRow: 1, columns: { name: 'A', onTime: 'B', parRating: 'C', sipas: 'D', initiative: 'E', initiativeRecognition: 'F' } });
  });

  test('an individuals table: "Họ và tên" decides the kind, "Đơn vị" is the unit', () => {
    const s = sheet('Sheet3', [
      ['DANH SÁCH CÁ NHÂN'],
      ['TT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Sáng kiến', 'Công nhận sáng kiến'],
      [1, 'Nguyễn Văn An', 'Trưởng phòng', 'Phòng Tư pháp', 'SK', 'x'],
    ]);
    const { tables } = findTables(grid(s));
    expect(tables[0]).toMatchObject({ kind: 'individual', headerRow: 2, columns: { order: 'A', name: 'B', position: 'C', unit: 'D' } });
  });

  test('a sheet named "Cá nhân" with unit names is still read by its headers', () => {
    const s = sheet('Cá nhân', [['Tên đơn vị', 'Chỉ số SIPAS', 'Tỷ lệ hồ sơ đúng hạn'], ['Phòng Tư pháp', 95, 99]]);
    expect(findTables(grid(s)).tables[0].kind).toBe('collective');
  });

  test('a used range that does not start at A1', () => {
    const s = { name: 'Lệch', originRow: 3, originCol: 2, values: [['Tên đơn vị', 'Chỉ số SIPAS', 'Tỷ lệ hồ sơ đúng hạn'], ['Phòng Tư pháp', 95, 99]] };
    const { tables } = findTables(grid(s));
    expect(tables[0]).toMatchObject({ headerRow: 4, columns: { name: 'C', sipas: 'D', onTime: 'E' } });
  });

  test('sheets without a table, and a header below row 20, are not tables', () => {
    const notes = sheet('Ghi chú', [['Ghi chú'], ['Số liệu tính đến 30/11/2022']]);
    const deep = sheet('Sâu', [...Array.from({ length: 20 }, () => [null]), ['Tên đơn vị', 'Chỉ số SIPAS', 'Tỷ lệ hồ sơ đúng hạn']]);
    expect(findTables(grid(notes, deep)).tables).toHaveLength(0);
  });

  test('mapping overrides: a column reassigned, a field removed, a sheet ignored, a header row forced', () => {
    const s = sheet('TT', [['Tên đơn vị', 'Chỉ số SIPAS', 'Tỷ lệ hồ sơ đúng hạn', 'Cột lạ'], ['Phòng Tư pháp', 95, 99, 'Tốt']]);
    const other = sheet('CN', [['Họ và tên', 'Đơn vị công tác'], ['A', 'B']]);
    const { tables } = findTables(grid(s, other), [
      { sheet: 'TT', columns: { parRating: 'D', onTime: null } },
      { sheet: 'CN', ignore: true },
    ]);
    expect(tables).toHaveLength(1);
    expect(tables[0].columns).toEqual({ name: 'A', sipas: 'B', parRating: 'D' });
    const forced = findTables(grid(sheet('X', [['a'], ['Đơn vị', 'Ghi chú'], ['Phòng Tư pháp', '']])), [{ sheet: 'X', headerRow: 2, kind: 'collective', columns: { sipas: 'B' } }]);
    expect(forced.tables[0]).toMatchObject({ headerRow: 2, kind: 'collective', columns: { name: 'A', sipas: 'B' } });
  });
});
