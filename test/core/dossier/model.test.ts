import { DEFAULT_PROFILE, mergeProfile } from '../../../src/core/profile';
import type { Candidate, CheckResult } from '../../../src/core/result';
import { BLANK } from '../../../src/core/dossier/dates';
import { missingFacts, parseFacts } from '../../../src/core/dossier/facts';
import { dossierFileNames, slug } from '../../../src/core/dossier/fileNames';
import { buildDossier, countsText, headerLines } from '../../../src/core/dossier/model';
import { achievementSummary, figure, recognitionText } from '../../../src/core/dossier/wording';
import { analyzeSample, sampleFacts } from '../../support/dossier';

function docData(model: ReturnType<typeof buildDossier>, template: string, i = 0): Record<string, any> {
  return model.documents.filter((d) => d.template === template)[i].data as Record<string, any>;
}

describe('dossier model on the sample workbook', () => {
  it('has one Tờ trình per award with proposed candidates, one Biên bản, one report per proposed candidate', async () => {
    const a = await analyzeSample();
    const model = buildDossier(a.result, a.profile, sampleFacts());
    const proposed = a.result.candidates.filter((c) => c.award);
    expect(proposed.length).toBe(19);
    expect(model.documents.map((d) => d.template).filter((t) => t === 'toTrinh')).toHaveLength(1);
    expect(model.documents.filter((d) => d.template === 'bienBan')).toHaveLength(1);
    expect(model.documents.filter((d) => d.template === 'baoCao')).toHaveLength(19);
    expect(model.documents[0].path).toBe('01-to-trinh-giay-khen-thi-xa.docx');
    expect(model.documents[1].path).toBe('02-bien-ban-hop-xet.docx');
    expect(model.documents[2].path).toBe('03-bao-cao-thanh-tich/01-van-phong-hdnd-va-ubnd-thi-xa.docx');
    for (const d of model.documents) expect(d.path).toMatch(/^[a-z0-9./-]+$/);
    expect(model.proposed).toEqual([{ awardId: 'giay-khen-thi-xa', label: 'Giấy khen của Chủ tịch UBND thị xã Ninh Hòa', collective: 10, individual: 9 }]);
  });

  it('puts only proposed candidates in the Tờ trình, by rank, with counts, dates and figures in Vietnamese style', async () => {
    const a = await analyzeSample();
    const model = buildDossier(a.result, a.profile, sampleFacts());
    const t = docData(model, 'toTrinh');
    const expected = a.result.candidates.filter((c) => c.award === 'giay-khen-thi-xa' && c.kind === 'collective').sort((x, y) => x.rank! - y.rank!);
    expect(t.collectives.map((c: { name: string }) => c.name)).toEqual(expected.map((c) => c.name));
    const all = [...t.collectives, ...t.individuals].map((c: { name: string }) => c.name);
    expect(all).not.toContain('UBND xã Ninh Bình'); // eligible, rank 11: over quota
    expect(all).not.toContain('Phòng Kinh tế'); // fails taskCompletion
    expect(t.counts).toBe('10 tập thể và 9 cá nhân');
    expect(t.proposal).toContain('đề nghị tặng Giấy khen của Chủ tịch UBND thị xã Ninh Hòa cho 10 tập thể và 9 cá nhân');
    expect(t.placeDate).toBe('Ninh Hòa, ngày 20 tháng 12 năm 2022');
    expect(t.number).toBe('Số: 245/TTr-NV');
    expect(t.collectives[0].summary).toMatch(/^Hoàn thành 98,5% nhiệm vụ/);
    expect(t.collectives[0].summary).toContain('Chỉ số SIPAS đạt 96,4%');
    expect(t.collectives[0].summary).toContain('(QĐ số 1523/QĐ-UBND ngày 15 tháng 11 năm 2022)');
    expect(t.individuals.find((i: { name: string }) => i.name === 'Bà Nguyễn Thị Thu Hà').details).toBe('Trưởng phòng Nội vụ');
    expect(JSON.stringify(model)).not.toMatch(/undefined|NaN|null/);
  });

  it('records the meeting: attendance, votes with decimal comma, over-quota candidates, criteria from the profile', async () => {
    // The share counts over the council's total membership (11), as the decrees do; the Biên bản says so.
    const a = await analyzeSample(11);
    const model = buildDossier(a.result, a.profile, sampleFacts());
    const b = docData(model, 'bienBan');
    expect(b.placeDate).toBe('Ninh Hòa, ngày 15 tháng 12 năm 2022');
    expect(b.attendance).toBe('Có mặt 9/11 thành viên Hội đồng; vắng: Ông Phạm Văn Đức (có lý do); Bà Nguyễn Thị Lan (đi công tác). Tỷ lệ phiếu đồng ý tính trên tổng số thành viên Hội đồng (11 thành viên).');
    const tuPhap = b.votes.find((v: { name: string }) => v.name === 'Phòng Tư pháp');
    expect(tuPhap).toMatchObject({ agree: '8', total: '11', share: '72,7%' });
    expect(b.votes[0]).toMatchObject({ name: 'Văn phòng HĐND và UBND thị xã', agree: '9', total: '11', share: '81,8%' });
    expect(b.overQuotaText).toContain('UBND xã Ninh Bình');
    expect(b.criteriaCollective.map((l: { text: string }) => l.text)).toContain('- Hoàn thành trên 90% nhiệm vụ, mục tiêu cải cách hành chính;');
    expect(b.criteriaCollective.map((l: { text: string }) => l.text)).toContain('- Chỉ số SIPAS đạt từ 90% trở lên;');
    expect(b.awards[0].heading).toBe('1. Đề nghị tặng Giấy khen của Chủ tịch UBND thị xã Ninh Hòa cho 10 tập thể và 9 cá nhân:');
  });

  it('prints every missing fact as the dotted blank, never invented', async () => {
    const a = await analyzeSample();
    const model = buildDossier(a.result, a.profile, {});
    const t = docData(model, 'toTrinh');
    expect(t.number).toBe(`Số: ${BLANK}/${BLANK}`);
    expect(t.placeDate).toBe(`${BLANK}, ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`);
    expect(t.signerName).toBe(BLANK);
    const b = docData(model, 'bienBan');
    expect(b.time).toBe(`Vào lúc ${BLANK}, ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`);
    expect(b.chairName).toBe(BLANK);
    expect(b.votes.every((v: { share: string }) => v.share === BLANK)).toBe(true);
    expect(JSON.stringify(model)).not.toMatch(/undefined|NaN/);
    expect(missingFacts({})).toContain('meeting.chair');
    expect(missingFacts(sampleFacts())).toEqual([]);
  });

  it('follows the profile: a changed threshold changes the documents', async () => {
    const a = await analyzeSample();
    const merged = mergeProfile({ criteria: { sipas: { threshold: 85, inclusive: false } } });
    if (!merged.ok) throw new Error('profile');
    const profile = merged.profile;
    const model = buildDossier(a.result, profile, {});
    // Undated: the frame in force now, whose report is the NĐ 152/2025 form.
    expect(model.frame.reportForm).toBe('nd152-2025');
    expect(docData(model, 'bienBan').criteriaCollective.map((l: { text: string }) => l.text)).toContain('- Chỉ số SIPAS đạt trên 85%;');
    const report = docData(model, 'baoCaoNd152');
    expect(report.indicators.find((i: { label: string }) => i.label.startsWith('Chỉ số SIPAS')).target).toBe('trên 85%');
  });

  it('fills Mẫu 07 for a tập thể and for a cá nhân', async () => {
    const a = await analyzeSample();
    const model = buildDossier(a.result, a.profile, sampleFacts());
    const reports = model.documents.filter((d) => d.template === 'baoCao').map((d) => d.data as Record<string, any>);
    const unit = reports.find((r) => r.name === 'Phòng Tư pháp')!;
    expect(unit).toMatchObject({ isCollective: true, isIndividual: false, unitName: 'PHÒNG TƯ PHÁP', parentBody: 'UBND THỊ XÃ NINH HÒA' });
    expect(unit.awardTitle).toBe('ĐỀ NGHỊ TẶNG GIẤY KHEN\nCỦA CHỦ TỊCH UBND THỊ XÃ NINH HÒA');
    expect(unit.movement).toBe('(Thành tích trong phong trào thi đua “Đẩy mạnh công tác cải cách hành chính trên địa bàn thị xã Ninh Hòa” năm 2022)');
    const person = reports.find((r) => r.name === 'Nguyễn Thị Thu Hà')!;
    expect(person).toMatchObject({ isIndividual: true, position: 'Trưởng phòng', unit: 'Phòng Nội vụ', birthYear: '1982', gender: 'Nữ', reporterName: 'Nguyễn Thị Thu Hà' });
    expect(person.indicators.map((i: { result: string }) => i.result)).toEqual(['Xuất sắc', '95,8%', '99,7%']);
    const noAchievement = reports.find((r) => r.name === 'Phan Văn Thành')!;
    expect(noAchievement.achievement).toBe(BLANK);
  });
});

function candidate(name: string, over: Partial<Candidate> = {}): Candidate {
  return {
    kind: 'collective', name, sheet: 'Tập thể', row: 5, nameCell: 'B5', facts: {}, criteria: [], eligible: true, pinnedAward: null,
    duplicate: false, rank: 1, award: 'giay-khen-thi-xa', overQuota: false, tiedAtCutoff: false, ...over,
  };
}

describe('dossier model on constructed results', () => {
  const base: CheckResult = { profileName: 'x', tables: [], candidates: [], issues: [], quotas: [], ties: [] };

  it('never breaks a tie silently: the tied stay out of the Tờ trình and the Biên bản asks the council', () => {
    const result: CheckResult = {
      ...base,
      candidates: [
        candidate('A', { rank: 1 }),
        candidate('B', { rank: 2, award: null, overQuota: true, tiedAtCutoff: true }),
        candidate('C', { rank: 2, award: null, overQuota: true, tiedAtCutoff: true }),
      ],
      ties: [{ kind: 'collective', awardId: 'giay-khen-thi-xa', rank: 2, places: 1, names: ['B', 'C'] }],
    };
    const model = buildDossier(result, DEFAULT_PROFILE, {});
    const t = model.documents[0].data as Record<string, any>;
    expect(t.collectives.map((c: { name: string }) => c.name)).toEqual(['A']);
    expect(model.warnings.join('\n')).toContain('B, C');
    expect((model.documents[1].data as Record<string, any>).tiesText).toContain('B, C (bằng nhau tại hạng 2, còn 1 suất)');
  });

  it('writes one Tờ trình per award, the higher award first, and the award in the report title', () => {
    const result: CheckResult = {
      ...base,
      candidates: [candidate('A', { award: 'bang-khen-tinh', pinnedAward: 'bang-khen-tinh' }), candidate('B', { rank: 2 }), candidate('C', { kind: 'individual', rank: 1 })],
    };
    const model = buildDossier(result, DEFAULT_PROFILE, {});
    expect(model.documents.map((d) => d.path)).toEqual([
      '01-to-trinh-bang-khen-tinh.docx',
      '01-to-trinh-giay-khen-thi-xa.docx',
      '02-bien-ban-hop-xet.docx',
      '03-bao-cao-thanh-tich/01-a.docx',
      '03-bao-cao-thanh-tich/02-b.docx',
      '03-bao-cao-thanh-tich/03-c.docx',
    ]);
    expect((model.documents[0].data as Record<string, any>).counts).toBe('1 tập thể');
    expect((model.documents[1].data as Record<string, any>).counts).toBe('1 tập thể và 1 cá nhân');
    expect((model.documents[3].data as Record<string, any>).awardTitle).toBe('ĐỀ NGHỊ TẶNG BẰNG KHEN\nCỦA CHỦ TỊCH UBND TỈNH');
    expect((model.documents[2].data as Record<string, any>).awards.map((a: { heading: string }) => a.heading)).toEqual([
      '1. Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho 1 tập thể:',
      '2. Đề nghị tặng Giấy khen của Chủ tịch UBND thị xã cho 1 tập thể và 1 cá nhân:',
    ]);
  });

  it('an award can have its own issuing body, signer, addressee and number', () => {
    const result: CheckResult = { ...base, candidates: [candidate('A', { award: 'bang-khen-tinh' }), candidate('B', { rank: 2 })] };
    const facts = {
      issuingBody: 'Phòng Nội vụ', issuingBodyShort: 'NV', addressees: ['Chủ tịch UBND thị xã'], numbers: { toTrinh: 7 },
      awards: { 'bang-khen-tinh': { issuingBody: 'Ủy ban nhân dân thị xã Ninh Hòa', symbol: 'TTr-UBND', number: 12, addressees: ['UBND tỉnh Khánh Hòa'], signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'Chủ tịch', name: 'Nguyễn Vĩnh Thạnh' } } },
    };
    expect(parseFacts(facts, 'facts').ok).toBe(true);
    const model = buildDossier(result, DEFAULT_PROFILE, facts);
    const [bk, gk] = model.documents.map((d) => d.data as Record<string, any>);
    expect(bk).toMatchObject({ issuingBody: 'ỦY BAN NHÂN DÂN\nTHỊ XÃ NINH HÒA', number: 'Số: 12/TTr-UBND', addressee: 'UBND tỉnh Khánh Hòa', signerAuthority: 'TM. ỦY BAN NHÂN DÂN', signerTitle: 'CHỦ TỊCH' });
    expect(gk).toMatchObject({ issuingBody: 'PHÒNG NỘI VỤ', number: 'Số: 07/TTr-NV', addressee: 'Chủ tịch UBND thị xã' });
  });

  it('with nobody proposed, writes the Biên bản only and says so', () => {
    const model = buildDossier({ ...base, candidates: [candidate('A', { eligible: false, rank: null, award: null })] }, DEFAULT_PROFILE, {});
    expect(model.documents.map((d) => d.template)).toEqual(['bienBan']);
    expect(model.warnings.join()).toContain('chỉ lập Biên bản');
    const en = buildDossier({ ...base, candidates: [candidate('A', { eligible: false, rank: null, award: null })] }, DEFAULT_PROFILE, {}, 'en');
    expect(en.warnings).toEqual(['No collective or individual is proposed: only the Biên bản is written.']);
  });

  it('prefers the workbook vote columns over the meeting facts', () => {
    const c = candidate('A', { facts: { votesAgree: 7, votesTotal: 10 } });
    const model = buildDossier({ ...base, candidates: [c] }, DEFAULT_PROFILE, { meeting: { votes: [{ candidate: 'A', agree: 9, total: 9 }] } });
    expect((model.documents[1].data as Record<string, any>).votes[0]).toMatchObject({ agree: '7', total: '10', share: '70%' });
  });

  it('keeps workbook text as data: braces, markup and quotes are plain strings', () => {
    const name = 'Phòng {x} <b>&"Q"</b>';
    const model = buildDossier({ ...base, candidates: [candidate(name)] }, DEFAULT_PROFILE, {});
    expect((model.documents[0].data as Record<string, any>).collectives[0].name).toBe(name);
  });
});

describe('wording and names', () => {
  it('prints a decision reference as written and a bare mark as "recognised"', () => {
    expect(recognitionText('QĐ số 1523/QĐ-UBND ngày 15/11/2022')).toBe('QĐ số 1523/QĐ-UBND ngày 15/11/2022');
    expect(recognitionText('x')).toBe('đã được cấp có thẩm quyền công nhận');
    expect(recognitionText(undefined)).toBe('');
  });
  it('breaks a long body name into two balanced header lines', () => {
    expect(headerLines('PHÒNG NỘI VỤ')).toBe('PHÒNG NỘI VỤ');
    expect(headerLines('HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG')).toBe('HỘI ĐỒNG THI ĐUA -\nKHEN THƯỞNG');
    expect(headerLines('VĂN PHÒNG HĐND VÀ UBND THỊ XÃ')).toBe('VĂN PHÒNG HĐND\nVÀ UBND THỊ XÃ');
    // Spelled out (Nghị định 30/2020), too long for two lines: never broken inside "HỘI ĐỒNG NHÂN DÂN", "ỦY BAN NHÂN DÂN".
    expect(headerLines('VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN VÀ ỦY BAN NHÂN DÂN')).toBe('VĂN PHÒNG\nHỘI ĐỒNG NHÂN DÂN VÀ\nỦY BAN NHÂN DÂN');
  });
  it('counts', () => {
    expect(countsText(10, 8)).toBe('10 tập thể và 8 cá nhân');
    expect(countsText(3, 0)).toBe('3 tập thể');
    expect(countsText(0, 2)).toBe('2 cá nhân');
  });
  it('never shows a value that beat a strict threshold as equal to it', () => {
    expect(figure(99.2)).toBe('99,2%');
    expect(figure(98.04, 98)).toBe('98,04%');
    expect(figure(98, 98)).toBe('98%');
    expect(figure(90.001, 90)).toBe('90,001%');
  });
  it('summarises only the criteria met', () => {
    const c = candidate('A', {
      criteria: [
        { id: 'sipas', outcome: 'pass', value: 93.1, sheet: 's', cell: 'A1', inherited: false, reason: { code: 'crit.blank', params: {} } },
        { id: 'onTime', outcome: 'fail', value: 97, sheet: 's', cell: 'A1', inherited: false, reason: { code: 'crit.blank', params: {} } },
      ],
    });
    expect(achievementSummary(c, DEFAULT_PROFILE)).toBe('Chỉ số SIPAS đạt 93,1%.');
  });
  it('folds file names to ASCII and keeps colliding names apart', () => {
    expect(slug('Phòng Tài nguyên & Môi trường')).toBe('phong-tai-nguyen-moi-truong');
    expect(slug('Đặng Thị Ánh')).toBe('dang-thi-anh');
    expect(slug('???')).toBe('khong-ten');
    const names = dossierFileNames(['giay-khen-thi-xa'], ['Lê Văn A', 'Le Van A']);
    expect(names.reports).toEqual(['03-bao-cao-thanh-tich/01-le-van-a.docx', '03-bao-cao-thanh-tich/02-le-van-a.docx']);
  });
  it('validates facts with the problems by path', () => {
    const bad = parseFacts({ date: '2022-02-30', meeting: { membersPresent: '9' }, nope: 1 }, 'facts', 'vi');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.path).sort()).toEqual(['date', 'meeting.membersPresent', 'nope']);
    const meeting = parseFacts({ chair: 'A', membersPresent: 9 }, 'meeting');
    expect(meeting).toEqual({ ok: true, facts: { meeting: { chair: 'A', membersPresent: 9 } } });
    expect(parseFacts({ date: '20/12/2022' }, 'facts').ok).toBe(true);
  });
});

describe('dossier model: the law in force on the document date', () => {
  it('the sample 2022 Tờ trình cites the 2003 law as amended and NĐ 91/2017, never the 2022 law', async () => {
    const a = await analyzeSample();
    const model = buildDossier(a.result, a.profile, sampleFacts());
    expect(model.frame).toMatchObject({ id: 'tdkt-2003', reportForm: 'nd91-2017-mau-07', by: 'date' });
    const bases = docData(model, 'toTrinh').bases.map((l: { text: string }) => l.text);
    expect(bases[0]).toContain('Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003');
    expect(bases[1]).toContain('Nghị định số 91/2017/NĐ-CP');
    expect(bases.join('\n')).not.toContain('15 tháng 6 năm 2022');
    expect(bases[bases.length - 1]).toBe('Căn cứ Biên bản số 12/BB-HĐTĐKT ngày 15 tháng 12 năm 2022 của Hội đồng Thi đua - Khen thưởng thị xã Ninh Hòa;');
    expect(docData(model, 'baoCao').reportForm).toBe('nd91-2017-mau-07');
  });

  it('a 2026 document follows NĐ 152/2025 and TT 15/2025; the facts\' own legal bases still win', async () => {
    const a = await analyzeSample();
    const model = buildDossier(a.result, a.profile, { ...sampleFacts(), date: '2026-01-15' });
    expect(model.frame.reportForm).toBe('nd152-2025');
    const bases = docData(model, 'toTrinh').bases.map((l: { text: string }) => l.text).join('\n');
    expect(bases).toContain('Nghị định số 152/2025/NĐ-CP');
    expect(bases).toContain('Thông tư số 15/2025/TT-BNV');
    const own = buildDossier(a.result, a.profile, { ...sampleFacts(), legalBases: ['Căn cứ Quy chế riêng;'] });
    expect(docData(own, 'toTrinh').bases[0].text).toBe('Căn cứ Quy chế riêng;');
    expect(docData(own, 'toTrinh').bases.map((l: { text: string }) => l.text).join()).not.toContain('91/2017');
  });

  it('names the grantor from the profile when the facts have no addressee', async () => {
    const a = await analyzeSample();
    const { addressees: _a, ...facts } = sampleFacts();
    const t = docData(buildDossier(a.result, a.profile, facts), 'toTrinh');
    expect(t.addressee).toBe('Chủ tịch UBND thị xã Ninh Hòa');
    expect(t.closing).toContain('kính trình Chủ tịch UBND thị xã Ninh Hòa xem xét');
  });
});
