/** The sheet "Lịch sử khen thưởng": read as past awards, never as candidates; matched like units. */
import { check } from '../../src/core/check';
import { classifyHistoryHeader, historyOf, parseHistoryDate, readHistory } from '../../src/core/history';
import { renderMessage } from '../../src/core/messages/render';
import { collectives, grid, sheet, unitRow } from './fixtures';

const HEADER = ['Năm', 'Tên tập thể/cá nhân', 'Danh hiệu/Hình thức', 'Số quyết định', 'Ngày', 'Ghi chú'];

function historySheet(rows: unknown[][], name = 'Lịch sử khen thưởng', header: unknown[] = HEADER) {
  return sheet(name, [['LỊCH SỬ KHEN THƯỞNG CỦA CÁC TẬP THỂ, CÁ NHÂN'], [], header, ...rows] as never);
}

const PEOPLE = sheet('Cá nhân', [
  ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị công tác', 'Chỉ số SIPAS (%)', 'Tỷ lệ hồ sơ đúng hạn (%)', 'Sáng kiến', 'Quyết định công nhận'],
  [1, 'Nguyễn Thị Thu Hà', 'Trưởng phòng', 'Phòng Tư pháp', 95, 99.5, 'Số hóa', 'QĐ số 1/QĐ-UBND ngày 01/02/2022'],
  [2, 'Trần Văn Bình', 'Chuyên viên', 'UBND xã Ninh Bình', 95, 99.5, 'Một cửa', 'QĐ số 2/QĐ-UBND ngày 01/02/2022'],
]);

describe('header', () => {
  test.each([
    ['Năm', 'year'],
    ['Tên tập thể/cá nhân', 'name'],
    ['Danh hiệu/Hình thức', 'award'],
    ['Danh hiệu thi đua, hình thức khen thưởng', 'award'],
    ['Số quyết định', 'decisionNumber'],
    ['Số, ngày quyết định', 'decisionNumber'],
    ['Ngày', 'decisionDate'],
    ['Ngày quyết định', 'decisionDate'],
    ['Ghi chú', 'note'],
    ['Đơn vị công tác', 'unit'],
    ['Năm sinh', null],
  ])('%s → %s', (text, field) => expect(classifyHistoryHeader(text)).toBe(field));
});

describe('reading', () => {
  test('entries with their cells, a title row above the header, serial and typed dates', () => {
    const g = grid(historySheet([
      [2021, 'Phòng Tư pháp', 'Giấy khen của Chủ tịch UBND thị xã', '125/QĐ-UBND', 44500, ''],
      ['2020', 'UBND xã Ninh Bình', 'Tập thể Lao động tiên tiến', '98/QĐ-UBND', '15/12/2020', 'Chuyên đề'],
      [null, null, null, null, null, null],
      ['', 'Nguyễn Thị Thu Hà', 'Giấy khen', '12/QĐ-UBND', '2019-01-05', ''],
    ]));
    const { history, issues } = readHistory(g);
    expect(issues).toEqual([]);
    expect(history!.sheet).toBe('Lịch sử khen thưởng');
    expect(history!.headerRow).toBe(3);
    expect(history!.columns).toEqual({ year: 'A', name: 'B', award: 'C', decisionNumber: 'D', decisionDate: 'E', note: 'F' });
    expect(history!.lastRow).toBe(7);
    expect(history!.entries).toEqual([
      { row: 4, nameCell: 'B4', name: 'Phòng Tư pháp', year: 2021, award: 'Giấy khen của Chủ tịch UBND thị xã', decisionNumber: '125/QĐ-UBND', decisionDate: { year: 2021, month: 10, day: 31 } },
      { row: 5, nameCell: 'B5', name: 'UBND xã Ninh Bình', year: 2020, award: 'Tập thể Lao động tiên tiến', decisionNumber: '98/QĐ-UBND', decisionDate: { year: 2020, month: 12, day: 15 }, note: 'Chuyên đề' },
      // No year: the decision's year.
      { row: 7, nameCell: 'B7', name: 'Nguyễn Thị Thu Hà', year: 2019, award: 'Giấy khen', decisionNumber: '12/QĐ-UBND', decisionDate: { year: 2019, month: 1, day: 5 } },
    ]);
  });

  test('problems are warnings on the cell; a row without a name is skipped', () => {
    const g = grid(historySheet([
      ['năm ngoái', 'Phòng Tư pháp', 'Giấy khen', '1/QĐ', '31/02/2021', ''],
      [2021, '', 'Giấy khen', '2/QĐ', '', ''],
      [2021, 'Phòng Nội vụ', '', '3/QĐ', '', ''],
    ]));
    const { history, issues } = readHistory(g);
    expect(issues.map((i) => [i.severity, i.cell, i.code])).toEqual([
      ['warning', 'E4', 'history.badDate'],
      ['warning', 'A4', 'history.badYear'],
      ['warning', 'B5', 'history.noName'],
      ['warning', 'C6', 'history.noAward'],
    ]);
    expect(history!.entries.map((e) => e.name)).toEqual(['Phòng Tư pháp', 'Phòng Nội vụ']);
    expect(history!.entries[0].decisionDateText).toBe('31/02/2021');
    for (const i of issues) {
      expect(renderMessage(i, 'vi')).not.toMatch(/undefined|history\./);
      expect(renderMessage(i, 'en')).not.toMatch(/undefined|history\./);
    }
  });

  test('no sheet: no history and no problem; a sheet without a recognisable header: one warning', () => {
    expect(readHistory(grid(PEOPLE))).toEqual({ history: null, issues: [] });
    const bad = readHistory(grid(sheet('Lịch sử khen thưởng', [['Ai', 'Cái gì'], ['x', 'y']])));
    expect(bad.history).toBeNull();
    expect(bad.issues.map((i) => [i.cell, i.code])).toEqual([[null, 'history.noHeader']]);
  });

  test('dates', () => {
    expect(parseHistoryDate('05.01.2019')).toEqual({ year: 2019, month: 1, day: 5 });
    expect(parseHistoryDate('5-1-2019')).toEqual({ year: 2019, month: 1, day: 5 });
    expect(parseHistoryDate(44927)).toEqual({ year: 2023, month: 1, day: 1 });
    expect(parseHistoryDate('2019')).toBeUndefined();
    expect(parseHistoryDate(60)).toBeUndefined(); // Excel's 29/02/1900 never existed
  });
});

describe('in the check', () => {
  const units = collectives([unitRow(1, 'Phòng Tư pháp'), unitRow(2, 'UBND xã Ninh Bình')]);
  const hist = historySheet([
    [2021, 'Phòng Tư Pháp', 'Giấy khen', '125/QĐ-UBND', '30/10/2021', ''],
    [2019, 'xã Ninh Bình', 'Tập thể Lao động tiên tiến', '98/QĐ-UBND', '15/12/2019', ''],
    [2018, 'Xa Ninh Binh', 'Giấy khen', '5/QĐ-UBND', '', ''],
    [2020, 'Nguyen Thi Thu Ha', 'Giấy khen', '7/QĐ-UBND', '', ''],
    [2020, 'Phòng Tư phá', 'Giấy khen', '8/QĐ-UBND', '', ''],
    [2020, 'Lê Văn Khác', 'Giấy khen', '9/QĐ-UBND', '', ''],
  ]);

  test('never read as candidates, even with candidate-like headers', () => {
    const lookalike = historySheet([[2021, 'Phòng Tư pháp', 'Giấy khen', '1/QĐ', '', '']], 'Lịch sử khen thưởng', ['STT', 'Tên đơn vị', 'Hình thức khen thưởng', 'Số QĐ công nhận', 'Ngày', 'Thành tích']);
    for (const h of [hist, lookalike]) {
      const r = check(grid(units, PEOPLE, h));
      expect(r.tables.map((t) => t.sheet)).toEqual(['Tập thể', 'Cá nhân']);
      expect(r.candidates.every((c) => c.sheet !== h.name)).toBe(true);
    }
  });

  test('matched like units: case, diacritics, "UBND"/"xã" prefixes; oldest first; a typo is a warning', () => {
    const r = check(grid(units, PEOPLE, hist));
    const by = (name: string) => historyOf(r.history, r.candidates.find((c) => c.name === name)!).map((e) => e.decisionNumber);
    expect(by('Phòng Tư pháp')).toEqual(['125/QĐ-UBND']);
    expect(by('UBND xã Ninh Bình')).toEqual(['5/QĐ-UBND', '98/QĐ-UBND']);
    expect(by('Nguyễn Thị Thu Hà')).toEqual(['7/QĐ-UBND']);
    expect(by('Trần Văn Bình')).toEqual([]);
    const near = r.issues.filter((i) => i.code === 'history.nameNearMiss');
    expect(near.map((i) => [i.sheet, i.cell, i.params.suggestions])).toEqual([['Lịch sử khen thưởng', 'B8', 'Phòng Tư pháp']]);
  });

  test('a person is told apart from a namesake by the unit column', () => {
    const h = historySheet([
      [2020, 'Nguyễn Thị Thu Hà', 'Phòng Tư pháp', 'Giấy khen', '7/QĐ-UBND'],
      [2021, 'Nguyễn Thị Thu Hà', 'Phòng Văn hóa', 'Giấy khen', '8/QĐ-UBND'],
    ], 'Lịch sử khen thưởng', ['Năm', 'Họ và tên', 'Đơn vị', 'Hình thức khen thưởng', 'Số quyết định']);
    const r = check(grid(units, PEOPLE, h));
    const ha = r.candidates.find((c) => c.name === 'Nguyễn Thị Thu Hà')!;
    expect(historyOf(r.history, ha).map((e) => e.decisionNumber)).toEqual(['7/QĐ-UBND']);
  });
});
