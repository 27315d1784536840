import { awardKind, competenceCitation, REWARD_TABLE, rewardFor, COMPETENCE_LAWS } from '../../../src/core/dossier/reward';
import { amountInWords } from '../../../src/core/dossier/numbers';

describe('tiền thưởng by law and date (templates/tien-thuong.json)', () => {
  it('2022: Giấy khen of a Chủ tịch UBND cấp huyện is 0,3 × 1.490.000 rounded up to the ten thousand: 450.000 đ, a tập thể 900.000 đ', () => {
    const r = rewardFor('giay-khen', 'district', '2022-12-28');
    expect(r).toMatchObject({ individual: 450000, collective: 900000, missing: [] });
    expect(r.basis).toContain('Nghị định số 91/2017/NĐ-CP');
  });

  it('2022, cấp xã: 0,15 × 1.490.000 = 223.500 → 230.000 đ; a tập thể 0,3 × 1.490.000 = 447.000 → 450.000 đ (never unrounded)', () => {
    const r = rewardFor('giay-khen', 'commune', '2022-06-01');
    expect(r.individual).toBe(230000);
    expect(r.collective).toBe(450000);
  });

  it('a value the table does not confirm stays blank, and the warning names it', () => {
    // 01/7/2025 onwards: NĐ 152/2025's coefficients and the 2024 base salary are unverified.
    const r = rewardFor('giay-khen', 'commune', '2026-12-15');
    expect(r.individual).toBeUndefined();
    expect(r.collective).toBeUndefined();
    expect(r.missing.join('\n')).toContain('Nghị định số 152/2025/NĐ-CP');
    expect(r.missing.join('\n')).toContain('mức lương cơ sở từ 2026-07-01');
    expect(rewardFor('giay-khen', 'commune', '2025-12-15').missing.join('\n')).toContain('Nghị định số 73/2024/NĐ-CP');
    expect(rewardFor('giay-khen', 'district', undefined).missing[0]).toContain('decision.date');
  });

  it('a base salary whose amount is not known stops the table there, even when everything else is confirmed', () => {
    const all = JSON.parse(JSON.stringify(REWARD_TABLE)) as typeof REWARD_TABLE;
    for (const b of all.baseSalary) b.verified = true;
    for (const d of all.decrees) {
      d.rounding.verified = true;
      d.collectiveFactor.verified = true;
      for (const c of d.coefficients) { c.verified = true; c.value = c.value ?? 0.15; c.cite = c.cite || 'Điều 1'; }
    }
    // Before 01/7/2026 the 2024 salary (2.340.000 đ): 0,15 × 2.340.000 = 351.000 → 360.000 đ.
    expect(rewardFor('giay-khen', 'commune', '2026-06-30', all).individual).toBe(360000);
    // From 01/7/2026 the salary is not in the table: blank, never the older one.
    const late = rewardFor('giay-khen', 'commune', '2026-12-15', all);
    expect(late.individual).toBeUndefined();
    expect(late.missing.join('\n')).toContain('mức lương cơ sở từ 2026-07-01');
  });

  it('every value of the table has its source; a verified coefficient has its article', () => {
    for (const s of REWARD_TABLE.baseSalary) {
      if (s.amount !== null) expect(s.source).toMatch(/Nghị định số \d+\/\d{4}\/NĐ-CP.*Điều/);
      else expect(s.verified).toBe(false);
    }
    for (const d of REWARD_TABLE.decrees) {
      expect(d.rounding.source).toContain(d.name.split(' ngày')[0].replace('Nghị định số ', ''));
      for (const c of d.coefficients) {
        expect(c.source.length).toBeGreaterThan(10);
        if (c.verified) expect(c.cite).toMatch(/Điều \d+/);
        else expect(c.value === null || !c.verified).toBe(true);
      }
    }
    // Dated without gaps from NĐ 91/2017 on.
    const ds = [...REWARD_TABLE.decrees].sort((a, b) => (a.from < b.from ? -1 : 1));
    for (let i = 1; i < ds.length; i++) expect(ds[i - 1].to! < ds[i].from).toBe(true);
  });

  it('the award kind from its label', () => {
    expect(awardKind('Giấy khen của Chủ tịch UBND thị xã')).toBe('giay-khen');
    expect(awardKind('Bằng khen của Chủ tịch UBND tỉnh')).toBe('bang-khen');
    expect(awardKind('Chiến sĩ thi đua cơ sở')).toBeUndefined();
  });

  it('the amount in words for the accountant', () => {
    expect(amountInWords(450000)).toBe('Bốn trăm năm mươi nghìn đồng');
    expect(amountInWords(13050000)).toBe('Mười ba triệu không trăm năm mươi nghìn đồng');
    expect(amountInWords(1015000)).toBe('Một triệu không trăm mười lăm nghìn đồng');
    expect(amountInWords(2105000)).toBe('Hai triệu một trăm linh năm nghìn đồng');
    expect(amountInWords(21000)).toBe('Hai mươi mốt nghìn đồng');
  });
});

describe('căn cứ thẩm quyền by date (templates/can-cu-tham-quyen.json)', () => {
  it('2022: the 2015 law as amended in 2019; two-tier: the law of 16/6/2025 (Luật số 72/2025/QH15)', () => {
    expect(competenceCitation('2022-12-28')).toBe('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;');
    expect(competenceCitation('2026-12-15')).toBe('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;');
    expect(competenceCitation('2025-04-01')).toContain('ngày 19 tháng 02 năm 2025');
    expect(competenceCitation(undefined)).toBeUndefined();
    for (const l of COMPETENCE_LAWS) expect(l.source).toMatch(/Luật số \d+\/\d{4}\/QH\d+/);
  });
});
