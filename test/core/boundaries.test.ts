/** Every boundary of criteria.md, in every value format of workbook.md. */
import { check } from '../../src/core/check';
import type { CellValue } from '../../src/core/grid';
import { DEFAULT_PROFILE, mergeProfile, type Profile } from '../../src/core/profile';
import type { Candidate } from '../../src/core/result';
import { collectives, grid, sheet, unitRow, COLLECTIVE_HEADER } from './fixtures';

function outcomeOf(c: Candidate, id: string) {
  return c.criteria.find((x) => x.id === id)?.outcome;
}

/** Runs one unit with one cell changed, with an optional number format on that cell. */
function one(field: 'task' | 'sipas' | 'onTime', value: CellValue, format?: string, profile: Profile = DEFAULT_PROFILE): Candidate {
  const s = collectives([unitRow(1, 'Phòng Tư pháp', { [field]: value })]);
  if (format) {
    const col = field === 'task' ? 2 : field === 'sipas' ? 4 : 5;
    s.numberFormats = s.values.map((r, i) => r.map((_, j) => (i === 1 && j === col ? format : 'General')));
  }
  return check(grid(s), { profile }).candidates[0];
}

const ID = { task: 'taskCompletion', sipas: 'sipas', onTime: 'onTime' } as const;

describe('rate boundaries of the default profile', () => {
  // [field, value, number format, expected]
  const cases: [keyof typeof ID, CellValue, string | undefined, 'pass' | 'fail'][] = [
    ['task', 90, undefined, 'fail'],
    ['task', 0.9, undefined, 'fail'],
    ['task', 0.9, '0%', 'fail'],
    ['task', '90%', undefined, 'fail'],
    ['task', '90,0 %', undefined, 'fail'],
    ['task', '90\u00a0%', undefined, 'fail'],
    ['task', 90.01, undefined, 'pass'],
    ['task', '90,01%', undefined, 'pass'],
    ['task', 0.9001, '0.00%', 'pass'],
    ['sipas', 90, undefined, 'pass'],
    ['sipas', 0.9, undefined, 'pass'],
    ['sipas', 0.9, '0.0%', 'pass'],
    ['sipas', '90%', undefined, 'pass'],
    ['sipas', '90,0', undefined, 'pass'],
    ['sipas', 89.99, undefined, 'fail'],
    ['sipas', '89,99%', undefined, 'fail'],
    ['sipas', 0.8999, '0.00%', 'fail'],
    ['onTime', 98, undefined, 'fail'],
    ['onTime', 0.98, undefined, 'fail'],
    ['onTime', 0.98, '0.00%', 'fail'],
    ['onTime', '98%', undefined, 'fail'],
    ['onTime', '98,00 %', undefined, 'fail'],
    ['onTime', 98.01, undefined, 'pass'],
    ['onTime', 0.9801, undefined, 'pass'],
    ['onTime', '98,01%', undefined, 'pass'],
    ['onTime', '98.01', undefined, 'pass'],
    ['onTime', 1, undefined, 'pass'],
    ['onTime', 100, undefined, 'pass'],
  ];
  test.each(cases)('%s = %p (format %p) → %s', (field, value, format, expected) => {
    expect(outcomeOf(one(field, value, format), ID[field])).toBe(expected);
  });

  test('0.985 stored with a % format reads as 98.5, not 98.49999…', () => {
    const c = one('onTime', 0.985, '0.0%');
    expect(c.criteria.find((x) => x.id === 'onTime')!.value).toBe(98.5);
  });
});

describe('rates from counts', () => {
  const header = ['STT', 'Tên đơn vị', 'Tổng số hồ sơ', 'Số hồ sơ giải quyết đúng hạn', 'Tỷ lệ hồ sơ đúng hạn (%)', 'Xếp loại PAR Index', 'Chỉ số SIPAS', 'Tỷ lệ hoàn thành nhiệm vụ', 'Sáng kiến', 'Quyết định công nhận'];
  const row = (total: CellValue, done: CellValue, rate: CellValue) => [1, 'Phòng Tư pháp', total, done, rate, 'Tốt', 95, 95, 'SK', 'x'];
  const run = (...r: CellValue[][]) => check(grid(sheet('Tập thể', [header, ...r])));

  test('49/50 = 98% fails "trên 98%"', () => {
    const c = run(row(50, 49, null)).candidates[0];
    expect(outcomeOf(c, 'onTime')).toBe('fail');
    expect(c.criteria.find((x) => x.id === 'onTime')!.value).toBe(98);
  });
  test('4901/5000 = 98.02% passes', () => {
    expect(outcomeOf(run(row(5000, 4901, null)).candidates[0], 'onTime')).toBe('pass');
  });
  test('the rate cell wins over its counts, with a warning when they disagree by more than 0.05', () => {
    const r = run(row(50, 49, 99));
    expect(outcomeOf(r.candidates[0], 'onTime')).toBe('pass');
    expect(r.issues.some((i) => i.code === 'value.rateDisagreesWithCounts' && i.cell === 'E2')).toBe(true);
  });
  test('no warning when rate and counts agree within 0.05', () => {
    const r = run(row(3, 2, 66.7));
    expect(r.issues.some((i) => i.code === 'value.rateDisagreesWithCounts')).toBe(false);
  });
  test('a zero denominator is unknown with the cell named', () => {
    const r = run(row(0, 0, null));
    expect(outcomeOf(r.candidates[0], 'onTime')).toBe('unknown');
    expect(r.issues.find((i) => i.code === 'value.zeroDenominator')?.cell).toBe('C2');
  });
});

describe('unreadable values are unknown, with the cell named', () => {
  const cases: [string, CellValue, string][] = [
    ['a formula error', { error: '#DIV/0!' }, 'value.formulaError'],
    ['#N/A as text', '#N/A', 'value.formulaError'],
    ['a word', 'chưa có', 'value.rateNotNumber'],
    ['over 100%', 101, 'value.rateOutOfRange'],
    ['negative', -5, 'value.rateOutOfRange'],
    ['over 100% as text', '120%', 'value.rateOutOfRange'],
  ];
  test.each(cases)('%s', (_label, value, code) => {
    const r = check(grid(collectives([unitRow(1, 'Phòng Tư pháp', { sipas: value })])));
    expect(outcomeOf(r.candidates[0], 'sipas')).toBe('unknown');
    expect(r.candidates[0].eligible).toBe(false);
    const issue = r.issues.find((i) => i.code === code);
    expect(issue).toMatchObject({ sheet: 'Tập thể', cell: 'E2', severity: 'error' });
  });
  test('a blank indicator is unknown, never a fail', () => {
    const r = check(grid(collectives([unitRow(1, 'Phòng Tư pháp', { sipas: null })])));
    expect(outcomeOf(r.candidates[0], 'sipas')).toBe('unknown');
    expect(r.candidates[0].criteria.find((x) => x.id === 'sipas')!.cell).toBe('E2');
  });
});

describe('profiles with other thresholds', () => {
  const p = (partial: unknown) => {
    const m = mergeProfile(partial);
    if (!m.ok) throw new Error(JSON.stringify(m.problems));
    return m.profile;
  };
  test('58% inclusive on a value stored as 0.58 passes; 57.99% fails', () => {
    const profile = p({ criteria: { sipas: { threshold: 58, inclusive: true } } });
    expect(outcomeOf(one('sipas', 0.58, undefined, profile), 'sipas')).toBe('pass');
    expect(outcomeOf(one('sipas', 0.58, '0%', profile), 'sipas')).toBe('pass');
    expect(outcomeOf(one('sipas', 0.5799, undefined, profile), 'sipas')).toBe('fail');
  });
  test('28% strict on a value stored as 0.28 fails; 0.2801 passes', () => {
    const profile = p({ criteria: { onTime: { threshold: 28, inclusive: false } } });
    expect(outcomeOf(one('onTime', 0.28, undefined, profile), 'onTime')).toBe('fail');
    expect(outcomeOf(one('onTime', 0.2801, undefined, profile), 'onTime')).toBe('pass');
  });
  test.each([0.07, 0.14, 0.29, 0.57, 0.58, 0.59, 0.83])('threshold %p×100 inclusive passes its own value, strict fails it', (f) => {
    const incl = p({ criteria: { sipas: { threshold: f * 100, inclusive: true } } });
    const strict = p({ criteria: { sipas: { threshold: f * 100, inclusive: false } } });
    expect(outcomeOf(one('sipas', f, undefined, incl), 'sipas')).toBe('pass');
    expect(outcomeOf(one('sipas', f, undefined, strict), 'sipas')).toBe('fail');
  });
  test('a disabled criterion is not evaluated', () => {
    const profile = p({ criteria: { taskCompletion: { enabled: false } } });
    const c = one('task', 10, undefined, profile);
    expect(outcomeOf(c, 'taskCompletion')).toBeUndefined();
    expect(c.eligible).toBe(true);
  });
});

describe('ratings', () => {
  const run = (par: CellValue, profile?: Profile) => check(grid(collectives([unitRow(1, 'Phòng Tư pháp', { par })])), { profile }).candidates[0];
  test.each(['Tốt', 'TỐT', 'tốt', 'Tot', 'Loại tốt', 'Xếp loại: Tốt', 'Xuất sắc', 'XUAT SAC', 'To\u0302\u0301t'.normalize('NFD')])('%p passes "Tốt or better"', (v) => {
    expect(outcomeOf(run(v), 'parIndex')).toBe('pass');
  });
  test.each(['Khá', 'Trung bình', 'TB', 'Yếu'])('%p fails', (v) => {
    expect(outcomeOf(run(v), 'parIndex')).toBe('fail');
  });
  test('an unknown word is unknown', () => {
    expect(outcomeOf(run('Hoàn thành'), 'parIndex')).toBe('unknown');
  });
  test('a score alone is unknown without bands, rated with bands', () => {
    const header = ['STT', 'Tên đơn vị', 'Điểm PAR Index', 'Chỉ số SIPAS', 'Tỷ lệ hồ sơ đúng hạn', 'Tỷ lệ hoàn thành nhiệm vụ', 'Sáng kiến', 'Công nhận sáng kiến'];
    const g = grid(sheet('TT', [header, [1, 'Phòng Tư pháp', 85.5, 95, 99, 95, 'SK', 'x']]));
    const plain = check(g).candidates[0];
    expect(outcomeOf(plain, 'parIndex')).toBe('unknown');
    expect(plain.criteria.find((x) => x.id === 'parIndex')!.reason.code).toBe('crit.parScoreNoBands');
    const banded = mergeProfile({ parScoreBands: [{ min: 90, rating: 'Xuất sắc' }, { min: 80, rating: 'Tốt' }, { min: 0, rating: 'Khá' }] });
    if (!banded.ok) throw new Error('profile');
    const c = check(g, { profile: banded.profile }).candidates[0];
    expect(c.criteria.find((x) => x.id === 'parIndex')).toMatchObject({ outcome: 'pass', value: 'Tốt' });
  });
  test('"Khá" passes when the profile asks for Khá', () => {
    const m = mergeProfile({ criteria: { parIndex: { atLeast: 'Khá' } } });
    if (!m.ok) throw new Error('profile');
    expect(outcomeOf(run('Khá', m.profile), 'parIndex')).toBe('pass');
  });
});

describe('initiative and compliance', () => {
  const run = (initiative: CellValue, decision: CellValue) => check(grid(collectives([unitRow(1, 'Phòng Tư pháp', { initiative, decision })]))).candidates[0];
  test.each([
    ['SK', 'x', 'pass'],
    ['SK', 'Có', 'pass'],
    ['SK', '✓', 'pass'],
    ['SK', 'QĐ số 125/QĐ-UBND ngày 10/11/2022', 'pass'],
    ['SK', 'Số 12/QĐ-UBND', 'pass'],
    ['SK', null, 'fail'],
    ['SK', 'Chưa', 'fail'],
    ['SK', '-', 'fail'],
    [null, null, 'fail'],
    ['Không', null, 'fail'],
    ['SK', 'đang chờ', 'unknown'],
  ] as [CellValue, CellValue, string][])('initiative %p / recognition %p → %s', (i, d, expected) => {
    expect(outcomeOf(run(i, d), 'initiative')).toBe(expected);
  });
  test('compliance is checked only when a column exists; "Không" fails', () => {
    const header = [...COLLECTIVE_HEADER, 'Chấp hành chủ trương, chính sách'];
    const r = check(grid(collectives([[...unitRow(1, 'A'), 'Có'], [...unitRow(2, 'B'), 'Không']], header)));
    expect(outcomeOf(r.candidates[0], 'compliance')).toBe('pass');
    expect(outcomeOf(r.candidates[1], 'compliance')).toBe('fail');
    expect(outcomeOf(check(grid(collectives([unitRow(1, 'A')]))).candidates[0], 'compliance')).toBeUndefined();
  });
});
