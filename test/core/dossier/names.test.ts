import { readFileSync } from 'fs';
import * as path from 'path';
import { addressedName, communeIn, grantorLocality, headsUnit, honorific, localityIn, namedAward, spelledOut, titleWithUnit, unitHeader, withPlace } from '../../../src/core/dossier/names';
import { BLANK } from '../../../src/core/dossier/dates';
import { analyzeSample } from '../../support/dossier';
import { readWorkbookFile } from '../../support/readWorkbook';
import { analyze } from '../../../src/core/analyze';

const ROOT = path.resolve(__dirname, '../../..');

describe('names from data', () => {
  it('reads the locality an "UBND <level> <Name>" names, longest level first', () => {
    expect(localityIn('UBND thị xã Ninh Hòa')).toEqual({ level: 'thị xã', name: 'Ninh Hòa' });
    expect(localityIn('Ủy ban nhân dân phường Ninh Hòa')).toEqual({ level: 'phường', name: 'Ninh Hòa' });
    expect(localityIn('Chủ tịch UBND xã Ninh Xuân, Chủ tịch Hội đồng')).toEqual({ level: 'xã', name: 'Ninh Xuân' });
    expect(localityIn('UBND tỉnh Khánh Hòa')).toEqual({ level: 'tỉnh', name: 'Khánh Hòa' });
    expect(localityIn('Phòng Nội vụ')).toBeUndefined();
  });

  it('names the grantor from the facts: never "xã/phường", a blank when no fact names the place', () => {
    const award = { id: 'gk', label: 'Giấy khen của Chủ tịch UBND xã/phường', grantor: 'Chủ tịch UBND xã/phường', quota: { collective: 1, individual: 1 } };
    expect(namedAward(award, { parentBody: 'UBND phường Ninh Hòa' }, BLANK)).toMatchObject({ label: 'Giấy khen của Chủ tịch UBND phường Ninh Hòa', grantor: 'Chủ tịch UBND phường Ninh Hòa' });
    expect(namedAward(award, { decision: { issuingBody: 'Ủy ban nhân dân xã Tân Định' } }, BLANK).label).toBe('Giấy khen của Chủ tịch UBND xã Tân Định');
    const none = namedAward(award, {}, BLANK);
    expect(none.label).toBe(`Giấy khen của Chủ tịch UBND ${BLANK}`);
    expect(none.label).not.toContain('xã/phường');
    // A thị xã grantor takes the thị xã, not a xã the facts also name.
    const tx = { id: 'gk', label: 'Giấy khen của Chủ tịch UBND thị xã', grantor: 'Chủ tịch UBND thị xã', quota: { collective: 1, individual: 1 } };
    expect(grantorLocality(tx, { meeting: { place: 'UBND xã Ninh Xuân' }, parentBody: 'UBND thị xã Ninh Hòa' })).toEqual({ level: 'thị xã', name: 'Ninh Hòa' });
    expect(namedAward(tx, { parentBody: 'UBND thị xã Ninh Hòa' }, BLANK).label).toBe('Giấy khen của Chủ tịch UBND thị xã Ninh Hòa');
    expect(communeIn({ parentBody: 'UBND thị xã Ninh Hòa', plan: { issuer: 'UBND phường Đông Ninh Hòa' } })).toEqual({ level: 'phường', name: 'Đông Ninh Hòa' });
  });

  it('Ông / Bà from Giới tính, nothing when unknown', () => {
    expect(honorific('Nam')).toBe('Ông');
    expect(honorific('nữ')).toBe('Bà');
    expect(honorific('NU')).toBe('Bà');
    expect(honorific('')).toBe('');
    expect(addressedName({ kind: 'individual', name: 'Lê Văn A', facts: {} } as never)).toBe('Lê Văn A');
  });

  it('joins a title and its unit without repeating what they share', () => {
    expect(titleWithUnit('Trưởng phòng', 'Phòng Nội vụ')).toBe('Trưởng phòng Nội vụ');
    expect(titleWithUnit('Phó Trưởng phòng', 'Phòng Tài chính - Kế hoạch')).toBe('Phó Trưởng phòng Tài chính - Kế hoạch');
    expect(titleWithUnit('Chánh Văn phòng', 'Văn phòng HĐND và UBND thị xã')).toBe('Chánh Văn phòng HĐND và UBND thị xã');
    expect(titleWithUnit('Chủ tịch UBND', 'UBND xã Ninh Xuân')).toBe('Chủ tịch UBND xã Ninh Xuân');
    expect(titleWithUnit('Chuyên viên', 'Phòng Tư pháp')).toBe('Chuyên viên Phòng Tư pháp');
    expect(titleWithUnit('Chủ tịch UBND xã Ninh Xuân', 'UBND xã Ninh Xuân')).toBe('Chủ tịch UBND xã Ninh Xuân');
    expect(titleWithUnit('', 'Phòng Nội vụ')).toBe('Phòng Nội vụ');
  });

  it('joins the titles of local government (a corpus) to their units, each as a clerk writes it', () => {
    const corpus: [string, string, string][] = [
      ['Phó Chánh Văn phòng', 'Văn phòng HĐND và UBND', 'Phó Chánh Văn phòng HĐND và UBND'],
      ['Giám đốc', 'Trung tâm Phục vụ hành chính công phường', 'Giám đốc Trung tâm Phục vụ hành chính công phường'],
      ['Phó Giám đốc', 'Trung tâm Y tế thị xã', 'Phó Giám đốc Trung tâm Y tế thị xã'],
      ['Hiệu trưởng', 'Trường Tiểu học Ninh Hiệp', 'Hiệu trưởng Trường Tiểu học Ninh Hiệp'],
      ['Phó Chủ tịch UBND', 'UBND xã Ninh Phụng', 'Phó Chủ tịch UBND xã Ninh Phụng'],
      ['Chủ tịch Ủy ban nhân dân', 'Ủy ban nhân dân xã Ninh Xuân', 'Chủ tịch Ủy ban nhân dân xã Ninh Xuân'],
      ['Chánh Thanh tra', 'Thanh tra thị xã', 'Chánh Thanh tra thị xã'],
      ['Trưởng ban', 'Ban Quản lý dự án', 'Trưởng ban Quản lý dự án'],
      ['Kế toán', 'Phòng Tài chính - Kế hoạch', 'Kế toán Phòng Tài chính - Kế hoạch'],
      ['Công chức Văn phòng - Thống kê', 'UBND phường Ninh Hiệp', 'Công chức Văn phòng - Thống kê UBND phường Ninh Hiệp'],
      ['Phó Trưởng phòng', 'Phòng Văn hóa - Xã hội', 'Phó Trưởng phòng Văn hóa - Xã hội'],
      ['Trưởng phòng', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'Trưởng phòng Kinh tế, Hạ tầng và Đô thị'],
    ];
    for (const [title, unit, joined] of corpus) expect(titleWithUnit(title, unit)).toBe(joined);
  });

  it('every title of both sample workbooks, joined to its unit, says no word twice in a row and keeps the unit\'s own words', async () => {
    const a = await analyzeSample();
    const twoTier = await readWorkbookFile(path.join(ROOT, 'templates', 'mau-xa-phuong-2026.xlsx'));
    if (!twoTier.ok) throw new Error('two-tier sample unreadable');
    const b = analyze(twoTier.grid, { lang: 'vi' });
    const people = [...a.result.candidates, ...b.result.candidates].filter((c) => c.kind === 'individual');
    expect(people.length).toBeGreaterThanOrEqual(20);
    for (const c of people) {
      const unit = c.matchedUnit ?? c.facts.unit!;
      const joined = titleWithUnit(c.facts.position, unit);
      const words = joined.toLocaleLowerCase('vi').split(/\s+/);
      for (let i = 1; i < words.length; i++) expect(`${words[i - 1]} ${words[i]}`).not.toMatch(/^(\S+) \1$/);
      expect(joined.startsWith(c.facts.position!)).toBe(true);
      // "Phòng Nội vụ" → "… Nội vụ": the unit's distinctive words stay.
      expect(joined).toContain(unit.split(/\s+/).slice(-2).join(' '));
      expect(joined).not.toMatch(/phòng,? Phòng|Văn phòng,? Văn phòng|UBND,? UBND/);
    }
  });

  it('completes a body\'s name that stops at the level or the committee with the grantor\'s place', () => {
    const tx = { level: 'thị xã', name: 'Ninh Hòa' } as const;
    const p = { level: 'phường', name: 'Ninh Hòa' } as const;
    expect(withPlace('Văn phòng HĐND và UBND thị xã', tx)).toBe('Văn phòng HĐND và UBND thị xã Ninh Hòa');
    expect(withPlace('Chánh Văn phòng HĐND và UBND thị xã', tx)).toBe('Chánh Văn phòng HĐND và UBND thị xã Ninh Hòa');
    expect(withPlace('Văn phòng HĐND và UBND', p)).toBe('Văn phòng HĐND và UBND phường Ninh Hòa');
    expect(withPlace('Trung tâm Phục vụ hành chính công phường', p)).toBe('Trung tâm Phục vụ hành chính công phường Ninh Hòa');
    // Its own place, another level ("thị xã" is not "xã"), or no place at all: kept.
    expect(withPlace('UBND xã Ninh Xuân', tx)).toBe('UBND xã Ninh Xuân');
    expect(withPlace('Văn phòng HĐND và UBND thị xã', { level: 'xã', name: 'Ninh Xuân' })).toBe('Văn phòng HĐND và UBND thị xã');
    expect(withPlace('Phòng Tư pháp', tx)).toBe('Phòng Tư pháp');
    expect(withPlace('Văn phòng HĐND và UBND thị xã', undefined)).toBe('Văn phòng HĐND và UBND thị xã');
  });

  it('spells out UBND, HĐND in a body\'s own line, never in a symbol', () => {
    expect(spelledOut('Văn phòng HĐND và UBND thị xã')).toBe('Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thị xã');
    expect(spelledOut('Quyết định số 1520/QĐ-UBND')).toBe('Quyết định số 1520/QĐ-UBND');
  });

  it('the Báo cáo header per Nghị định 30/2020: no chủ quản line for a UBND xã/phường; the parent\'s level not repeated', () => {
    expect(unitHeader('UBND xã Ninh Xuân', 'UBND thị xã Ninh Hòa')).toEqual({ parent: '', main: 'Ủy ban nhân dân\nxã Ninh Xuân' });
    expect(unitHeader('UBND phường Ninh Hiệp', 'UBND thị xã Ninh Hòa')).toEqual({ parent: '', main: 'Ủy ban nhân dân\nphường Ninh Hiệp' });
    expect(unitHeader('Phòng Nội vụ', 'UBND thị xã Ninh Hòa')).toEqual({ parent: 'UBND thị xã Ninh Hòa', main: 'Phòng Nội vụ' });
    expect(unitHeader('Văn phòng HĐND và UBND thị xã', 'UBND thị xã Ninh Hòa')).toEqual({ parent: 'UBND thị xã Ninh Hòa', main: 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân' });
  });

  it('a unit head is a head, not a deputy', () => {
    expect(headsUnit('Trưởng phòng')).toBe(true);
    expect(headsUnit('Chánh Văn phòng')).toBe(true);
    expect(headsUnit('Chủ tịch UBND')).toBe(true);
    expect(headsUnit('Phó Trưởng phòng')).toBe(false);
    expect(headsUnit('Phó Chủ tịch UBND')).toBe(false);
    expect(headsUnit('Chuyên viên')).toBe(false);
  });

  it('the shipped sample facts give no amount: Điều 2 comes from the table', () => {
    const facts = JSON.parse(readFileSync(path.join(ROOT, 'templates', 'thong-tin-ho-so-mau.json'), 'utf8'));
    expect(facts.decision.amounts).toBeUndefined();
  });
});
