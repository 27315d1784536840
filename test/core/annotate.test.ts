/** The annotation plan: which cells are marked, how, with which note; the result sheet rows. */
import { analyze } from '../../src/core/analyze';
import { MARK_FILL } from '../../src/core/annotationPlan';
import { stateRows } from '../../src/core/state';
import { STATE_SHEET } from '../../src/core/annotationPlan';
import { collectives, grid, sheet, unitRow } from './fixtures';

const g = grid(
  collectives([
    unitRow(1, 'Phòng Tư pháp'),
    unitRow(2, 'Phòng Nội vụ', { task: 90 }),
    unitRow(3, 'UBND xã Ninh Xuân', { sipas: 'chưa có' }),
  ]),
  sheet('Cá nhân', [['TT', 'Họ và tên', 'Đơn vị công tác', 'Sáng kiến', 'Công nhận sáng kiến'], [1, 'Nguyễn Văn An', 'UBND xã Ninh Xuân', 'SK', 'x']]),
);

test('fails are red on their cell, unknowns amber, proposed names green, each with a note', () => {
  const { plan } = analyze(g, { lang: 'vi' });
  const at = (sheetName: string, cell: string) => plan.marks.find((m) => m.sheet === sheetName && m.cell === cell);
  expect(at('Tập thể', 'B2')).toMatchObject({ kind: 'proposed', row: 1, col: 1 });
  expect(at('Tập thể', 'B2')!.note).toContain('Giấy khen của Chủ tịch UBND thị xã');
  expect(at('Tập thể', 'C3')).toMatchObject({ kind: 'fail' });
  expect(at('Tập thể', 'C3')!.note).toContain('90%');
  expect(at('Tập thể', 'C3')!.note).toContain('trên 90%');
  expect(at('Tập thể', 'E4')).toMatchObject({ kind: 'unknown' });
  expect(at('Tập thể', 'E4')!.note).toContain('chưa có');
  // The individual fails through the unit: explained on the person's name, the unit's cell is not re-marked for them.
  expect(at('Cá nhân', 'B2')!.note).toContain('lấy từ đơn vị');
  expect(plan.marks.filter((m) => m.sheet === 'Tập thể' && m.cell === 'C3')).toHaveLength(1);
  expect(MARK_FILL.fail).toMatch(/^#[0-9A-F]{6}$/);
});

test('one mark per cell, most severe kind wins, note lines not repeated', () => {
  const { plan } = analyze(g, { lang: 'vi' });
  const keys = plan.marks.map((m) => `${m.sheet}!${m.cell}`);
  expect(new Set(keys).size).toBe(keys.length);
  for (const m of plan.marks) {
    const lines = m.note.split('\n');
    expect(new Set(lines).size).toBe(lines.length);
  }
});

test('the result sheet lists every candidate with criteria, result, award and reasons', () => {
  const { plan } = analyze(g, { lang: 'vi' });
  const rs = plan.resultSheet;
  expect(rs.name).toBe('Kết quả xét khen thưởng');
  expect(rs.header.slice(0, 4)).toEqual(['Hạng', 'Loại', 'Tên tập thể / Họ và tên', 'Đơn vị']);
  expect(rs.rows).toHaveLength(4);
  expect(rs.rows[0][2]).toBe('Phòng Tư pháp');
  expect(rs.rows[0][0]).toBe(1);
  const resultCol = rs.header.indexOf('Kết quả');
  expect(rs.rows.map((r) => r[resultCol])).toEqual(['Đạt', 'Không đạt', 'Thiếu dữ liệu', 'Thiếu dữ liệu']);
  expect(rs.rowKinds).toEqual(['proposed', 'fail', 'unknown', 'unknown']);
  expect(rs.footer[1]).toBe('Giấy khen: 1/10 tập thể, 0/10 cá nhân');
  expect(rs.rows.every((r) => r.length === rs.header.length)).toBe(true);
});

test('English labels with --lang en', () => {
  const { plan } = analyze(g, { lang: 'en' });
  expect(plan.resultSheet.header[0]).toBe('Rank');
  expect(plan.marks.find((m) => m.cell === 'C3')!.note).toContain('more than 90%');
});

test('the profile saved in the workbook state is used, and the state sheet is never read as a table', () => {
  const state = sheet(STATE_SHEET, stateRows({ profile: { ...require('../../src/core/profile').DEFAULT_PROFILE, criteria: { ...require('../../src/core/profile').DEFAULT_PROFILE.criteria, taskCompletion: { enabled: true, threshold: 89, inclusive: true } } } }));
  const a = analyze(grid(...g.sheets, state), { lang: 'vi' });
  expect(a.result.candidates.find((c) => c.name === 'Phòng Nội vụ')!.eligible).toBe(true);
  expect(a.result.tables.map((t) => t.sheet)).toEqual(['Tập thể', 'Cá nhân']);
  const broken = sheet(STATE_SHEET, [['x'], ['profile', '{"criteria": 5}']]);
  const b = analyze(grid(...g.sheets, broken), { lang: 'vi' });
  expect(b.profile.name).toBe('Ninh Hòa CCHC 2022');
  expect(b.profileProblems.length).toBeGreaterThan(0);
});
