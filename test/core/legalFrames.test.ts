import { frameFor, isoOf, latestFrame, legalFrameSchema, mergeFrames, REPORT_FORMS, type LegalFrame } from '../../src/core/legalFrames';
import { mergeProfile } from '../../src/core/profile';
import { chooseFrame, SHIPPED_FRAMES } from '../../src/core/dossier/legalFrames';

const id = (date: string) => frameFor(date, SHIPPED_FRAMES)?.id;

describe('legal frames: the document date picks the law in force', () => {
  it('ships a valid table whose report forms are exactly the three forms the templates exist for', () => {
    expect(REPORT_FORMS).toEqual(['nd91-2017-mau-07', 'nd98-2023', 'nd152-2025']);
    expect(new Set(SHIPPED_FRAMES.map((f) => f.reportForm))).toEqual(new Set(REPORT_FORMS));
    for (const f of SHIPPED_FRAMES) expect(legalFrameSchema().safeParse(f).success).toBe(true);
  });

  it('switches on the exact days: 31/12/2023, 01/01/2024, 30/6/2025, 01/7/2025, 04/8/2025', () => {
    expect(id('2022-12-20')).toBe('tdkt-2003');
    expect(id('2023-12-31')).toBe('tdkt-2003');
    expect(id('2024-01-01')).toBe('tdkt-2022-nd98');
    expect(id('2025-06-30')).toBe('tdkt-2022-nd98');
    expect(id('2025-07-01')).toBe('tdkt-2022-nd152');
    expect(id('2025-08-03')).toBe('tdkt-2022-nd152');
    expect(id('2025-08-04')).toBe('tdkt-2022-nd152-tt15');
    expect(id('2026-11-28')).toBe('tdkt-2022-nd152-tt15');
    expect(id('20/12/2022')).toBe('tdkt-2003');
    expect(id('1/7/2025')).toBe('tdkt-2022-nd152');
    expect(id('2023-02-30')).toBeUndefined();
    expect(id('hôm nay')).toBeUndefined();
    expect(isoOf('5/1/2024')).toBe('2024-01-05');
  });

  it('cites in each frame only the texts in force, with each title as the law writes it', () => {
    const lines = (date: string) => frameFor(date, SHIPPED_FRAMES)!.citations.toTrinh!.join('\n');
    const y2022 = lines('2022-12-20');
    expect(y2022).toContain('Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003');
    expect(y2022).toContain('ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013');
    expect(y2022).toContain('Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017');
    expect(y2022).not.toMatch(/2022|98\/2023|152\/2025/);
    const y2024 = lines('2024-05-01');
    expect(y2024).toContain('Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;');
    expect(y2024).toContain('Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023');
    expect(y2024).not.toMatch(/91\/2017|152\/2025|2003/);
    const july2025 = lines('2025-07-15');
    expect(july2025).toContain('Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025');
    expect(july2025).not.toMatch(/98\/2023|15\/2025\/TT-BNV/);
    const y2026 = lines('2026-03-01');
    expect(y2026).toContain('Thông tư số 15/2025/TT-BNV ngày 04 tháng 8 năm 2025');
    for (const f of SHIPPED_FRAMES) for (const l of Object.values(f.citations).flat()) {
      expect(l).toBe(l!.normalize('NFC'));
      expect(l).toMatch(/^Căn cứ .+;$/);
    }
  });

  it('lets a profile add a newer frame (it takes over from its first day) or replace one by id', () => {
    const mine: LegalFrame = {
      id: 'tdkt-2026-sua-doi', name: 'Luật sửa đổi (giả định)', from: '2026-07-01', to: null, reportForm: 'nd152-2025',
      citations: { toTrinh: ['Căn cứ Luật giả định;'] },
    };
    const frames = mergeFrames(SHIPPED_FRAMES, [mine]);
    expect(frameFor('2026-06-30', frames)?.id).toBe('tdkt-2022-nd152-tt15');
    expect(frameFor('2026-07-01', frames)?.id).toBe('tdkt-2026-sua-doi');
    expect(latestFrame(frames)?.id).toBe('tdkt-2026-sua-doi');
    const replaced = mergeFrames(SHIPPED_FRAMES, [{ ...SHIPPED_FRAMES[0], citations: { toTrinh: ['Căn cứ X;'] } }]);
    expect(replaced).toHaveLength(SHIPPED_FRAMES.length);
    expect(frameFor('2022-01-01', replaced)?.citations.toTrinh).toEqual(['Căn cứ X;']);
    expect(chooseFrame('2026-08-01', [mine]).frame.id).toBe('tdkt-2026-sua-doi');
  });

  it('without a date uses the preset\'s frame, else the newest', () => {
    expect(chooseFrame(undefined, undefined, 'tdkt-2003')).toMatchObject({ by: 'fallback', frame: { id: 'tdkt-2003' } });
    expect(chooseFrame(undefined)).toMatchObject({ by: 'latest', frame: { id: 'tdkt-2022-nd152-tt15' } });
    expect(chooseFrame('2025-07-02', undefined, 'tdkt-2003')).toMatchObject({ by: 'date', frame: { id: 'tdkt-2022-nd152' } });
  });

  it('validates frames in a profile: bad dates, an unknown form, from after to, a repeated id are refused by path', () => {
    const bad = mergeProfile({
      legalFrames: [
        { id: 'a', name: 'A', from: '2026-02-30', to: null, reportForm: 'nd152-2025', citations: {} },
        { id: 'b', name: 'B', from: '2026-01-01', to: '2025-01-01', reportForm: 'mau-99', citations: {} },
      ],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      const paths = bad.problems.map((p) => p.path);
      expect(paths).toContain('legalFrames.0.from');
      expect(paths).toContain('legalFrames.1.reportForm');
    }
    const order = mergeProfile({ legalFrames: [{ id: 'b', name: 'B', from: '2026-01-01', to: '2025-01-01', reportForm: 'nd98-2023', citations: {} }] });
    expect(order.ok).toBe(false);
    if (!order.ok) expect(order.problems.map((p) => p.path)).toContain('legalFrames.0.to');
    const f = { id: 'c', name: 'C', from: null, to: null, reportForm: 'nd98-2023', citations: {} };
    const dup = mergeProfile({ legalFrames: [f] });
    expect(dup.ok).toBe(true);
    if (dup.ok) {
      const again = mergeProfile({ legalFrames: [f] }, dup.profile);
      expect(again.ok && again.profile.legalFrames).toHaveLength(1);
    }
  });
});
