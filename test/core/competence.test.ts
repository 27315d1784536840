import { outsideReason, reasonText } from '../../src/core/competence';
import { analyze } from '../../src/core/analyze';
import { SAMPLE } from '../support/dossier';
import { readWorkbookFile } from '../support/readWorkbook';

describe('two-tier competence (preset xa-phuong-2026)', () => {
  const ctx = { place: { level: 'phường', name: 'Ninh Hòa' } };
  it('a body of the district level, ended on 01/7/2025, is outside', () => {
    expect(outsideReason('Văn phòng HĐND và UBND thị xã', ctx)).toEqual({ kind: 'district', level: 'thị xã' });
    expect(outsideReason('Phòng Nội vụ', ctx)).toEqual({ kind: 'districtOffice' });
    expect(reasonText({ kind: 'districtOffice' })).toContain('01/7/2025');
    expect(outsideReason('UBND thị trấn Tô Hạp', ctx)).toEqual({ kind: 'district', level: 'thị trấn' });
  });
  it('another commune is outside; the grantor\'s own commune and its offices are within', () => {
    expect(outsideReason('UBND xã Ninh Xuân', ctx)).toEqual({ kind: 'otherCommune', place: 'xã Ninh Xuân' });
    expect(outsideReason('UBND phường Ninh Hòa', ctx)).toBeUndefined();
    expect(outsideReason('Phòng Văn hóa - Xã hội', ctx)).toBeUndefined();
    expect(outsideReason('Phòng Kinh tế, Hạ tầng và Đô thị', ctx)).toBeUndefined();
    expect(outsideReason('Văn phòng HĐND và UBND', ctx)).toBeUndefined();
    expect(outsideReason('Trường Tiểu học Ninh Hòa', ctx)).toBeUndefined();
    // Without the grantor's place, another commune cannot be told.
    expect(outsideReason('UBND xã Ninh Xuân', {})).toBeUndefined();
  });
});

describe('the sample 2022 workbook under the phường preset', () => {
  it('proposes none of the thị xã bodies nor another commune, each flagged with its reason; the 2022 preset is untouched', async () => {
    const read = await readWorkbookFile(SAMPLE);
    if (!read.ok) throw new Error('sample unreadable');
    const a = analyze(read.grid, { lang: 'vi', preset: 'xa-phuong-2026', facts: { parentBody: 'UBND phường Ninh Hòa' } });
    const flagged = a.result.issues.filter((i) => i.code === 'unit.outsideCompetence');
    const names = flagged.map((i) => i.params.name);
    expect(names).toEqual(expect.arrayContaining(['Văn phòng HĐND và UBND thị xã', 'Phòng Nội vụ', 'UBND xã Ninh Xuân', 'UBND phường Ninh Hiệp', 'Huỳnh Văn Lợi']));
    expect(flagged.find((i) => i.params.name === 'UBND xã Ninh Xuân')!.params.reason).toContain('xã Ninh Xuân, không thuộc phạm vi quản lý');
    for (const c of a.result.candidates) if (names.includes(c.name)) expect(c.award).toBeNull();
    const old = analyze(read.grid, { lang: 'vi', facts: { parentBody: 'UBND phường Ninh Hòa' } });
    expect(old.result.issues.some((i) => i.code === 'unit.outsideCompetence')).toBe(false);
    expect(old.result.candidates.filter((c) => c.award).length).toBe(19);
  });
});
