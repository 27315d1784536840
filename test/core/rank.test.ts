/** Ranking and quotas: quotas, pins, ties at the cut, over quota, both kinds. */
import { check } from '../../src/core/check';
import type { CellValue } from '../../src/core/grid';
import { mergeProfile, type Profile } from '../../src/core/profile';
import type { CheckResult } from '../../src/core/result';
import { COLLECTIVE_HEADER, collectives, grid, sheet, unitRow } from './fixtures';

const HEADER = [...COLLECTIVE_HEADER, 'Hình thức đề nghị'];

function profileWith(partial: unknown): Profile {
  const m = mergeProfile(partial);
  if (!m.ok) throw new Error(JSON.stringify(m.problems));
  return m.profile;
}

/** n eligible units; unit i has SIPAS 99 - i/2 (so their order is known). */
function units(n: number, tweak: (i: number) => Partial<Record<'sipas' | 'onTime' | 'pin', CellValue>> = () => ({})): CellValue[][] {
  return Array.from({ length: n }, (_, i) => {
    const t = tweak(i);
    const row = unitRow(i + 1, `Đơn vị ${String(i + 1).padStart(2, '0')}`, { sipas: t.sipas ?? 99 - i / 2, onTime: t.onTime ?? 99 });
    return [...row, t.pin ?? null];
  });
}

const byName = (r: CheckResult, name: string) => r.candidates.find((c) => c.name === name)!;

test('the Giấy khen quota of 10 collectives: 10 proposed, the rest over quota', () => {
  const r = check(grid(collectives(units(12), HEADER)));
  const proposed = r.candidates.filter((c) => c.award === 'giay-khen-thi-xa');
  expect(proposed.map((c) => c.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(byName(r, 'Đơn vị 11')).toMatchObject({ rank: 11, award: null, overQuota: true, tiedAtCutoff: false });
  expect(byName(r, 'Đơn vị 12').overQuota).toBe(true);
  expect(r.quotas.find((q) => q.awardId === 'giay-khen-thi-xa' && q.kind === 'collective')).toMatchObject({ used: 10, quota: 10, overflow: 0 });
});

test('the higher award is filled first from the top', () => {
  const profile = profileWith({ awards: [{ id: 'bang-khen-tinh', quota: { collective: 2 } }] });
  const r = check(grid(collectives(units(13), HEADER)), { profile });
  expect(r.candidates.slice(0, 2).map((c) => c.award)).toEqual(['bang-khen-tinh', 'bang-khen-tinh']);
  expect(r.candidates.slice(2, 12).every((c) => c.award === 'giay-khen-thi-xa')).toBe(true);
  expect(r.candidates[12].overQuota).toBe(true);
});

test('a tie straddling the cut: all tied reported, none awarded, those below over quota', () => {
  // Units 9, 10 and 11 tie (same values on every key) for the last 2 places.
  const r = check(grid(collectives(units(13, (i) => (i >= 8 && i <= 10 ? { sipas: 91 } : i > 10 ? { sipas: 90 } : {})), HEADER)));
  for (const n of ['Đơn vị 09', 'Đơn vị 10', 'Đơn vị 11']) expect(byName(r, n)).toMatchObject({ rank: 9, award: null, tiedAtCutoff: true, overQuota: false });
  expect(byName(r, 'Đơn vị 12')).toMatchObject({ award: null, overQuota: true, tiedAtCutoff: false });
  expect(r.ties).toEqual([{ kind: 'collective', awardId: 'giay-khen-thi-xa', rank: 9, places: 2, names: ['Đơn vị 09', 'Đơn vị 10', 'Đơn vị 11'] }]);
  expect(r.candidates.filter((c) => c.award).length).toBe(8);
  expect(r.issues.filter((i) => i.code === 'rank.tiedAtCutoff')).toHaveLength(3);
});

test('a tie that fits inside the quota is no problem', () => {
  const r = check(grid(collectives(units(5, (i) => (i < 3 ? { sipas: 99.5 } : {})), HEADER)));
  expect(r.candidates.slice(0, 3).map((c) => c.rank)).toEqual([1, 1, 1]);
  expect(r.candidates.every((c) => c.award === 'giay-khen-thi-xa')).toBe(true);
  expect(r.ties).toEqual([]);
});

test('a tie is never broken by name or row order: reversing the rows changes nothing', () => {
  const rows = units(12, (i) => (i >= 9 ? { sipas: 80.5 + 10 } : {}));
  const a = check(grid(collectives(rows, HEADER)));
  const b = check(grid(collectives([...rows].reverse(), HEADER)));
  const view = (r: CheckResult) => r.candidates.map((c) => [c.name, c.rank, c.award, c.tiedAtCutoff]).sort();
  expect(view(a)).toEqual(view(b));
});

test('later keys break what earlier keys leave equal', () => {
  const r = check(grid(collectives(units(11, (i) => ({ sipas: 95, onTime: 99.5 - i / 10 })), HEADER)));
  expect(r.candidates.map((c) => c.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  expect(r.ties).toEqual([]);
});

test('pins from "Hình thức đề nghị" take their award and count against its quota', () => {
  const profile = profileWith({ awards: [{ id: 'bang-khen-tinh', quota: { collective: 1 } }] });
  const r = check(grid(collectives(units(12, (i) => (i === 11 ? { pin: 'Bằng khen của Chủ tịch UBND tỉnh' } : i === 10 ? { pin: 'Giấy khen' } : {})), HEADER)), { profile });
  expect(byName(r, 'Đơn vị 12').award).toBe('bang-khen-tinh');
  expect(byName(r, 'Đơn vị 11').award).toBe('giay-khen-thi-xa');
  expect(byName(r, 'Đơn vị 01').award).toBe('giay-khen-thi-xa');
  // 1 place of Giấy khen went to the pin: units 01..09 fill the other 9, unit 10 is over quota.
  expect(byName(r, 'Đơn vị 10').overQuota).toBe(true);
  expect(r.candidates.filter((c) => c.award === 'giay-khen-thi-xa')).toHaveLength(10);
});

test('pins over the quota are reported, not hidden', () => {
  const profile = profileWith({ awards: [{ id: 'giay-khen-thi-xa', quota: { collective: 2 } }] });
  const r = check(grid(collectives(units(3, () => ({ pin: 'Giấy khen' })), HEADER)), { profile });
  expect(r.quotas.find((q) => q.awardId === 'giay-khen-thi-xa' && q.kind === 'collective')).toMatchObject({ used: 3, quota: 2, overflow: 1 });
  expect(r.issues.some((i) => i.code === 'award.pinOverflow')).toBe(true);
});

test('an ineligible candidate is never proposed, even when pinned', () => {
  const rows = units(2, (i) => (i === 1 ? { pin: 'Giấy khen', onTime: 98 } : {}));
  const r = check(grid(collectives(rows, HEADER)));
  expect(byName(r, 'Đơn vị 02')).toMatchObject({ eligible: false, rank: null, award: null });
  expect(r.issues.some((i) => i.code === 'award.pinNotEligible')).toBe(true);
});

test('a duplicated name: an error on both rows, neither proposed', () => {
  const rows = units(3);
  rows[2][1] = ' đơn vị  01 ';
  const r = check(grid(collectives(rows, HEADER)));
  const dups = r.candidates.filter((c) => c.duplicate);
  expect(dups.map((c) => c.row)).toEqual([2, 4]);
  expect(dups.every((c) => c.award === null && c.rank === null)).toBe(true);
  expect(r.issues.filter((i) => i.code === 'row.duplicateName').map((i) => i.cell)).toEqual(['B2', 'B4']);
  expect(byName(r, 'Đơn vị 02').rank).toBe(1);
});

test('one name on many rows: each message names five other rows and how many more, so its size does not grow with the group', () => {
  const rows = units(9).map((r) => { r[1] = 'Đơn vị trùng'; return r; });
  const r = check(grid(collectives(rows, HEADER)));
  const dups = r.issues.filter((i) => i.code === 'row.duplicateName');
  expect(dups).toHaveLength(9);
  expect(dups[0].params).toMatchObject({ rows: '3, 4, 5, 6, 7, … (+3)' });
  expect(dups[2].params).toMatchObject({ rows: '2, 3, 5, 6, 7, … (+3)' });
  expect(dups[8].params).toMatchObject({ rows: '2, 3, 4, 5, 6, … (+3)' });
});

test('individuals are ranked separately, on their (inherited) unit values', () => {
  const ind = sheet('Cá nhân', [
    ['TT', 'Họ và tên', 'Chức vụ', 'Đơn vị công tác', 'Sáng kiến', 'Công nhận sáng kiến'],
    ...Array.from({ length: 12 }, (_, i) => [i + 1, `Người ${i + 1}`, 'Chuyên viên', `Đơn vị ${String(i + 1).padStart(2, '0')}`, 'SK', 'x']),
  ]);
  const r = check(grid(collectives(units(12), HEADER), ind));
  const people = r.candidates.filter((c) => c.kind === 'individual');
  expect(people.filter((c) => c.award).length).toBe(10);
  expect(people.find((c) => c.name === 'Người 1')!.rank).toBe(1);
  expect(people.find((c) => c.name === 'Người 11')!.overQuota).toBe(true);
  expect(r.quotas.find((q) => q.kind === 'individual' && q.awardId === 'giay-khen-thi-xa')!.used).toBe(10);
});

test('vote share is the first key when votes are known, and a criterion with a threshold', () => {
  const header = [...COLLECTIVE_HEADER, 'Số phiếu đồng ý', 'Tổng số phiếu'];
  const rows = [
    [...unitRow(1, 'A', { sipas: 99 }), 7, 10],
    [...unitRow(2, 'B', { sipas: 91 }), 10, 10],
    [...unitRow(3, 'C', { sipas: 95 }), 6, 10],
  ];
  const profile = profileWith({ voteThreshold: 70 });
  const r = check(grid(collectives(rows, header)), { profile });
  expect(byName(r, 'B').rank).toBe(1);
  expect(byName(r, 'A').rank).toBe(2);
  expect(byName(r, 'C').criteria.find((x) => x.id === 'votes')).toMatchObject({ outcome: 'fail', value: 60 });
  expect(byName(r, 'A').criteria.find((x) => x.id === 'votes')!.outcome).toBe('pass');
  // Without a vote threshold, votes rank (first key, criteria.md "Votes") but are no criterion.
  const plain = check(grid(collectives(rows, header)));
  expect(byName(plain, 'C').criteria.some((x) => x.id === 'votes')).toBe(false);
  expect(['B', 'A', 'C'].map((n) => byName(plain, n).rank)).toEqual([1, 2, 3]);
  expect(byName(plain, 'C').facts.voteShare).toBe(60);
  // Votes without a total (and no meeting): no share, the next keys rank.
  const noTotal = check(grid(collectives(rows.map((r) => r.slice(0, -1)), header.slice(0, -1))));
  expect(['A', 'C', 'B'].map((n) => byName(noTotal, n).rank)).toEqual([1, 2, 3]);
  expect(byName(noTotal, 'A').facts.voteShare).toBeUndefined();
});
