/** The picture at a glance: counts per kind, quota use, criteria failed most — and their sheet rows. */
import { analyze } from '../../src/core/analyze';
import { overview, overviewRows } from '../../src/core/overview';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { quotaLines } from '../../src/core/summary';
import { COLLECTIVE_HEADER, grid, sheet, unitRow } from './fixtures';

function unitsGrid(rows: ReturnType<typeof unitRow>[]) {
  return grid(sheet('Tập thể', [COLLECTIVE_HEADER, ...rows]));
}

describe('overview', () => {
  it('counts each kind by verdict, with proposed, over quota and tied apart', () => {
    const rows = [
      ...Array.from({ length: 11 }, (_, i) => unitRow(i + 1, `Đơn vị ${i + 1}`, { sipas: 99 - i / 2 })),
      unitRow(12, 'Trượt nhiệm vụ', { task: 50 }),
      unitRow(13, 'Trượt hai', { task: 50, sipas: 10 }),
      unitRow(14, 'Thiếu SIPAS', { sipas: null }),
    ];
    const a = analyze(unitsGrid(rows), { lang: 'vi' });
    const ov = overview(a.result, a.profile);
    const k = ov.kinds.collective;
    expect(k.total).toBe(14);
    expect(k.eligible).toBe(11);
    expect(k.failing).toBe(2);
    expect(k.missing).toBe(1);
    expect(k.eligible + k.failing + k.missing).toBe(k.total);
    expect(k.proposed).toBe(a.result.candidates.filter((c) => c.award).length);
    expect(k.overQuota).toBe(a.result.candidates.filter((c) => c.overQuota).length);
    expect(k.proposed).toBe(10);
    expect(k.overQuota + k.tied).toBe(1);
    expect(ov.kinds.individual.total).toBe(0);
    // Criteria failed most: task completion twice, then SIPAS once failed; SIPAS also once unknown.
    expect(ov.failing.map((x) => [x.id, x.fail, x.unknown])).toEqual([
      ['taskCompletion', 2, 0],
      ['sipas', 1, 1],
    ]);
  });

  it('tells an award without a quota from a result of 0/0', () => {
    const a = analyze(unitsGrid([unitRow(1, 'A')]), { lang: 'vi' });
    const ov = overview(a.result, a.profile);
    const tinh = ov.awards.filter((x) => x.awardId === 'bang-khen-tinh');
    expect(tinh.map((x) => x.quotaSet)).toEqual([false, false]);
    const giayKhen = ov.awards.filter((x) => x.awardId !== 'bang-khen-tinh');
    expect(giayKhen.every((x) => x.quotaSet)).toBe(true);
    const lines = quotaLines(a.result, a.profile, 'vi');
    expect(lines.find((l) => l.startsWith('Bằng khen'))).toBe('Bằng khen: chưa đặt chỉ tiêu');
    expect(lines.find((l) => l.startsWith('Giấy khen'))).toBe('Giấy khen: 1/10 tập thể, 0/10 cá nhân');
    expect(quotaLines(a.result, a.profile, 'en').find((l) => l.startsWith('Bằng khen'))).toBe('Bằng khen: no quota set');
    // One kind without a quota is named.
    const profile = { ...DEFAULT_PROFILE, awards: DEFAULT_PROFILE.awards.map((w) => (w.id === 'bang-khen-tinh' ? { ...w, quota: { collective: 2, individual: 0 } } : w)) };
    const b = analyze(unitsGrid([unitRow(1, 'A')]), { lang: 'vi', profile });
    expect(quotaLines(b.result, profile, 'vi').find((l) => l.startsWith('Bằng khen'))).toBe('Bằng khen: 1/2 tập thể, chưa đặt chỉ tiêu cá nhân');
  });

  it('gives the result sheet its rows and the chart its range', () => {
    const a = analyze(unitsGrid([unitRow(1, 'A'), unitRow(2, 'B', { task: 10 })]), { lang: 'vi' });
    const block = overviewRows(overview(a.result, a.profile), 'vi');
    expect(block.rows[0]).toEqual(['TỔNG QUAN', 'Tập thể', 'Cá nhân']);
    expect(block.rows).toContainEqual(['Đạt tiêu chí', 1, 0]);
    expect(block.rows).toContainEqual(['Không đạt', 1, 0]);
    expect(block.rows).toContainEqual(['Bằng khen', 'chưa đặt chỉ tiêu', 'chưa đặt chỉ tiêu']);
    expect(block.criteriaRows).not.toBeNull();
    const { header, first, last } = block.criteriaRows!;
    expect(block.rows[header]).toEqual(['Tiêu chí không đạt nhiều nhất', 'Không đạt', 'Thiếu dữ liệu']);
    expect(block.rows.slice(first, last + 1)).toEqual([['Tỷ lệ hoàn thành nhiệm vụ CCHC', 1, 0]].map((r) => [expect.any(String), r[1], r[2]]));
    // Below the table it starts in the name column, wide enough for its labels.
    expect(a.plan.resultSheet.overview).toEqual({ ...block, col: 2 });
    // Nothing failed: a sentence, no chart range.
    const clean = analyze(unitsGrid([unitRow(1, 'A')]), { lang: 'en' });
    const none = overviewRows(overview(clean.result, clean.profile), 'en');
    expect(none.criteriaRows).toBeNull();
    expect(none.rows[none.rows.length - 1]).toEqual(['No criterion was failed.']);
  });
});
