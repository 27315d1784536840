import { readFileSync } from 'fs';
import * as path from 'path';
import PizZip from 'pizzip';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import type { Candidate, CheckResult } from '../../src/core/result';
import { generateDossier, zipDossier, type GeneratedFile } from '../../src/docx/generate';
import { buildDossier } from '../../src/core/dossier/model';
import { formVersionOf, validateTemplate } from '../../src/docx/render';
import { TEMPLATE_FILES } from '../../src/core/dossier/tags';
import { buildTemplates } from '../../templates/scripts/build-templates';
import { meetingVoters } from '../../src/core/votes';
import { analyzeSample, defaultTemplates, docxText, editTemplate, ROOT, sampleFacts } from '../support/dossier';

async function sampleDossier(facts = sampleFacts()): Promise<GeneratedFile[]> {
  const a = await analyzeSample(meetingVoters(facts.meeting, 'total'));
  const g = generateDossier(buildDossier(a.result, a.profile, facts), defaultTemplates());
  if (!g.ok) throw new Error(g.problems.map((p) => p.message).join('\n'));
  return g.files;
}

describe('generated documents, opened again', () => {
  let files: GeneratedFile[];
  beforeAll(async () => {
    files = await sampleDossier();
  });

  it('Tờ trình: every proposed name, no over-quota or failing candidate, counts and dates, no leftovers', async () => {
    const a = await analyzeSample(9);
    const text = docxText(files.find((f) => f.path === '01-to-trinh-giay-khen-thi-xa.docx')!.bytes);
    for (const c of a.result.candidates.filter((x) => x.award)) expect(text).toContain(c.name);
    for (const c of a.result.candidates.filter((x) => !x.award)) expect(text).not.toContain(`\n${c.name}\n`);
    expect(text).not.toContain('UBND xã Ninh Bình');
    expect(text).not.toContain('Phòng Kinh tế');
    expect(text).toContain('cho 10 tập thể và 9 cá nhân');
    expect(text).toContain('Ninh Hòa, ngày 20 tháng 12 năm 2022');
    expect(text).toContain('Số: 245/TTr-NV');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('DANH SÁCH');
    expect(text).toContain('I. TẬP THỂ (10)');
    expect(text).toContain('II. CÁ NHÂN (9)');
    expect(text).toContain('Hoàn thành 98,5% nhiệm vụ');
    expect(text).toContain('Nơi nhận:');
    // 20/12/2022: the 2003 law as amended and NĐ 91/2017, never the 2022 law (in force from 2024).
    expect(text).toContain('Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003');
    expect(text).toContain('Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017');
    expect(text).not.toContain('15 tháng 6 năm 2022');
  });

  it('no document holds "undefined", a leftover tag or the loop markers', () => {
    for (const f of files) {
      const text = docxText(f.bytes);
      expect(text).not.toMatch(/undefined|NaN|\[object Object\]/);
      expect(text).not.toMatch(/[{}]/);
    }
  });

  it('Biên bản: meeting facts, votes, conclusion and signatures', () => {
    const text = docxText(files.find((f) => f.path === '02-bien-ban-hop-xet.docx')!.bytes);
    expect(text).toContain('Vào lúc 14 giờ 00, ngày 15 tháng 12 năm 2022');
    expect(text).toContain('Có mặt 9/11 thành viên Hội đồng');
    expect(text).toContain('72,7%'); // 8 of the council's 11 members
    expect(text).toContain('Tỷ lệ phiếu đồng ý tính trên tổng số thành viên Hội đồng (11 thành viên).');
    expect(text).toContain('UBND xã Ninh Bình'); // over quota, recorded in the minutes
    expect(text).toContain('THƯ KÝ');
    expect(text).toContain('CHỦ TỌA');
    expect(text).toContain('Nguyễn Vĩnh Thạnh');
  });

  it('Mẫu 07: one per proposed candidate, tập thể and cá nhân variants', () => {
    const reports = files.filter((f) => f.path.startsWith('03-bao-cao-thanh-tich/'));
    expect(reports).toHaveLength(19);
    const unit = docxText(reports.find((f) => f.path.endsWith('-phong-tu-phap.docx'))!.bytes);
    expect(unit).toContain('BÁO CÁO THÀNH TÍCH');
    expect(unit).toContain('ĐỀ NGHỊ TẶNG GIẤY KHEN\nCỦA CHỦ TỊCH UBND THỊ XÃ NINH HÒA');
    expect(unit).toContain('I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH');
    expect(unit).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    expect(unit).not.toContain('NGƯỜI BÁO CÁO THÀNH TÍCH');
    const person = docxText(reports.find((f) => f.path.endsWith('-nguyen-thi-thu-ha.docx'))!.bytes);
    expect(person).toContain('I. SƠ LƯỢC LÝ LỊCH');
    expect(person).toContain('- Năm sinh: 1982');
    expect(person).toContain('NGƯỜI BÁO CÁO THÀNH TÍCH');
    expect(person).toContain('95,8%');
    expect(person).toContain('từ 90% trở lên');
    expect(person).not.toContain('SƠ LƯỢC ĐẶC ĐIỂM');
  });

  it('is byte-stable: the same workbook and facts give the same bytes, and the same zip', async () => {
    const again = await sampleDossier();
    expect(again.map((f) => f.path)).toEqual(files.map((f) => f.path));
    again.forEach((f, i) => expect(Buffer.from(f.bytes).equals(Buffer.from(files[i].bytes))).toBe(true));
    expect(Buffer.from(zipDossier(again)).equals(Buffer.from(zipDossier(files)))).toBe(true);
    const zip = new PizZip(zipDossier(files));
    expect(Object.keys(zip.files).filter((n) => n.endsWith('.docx'))).toHaveLength(21);
  });
});

describe('workbook text is data', () => {
  it('prints braces, markup, ampersands and quotes literally', () => {
    const name = 'Phòng {x} <b>&"Q"</b> {#loop}';
    const c: Candidate = {
      kind: 'collective', name, sheet: 'Tập thể', row: 5, nameCell: 'B5', facts: { achievement: 'Dòng 1\nDòng 2 & <i>' }, criteria: [], eligible: true,
      pinnedAward: null, duplicate: false, rank: 1, award: 'giay-khen-thi-xa', overQuota: false, tiedAtCutoff: false,
    };
    const result: CheckResult = { profileName: 'x', tables: [], candidates: [c], issues: [], quotas: [], ties: [] };
    const g = generateDossier(buildDossier(result, DEFAULT_PROFILE, { movement: 'Thi đua "CCHC" {năm}' }), defaultTemplates());
    if (!g.ok) throw new Error('templates');
    const report = docxText(g.files.find((f) => f.path.startsWith('03-'))!.bytes);
    expect(report).toContain(name);
    expect(report).toContain('Dòng 1\nDòng 2 & <i>'); // linebreaks kept as <w:br/>
    expect(docxText(g.files[0].bytes)).toContain('“Thi đua "CCHC" {năm}”');
  });
});

describe('templates', () => {
  it('the templates in templates/ are exactly what the build script makes (byte-stable)', () => {
    const built = buildTemplates();
    for (const [id, file] of Object.entries(TEMPLATE_FILES)) {
      expect(Buffer.compare(readFileSync(path.join(ROOT, 'templates', file)), built[id as keyof typeof built])).toBe(0);
    }
  });

  it('the default templates validate and declare their form version', () => {
    const set = defaultTemplates();
    for (const id of Object.keys(TEMPLATE_FILES) as (keyof typeof TEMPLATE_FILES)[]) expect(validateTemplate(set[id].bytes, id)).toEqual([]);
    expect(formVersionOf(set.baoCao.bytes)).toBe('Mẫu số 07 - Phụ lục Nghị định số 91/2017/NĐ-CP');
  });

  it('a switched form version is data on the template, read without code changes', async () => {
    const set = defaultTemplates();
    const zip = new PizZip(set.baoCao.bytes);
    zip.file('docProps/custom.xml', zip.file('docProps/custom.xml')!.asText().replace(/Mẫu số 07 - [^<]*/, 'Mẫu số 12 - Phụ lục Nghị định số 152/2025/NĐ-CP'));
    zip.file('word/document.xml', zip.file('word/document.xml')!.asText().replace('{formLabel}', 'Mẫu số 12 (Nghị định số 152/2025/NĐ-CP)'));
    set.baoCao = { bytes: zip.generate({ type: 'nodebuffer' }), file: 'mau-12.docx' };
    const a = await analyzeSample();
    // Dated 2022: the frame whose report form is Mẫu 07 (template baoCao), here replaced.
    const g = generateDossier(buildDossier(a.result, a.profile, { date: '2022-12-20' }), set);
    expect(g.ok).toBe(true);
    if (!g.ok) return;
    expect(g.formVersion).toBe('Mẫu số 12 - Phụ lục Nghị định số 152/2025/NĐ-CP');
    expect(docxText(g.files.find((f) => f.path.startsWith('03-'))!.bytes)).toContain('Mẫu số 12 (Nghị định số 152/2025/NĐ-CP)');
  });

  describe('a broken template is refused with every problem in plain words, before anything is generated', () => {
    const toTrinh = () => defaultTemplates().toTrinh.bytes;

    it('an unclosed tag', () => {
      const bad = editTemplate(toTrinh(), (x) => x.replace('{subject}', '{subject'));
      const problems = validateTemplate(bad, 'toTrinh', 'to-trinh-cua-toi.docx');
      expect(problems.length).toBeGreaterThanOrEqual(1);
      expect(problems[0].message).toMatch(/^to-trinh-cua-toi\.docx, thân văn bản: thẻ "subject.*" mở bằng "\{" nhưng thiếu "\}" đóng\.$/);
    });

    it('an unknown tag, with the nearest known one', () => {
      const bad = editTemplate(toTrinh(), (x) => x.replace('{subject}', '{subjekt}').replace('{counts}', '{soLuong}'));
      const problems = validateTemplate(bad, 'toTrinh', 'to-trinh.docx');
      expect(problems.map((p) => p.message)).toEqual([
        'to-trinh.docx: thẻ {subjekt} không có trong dữ liệu của mẫu này. Có phải là {subject}?',
        'to-trinh.docx: thẻ {soLuong} không có trong dữ liệu của mẫu này.',
      ]);
    });

    it('an unclosed loop and a mismatched closing tag, all listed', () => {
      const bad = editTemplate(toTrinh(), (x) => x.replace('{/bases}', '').replace('{/recipients}', '{/nguoiNhan}'));
      const problems = validateTemplate(bad, 'toTrinh', 'to-trinh.docx');
      expect(problems.length).toBeGreaterThanOrEqual(2);
      const all = problems.map((p) => p.message).join('\n');
      expect(all).toContain('bases');
      expect(all).toMatch(/recipients|nguoiNhan/);
      for (const p of problems) expect(p.message).not.toMatch(/\n\s+at /);
    });

    it('in English too', () => {
      const bad = editTemplate(toTrinh(), (x) => x.replace('{subject}', '{subjekt}'));
      expect(validateTemplate(bad, 'toTrinh', 'to-trinh.docx', 'en')[0].message).toBe(
        'to-trinh.docx: the tag {subjekt} is not part of this template\'s data. Did you mean {subject}?',
      );
    });

    it('a file that is not a .docx', () => {
      expect(validateTemplate(Buffer.from('not a zip'), 'bienBan', 'bien-ban.docx')[0].message).toBe(
        'bien-ban.docx: không phải là tệp Word .docx (không mở được như một văn bản Word).',
      );
    });

    it('nothing is generated when one template is broken', async () => {
      const set = defaultTemplates();
      set.bienBan = { bytes: editTemplate(set.bienBan.bytes, (x) => x.replace('{chairName}', '{chairName')), file: 'bien-ban.docx' };
      const a = await analyzeSample();
      const g = generateDossier(buildDossier(a.result, a.profile, {}), set);
      expect(g.ok).toBe(false);
      if (!g.ok) expect(g.problems[0].file).toBe('bien-ban.docx');
    });
  });
});
