/** The annotation plan: which cells are marked, how, with which note; the result sheet rows. */
import { analyze } from '../../src/core/analyze';
import { MARK_FILL } from '../../src/core/annotationPlan';
import { stateRows } from '../../src/core/state';
import { STATE_SHEET } from '../../src/core/annotationPlan';
import { collectives, grid, sheet, unitRow } from './fixtures';
import { linesIn, printHeights, printScale } from '../../src/core/printLayout';

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
  expect(rs.footer[0]).toBe('CHỈ TIÊU KHEN THƯỞNG');
  expect(rs.footer[2]).toBe('Giấy khen: 1/10 tập thể, 0/10 cá nhân');
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

describe('the result sheet on paper', () => {
  it('states the thresholds above the table and the questions in a block of their own, numbered', () => {
    const { plan } = analyze(g, { lang: 'vi' });
    const rs = plan.resultSheet;
    expect(rs.title.some((t) => t.startsWith('Tiêu chí xét đối với tập thể:') && t.includes('Chỉ số SIPAS đạt'))).toBe(true);
    expect(rs.pageFooter).toEqual({ left: 'Người lập biểu: …………………………', center: 'Trang &P/&N', right: 'In ngày &D' });
    expect(rs.footerBold).toContain(0);
  });

  it('sizes the columns for A4 landscape: printed at ≥ 9 pt (11 pt at ≥ 82 %)', () => {
    const { plan } = analyze(g, { lang: 'vi' });
    const rs = plan.resultSheet;
    expect(printScale(rs.widths)).toBeGreaterThanOrEqual(82);
    // The same columns at the old widths (6, 10, 34, 26, 14 per criterion, 14, 30, 60, 16) would print at 12 pt × 48 %.
    expect(printScale([6, 10, 34, 26, ...Array(7).fill(14), 14, 30, 60, 16])).toBeLessThan(55);
  });

  it('gives every row the height its wrapped text needs (Excel does not grow rows for code-written text)', () => {
    expect(linesIn('Sáng kiến, giải pháp được công nhận: Sáng kiến này cũng được dùng cho: Trần Văn Minh.', 30)).toBe(3);
    expect(linesIn('a\nb\nc', 30)).toBe(3);
    expect(linesIn('', 10)).toBe(1);
    const h = printHeights({ name: 'x', title: ['T'], header: ['A', 'B'], rows: [['short', 'x '.repeat(60)]], rowKinds: [null], footer: [''], widths: [10, 20] });
    expect(h.rows[0]).toBeGreaterThan(h.header);
    expect(h.rows[0]).toBeGreaterThanOrEqual(14 * 5);
  });
});

test('the thresholds above the result sheet: the plan\'s words in Vietnamese, the criteria\'s English names in English', () => {
  const g = grid(collectives([unitRow(1, 'Phòng Nội vụ'), unitRow(2, 'Phòng Tư pháp', { initiative: 'SK khác' })]));
  const vi = analyze(g, { lang: 'vi' }).plan.resultSheet.title;
  const en = analyze(g, { lang: 'en' }).plan.resultSheet.title;
  expect(vi[2]).toMatch(/^Tiêu chí.*Hoàn thành trên 90% nhiệm vụ, mục tiêu cải cách hành chính; Chỉ số PAR Index xếp loại Tốt trở lên; Chỉ số SIPAS đạt từ 90% trở lên/);
  expect(en[2]).toBe(
    'Criteria for collectives: CCHC task completion more than 90%; PAR Index rating Tốt or better; SIPAS index at least 90%; Files resolved on time more than 98%; an initiative recognised by the competent authority; Compliance with policy.',
  );
  // Nothing of the plan's Vietnamese wording but the rating's own name (a word of the workbook's ladder).
  expect(en[2].replace(/Tốt/g, '')).not.toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/);
});

test('the printed footer holds at most 255 characters with its codes: a long preparer gives way, never leaving half an "&&"', async () => {
  const { footerCodes, HEADER_FOOTER_MAX, pageFooter } = await import('../../src/core/printLayout');
  const short = pageFooter('Người lập biểu: Lê Thị Hoa & cộng sự', 'Trang &P/&N', 'In ngày &D');
  expect(short.left).toBe('Người lập biểu: Lê Thị Hoa && cộng sự');
  for (const name of ['a'.repeat(1000), '&'.repeat(1000), `${'b'.repeat(228)}&${'c'.repeat(50)}`]) {
    const f = pageFooter(`Người lập biểu: ${name}`, 'Trang &P/&N', 'In ngày &D');
    expect(footerCodes(f).length).toBeLessThanOrEqual(HEADER_FOOTER_MAX);
    expect(f.left.endsWith('…')).toBe(true);
    // Before the ellipsis, an even run of "&" (each one written as "&&"), or none.
    expect(((/&*…$/.exec(f.left)?.[0].length ?? 1) - 1) % 2).toBe(0);
  }
  // Through the check: the meeting's secretary as the preparer.
  const g = grid(collectives([unitRow(1, 'Phòng Nội vụ')]));
  const rs = analyze(g, { lang: 'vi', meeting: { secretary: 'x'.repeat(5000) } }).plan.resultSheet;
  expect(footerCodes(rs.pageFooter!).length).toBe(HEADER_FOOTER_MAX);
});
