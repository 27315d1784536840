/** Individuals inherit from their unit by tolerant name matching. */
import { check } from '../../src/core/check';
import { collectives, grid, sheet, unitRow } from './fixtures';

const units = collectives([
  ['I', 'CƠ QUAN CHUYÊN MÔN'],
  unitRow(1, 'Phòng Tư pháp'),
  unitRow(2, 'Phòng Nội vụ', { par: 'Khá' }),
  ['II', 'UBND CÁC XÃ, PHƯỜNG'],
  unitRow(3, 'UBND phường Ninh Hiệp', { sipas: 85 }),
  unitRow(4, 'UBND xã Ninh Xuân'),
  [null, 'Tổng cộng', null, null, 90, 99],
]);

const people = (rows: unknown[][]) =>
  sheet('Cá nhân', [['TT', 'Họ và tên', 'Chức vụ, đơn vị công tác', 'Chỉ số SIPAS', 'Sáng kiến', 'Công nhận sáng kiến'], ...(rows as never[][])]);

test('group headings and totals are not candidates', () => {
  const r = check(grid(units));
  expect(r.candidates.map((c) => c.name)).toEqual(['Phòng Tư pháp', 'Phòng Nội vụ', 'UBND phường Ninh Hiệp', 'UBND xã Ninh Xuân']);
});

test('unit names match without case, diacritics, prefixes or extra spaces; own values win', () => {
  const r = check(grid(units, people([
    [1, 'Nguyễn Văn An', 'Trưởng phòng, Phòng Tư pháp', null, 'SK', 'x'],
    [2, 'Trần Thị Bình', 'Chuyên viên, phong  tu phap', null, 'SK', 'x'],
    [3, 'Lê Văn Cường', 'Phó Chủ tịch, Ninh Hiệp', 95, 'SK', 'x'],
    [4, 'Phạm Thị Dung', 'Công chức, UBND phường Ninh Hiệp', null, 'SK', 'x'],
    [5, 'Hồ Văn Em', 'Chuyên viên, Phòng Nội vụ', null, 'SK', 'x'],
    [6, 'Võ Thị Gấm', 'Công chức, xã Ninh Xuân', null, 'SK', 'x'],
  ])));
  const p = (n: string) => r.candidates.find((c) => c.name === n)!;
  expect(p('Nguyễn Văn An')).toMatchObject({ matchedUnit: 'Phòng Tư pháp', eligible: true, facts: { position: 'Trưởng phòng', unit: 'Phòng Tư pháp' } });
  expect(p('Trần Thị Bình').matchedUnit).toBe('Phòng Tư pháp');
  // Own SIPAS 95 wins over the unit's 85.
  expect(p('Lê Văn Cường').criteria.find((x) => x.id === 'sipas')).toMatchObject({ outcome: 'pass', value: 95, inherited: false, cell: 'D4' });
  expect(p('Phạm Thị Dung').criteria.find((x) => x.id === 'sipas')).toMatchObject({ outcome: 'fail', value: 85, inherited: true, sheet: 'Tập thể' });
  expect(p('Hồ Văn Em').criteria.find((x) => x.id === 'unitParIndex')).toMatchObject({ outcome: 'fail', value: 'Khá', inherited: true });
  expect(p('Võ Thị Gấm').eligible).toBe(true);
});

test('an unknown unit: unknown with the closest names suggested', () => {
  const r = check(grid(units, people([[1, 'Đỗ Văn Hùng', 'Chuyên viên, Phòng Tư phap thị xã', null, 'SK', 'x'], [2, 'Ngô Thị Lan', 'Chuyên viên, Phòng Tài chính', null, 'SK', 'x'], [3, 'Mai Văn Tú', 'Chuyên viên, Phòng Nôi vu', null, 'SK', 'x']])));
  expect(r.candidates.find((c) => c.name === 'Đỗ Văn Hùng')!.matchedUnit).toBe('Phòng Tư pháp');
  const lan = r.candidates.find((c) => c.name === 'Ngô Thị Lan')!;
  expect(lan.eligible).toBe(false);
  expect(lan.criteria.find((x) => x.id === 'unitParIndex')).toMatchObject({ outcome: 'unknown' });
  const tu = r.candidates.find((c) => c.name === 'Mai Văn Tú')!;
  expect(tu.matchedUnit).toBe('Phòng Nội vụ');
  const issue = r.issues.find((i) => i.code.startsWith('crit.unitNotFound') && i.params.unit === 'Phòng Tài chính');
  expect(issue).toMatchObject({ sheet: 'Cá nhân', cell: 'C3' });
});

test('a misspelt unit gets a "did you mean" suggestion', () => {
  const r = check(grid(units, people([[1, 'A', 'Chuyên viên, UBND xã Ninh Xuyên', null, 'SK', 'x']])));
  const issue = r.issues.find((i) => i.code === 'crit.unitNotFoundHint')!;
  expect(String(issue.params.suggestions)).toContain('UBND xã Ninh Xuân');
});

test('the column-number row "(1) (2) (3)…" under the header is not a candidate', () => {
  const s = sheet('TT', [
    ['STT', 'Tên đơn vị', 'Chỉ số SIPAS', 'Tỷ lệ hồ sơ đúng hạn'],
    ['(1)', '(2)', '(3)', '(4)'],
    [1, 'Phòng Tư pháp', 95, 99],
  ]);
  const r = check(grid(s));
  expect(r.candidates.map((c) => c.name)).toEqual(['Phòng Tư pháp']);
});
