/**
 * The Báo cáo thành tích per legal frame: the dossier's date picks the frame, the frame's report
 * form picks the template; section III comes from the sheet "Lịch sử khen thưởng" (blank rows
 * without entries); a user's own template of a form replaces that form only; signature blocks are
 * unbreakable rows kept with the paragraph before them.
 */
import { generateDossier } from '../../src/docx/generate';
import { buildDossier } from '../../src/core/dossier/model';
import { REPORT_TEMPLATES } from '../../src/core/dossier/reportForms';
import { analyzeSample, defaultTemplates, documentXml, docxText, editTemplate, sampleFacts } from '../support/dossier';

type Data = Record<string, any>;

describe('the report of each frame', () => {
  it.each([
    ['2022-12-20', 'nd91-2017-mau-07', 'baoCao'],
    ['2023-12-31', 'nd91-2017-mau-07', 'baoCao'],
    ['2024-01-01', 'nd98-2023', 'baoCaoNd98'],
    ['2025-06-30', 'nd98-2023', 'baoCaoNd98'],
    ['2025-07-01', 'nd152-2025', 'baoCaoNd152'],
    ['2026-03-15', 'nd152-2025', 'baoCaoNd152'],
  ])('dated %s: form %s, template %s', async (date, form, template) => {
    const a = await analyzeSample(9);
    const model = buildDossier(a.result, a.profile, { ...sampleFacts(), date });
    expect(model.frame.reportForm).toBe(form);
    expect(REPORT_TEMPLATES[model.frame.reportForm]).toBe(template);
    const reports = model.documents.filter((d) => d.path.startsWith('03-'));
    expect(reports).toHaveLength(19);
    expect(reports.every((d) => d.template === template)).toBe(true);
    expect((reports[0].data as Data).formLabel).toBe(model.frame.reportFormLabel);
  });

  it('section III: the candidate\'s past awards oldest first, the decision as cited; blank rows when there is none', async () => {
    const a = await analyzeSample(9);
    const model = buildDossier(a.result, a.profile, { ...sampleFacts(), date: '2025-12-20' });
    const data = (name: string) => model.documents.find((d) => d.path.startsWith('03-') && (d.data as Data).name === name)!.data as Data;
    expect(data('Phòng Tư pháp').pastAwards).toEqual([
      { no: 1, year: '2020', award: 'Giấy khen của Chủ tịch UBND thị xã', decision: '1875/QĐ-UBND ngày 18 tháng 12 năm 2020' },
      { no: 2, year: '2021', award: 'Tập thể Lao động tiên tiến', decision: '2210/QĐ-UBND ngày 24 tháng 12 năm 2021' },
    ]);
    expect(data('Phòng Tư pháp').hasPastAwards).toBe(true);
    expect(data('Phòng Nội vụ').pastAwards).toEqual([
      { no: 1, year: '2021', award: 'Bằng khen của Chủ tịch UBND tỉnh (Thành tích CCHC giai đoạn 2016-2020)', decision: '3350/QĐ-UBND ngày 10 tháng 12 năm 2021' },
    ]);
    // A decision without a date: the number alone.
    expect(data('Võ Thị Mai').pastAwards).toEqual([{ no: 1, year: '2020', award: 'Giấy khen của Chủ tịch UBND thị xã', decision: '1876/QĐ-UBND' }]);
    const none = data('UBND xã Ninh Phụng');
    expect(none.hasPastAwards).toBe(false);
    expect(none.pastAwards).toEqual(Array(3).fill({ no: '', year: '', award: '', decision: '' }));
  });

  it('rendered: the 2022 law\'s forms have section III and the cấp trình khen block, Mẫu 07 neither', async () => {
    const a = await analyzeSample(9);
    for (const [date, law2022] of [['2022-12-20', false], ['2024-06-01', true], ['2025-12-20', true]] as const) {
      const g = generateDossier(buildDossier(a.result, a.profile, { ...sampleFacts(), date }), defaultTemplates());
      if (!g.ok) throw new Error('templates');
      const tuPhap = docxText(g.files.find((f) => f.path.endsWith('-phong-tu-phap.docx'))!.bytes);
      const ha = docxText(g.files.find((f) => f.path.endsWith('-nguyen-thi-thu-ha.docx'))!.bytes);
      for (const t of [tuPhap, ha]) {
        expect(t.includes('III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG')).toBe(law2022);
        expect(t.includes('XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG')).toBe(law2022);
        expect(t).not.toMatch(/undefined|\{|\}/);
      }
      expect(tuPhap.includes('2210/QĐ-UBND ngày 24 tháng 12 năm 2021')).toBe(law2022);
      expect(ha).toContain('NGƯỜI BÁO CÁO THÀNH TÍCH');
      expect(ha).toContain(date < '2024' ? 'Mẫu số 07, Phụ lục ban hành kèm theo Nghị định số 91/2017/NĐ-CP' : date < '2025-07' ? 'Nghị định số 98/2023/NĐ-CP' : 'Nghị định số 152/2025/NĐ-CP');
      expect(g.formVersion).toContain(date < '2024' ? '91/2017' : date < '2025-07' ? '98/2023' : '152/2025');
    }
  });

  it('a user\'s own template of one form replaces that form only', async () => {
    const a = await analyzeSample(9);
    const set = defaultTemplates();
    set.baoCaoNd152 = { bytes: editTemplate(set.baoCaoNd152.bytes, (xml) => xml.replace('BÁO CÁO THÀNH TÍCH', 'BÁO CÁO THÀNH TÍCH (MẪU CỦA TỈNH)')), file: 'bao-cao-thanh-tich-nd152-2025.docx' };
    const text = (date: string) => {
      const g = generateDossier(buildDossier(a.result, a.profile, { ...sampleFacts(), date }), set);
      if (!g.ok) throw new Error('templates');
      return docxText(g.files.find((f) => f.path.startsWith('03-'))!.bytes);
    };
    expect(text('2025-12-20')).toContain('MẪU CỦA TỈNH');
    expect(text('2022-12-20')).not.toContain('MẪU CỦA TỈNH');
    // A broken one is refused before anything is written, even for a dossier of another frame.
    set.baoCaoNd152 = { bytes: editTemplate(set.baoCaoNd152.bytes, (xml) => xml.replace('{name}', '{name')), file: 'bao-cao-thanh-tich-nd152-2025.docx' };
    const g = generateDossier(buildDossier(a.result, a.profile, { ...sampleFacts(), date: '2022-12-20' }), set);
    expect(g.ok).toBe(false);
    if (!g.ok) expect(g.problems[0].file).toBe('bao-cao-thanh-tich-nd152-2025.docx');
  });

  it('every signature block is one unbreakable row, and the paragraph before it is kept with it', async () => {
    const a = await analyzeSample(9);
    for (const date of ['2022-12-20', '2025-12-20']) {
      const g = generateDossier(buildDossier(a.result, a.profile, { ...sampleFacts(), date }), defaultTemplates());
      if (!g.ok) throw new Error('templates');
      const picks = ['01-to-trinh', '02-bien-ban', '-phong-tu-phap.docx', '-nguyen-thi-thu-ha.docx'];
      for (const pick of picks) {
        const xml = documentXml(g.files.find((f) => f.path.includes(pick))!.bytes);
        const at = xml.indexOf(pick === '01-to-trinh' ? 'Nơi nhận:' : pick === '02-bien-ban' ? 'THƯ KÝ' : 'THỦ TRƯỞNG ĐƠN VỊ');
        const table = xml.lastIndexOf('<w:tbl>', at);
        const rows = xml.slice(table, xml.indexOf('</w:tbl>', at)).match(/<w:tr>/g) ?? [];
        expect([pick, rows.length]).toEqual([pick, 1]);
        expect(xml.slice(table, at)).toContain('<w:cantSplit/>');
        // What precedes the table: a paragraph with keepNext, or a table whose rows keep with next (section III).
        const before = xml.slice(0, table);
        const last = before.endsWith('</w:tbl>') ? before.slice(before.lastIndexOf('<w:tr>')) : before.slice(before.lastIndexOf('<w:p>'));
        expect([pick, last.includes('<w:keepNext/>')]).toEqual([pick, true]);
      }
      // Two tables in a row would be merged into one by Word and LibreOffice (section III's borders lost).
      for (const f of g.files) expect([f.path, documentXml(f.bytes).includes('</w:tbl><w:tbl>')]).toEqual([f.path, false]);
    }
  });
});
