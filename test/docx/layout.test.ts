/** The layout of Nghị định 30/2020 (dossier.md "Layout"), asserted on the generated WordprocessingML. */
import PizZip from 'pizzip';
import { generateDossier, type GeneratedFile } from '../../src/docx/generate';
import { buildDossier } from '../../src/core/dossier/model';
import { analyzeSample, defaultTemplates, sampleFacts } from '../support/dossier';

const MM = 56.6929;
const within = (twips: number, lo: number, hi: number) => twips >= Math.floor(lo * MM) && twips <= Math.ceil(hi * MM);
const attr = (xml: string, el: string, name: string) => Number(new RegExp(`<w:${el}\\b[^>]*w:${name}="(\\d+)"`).exec(xml)?.[1]);

/** The run properties and text of the paragraph holding `text`. */
function paragraphWith(xml: string, text: string): string {
  const para = xml.split('</w:p>').find((p) => p.replace(/<[^>]+>/g, '').includes(text));
  if (!para) throw new Error(`no paragraph with "${text}"`);
  return para;
}
const sizeOf = (para: string) => Number(/<w:r>.*?<w:sz w:val="(\d+)"/.exec(para)?.[1]) / 2;
const bold = (para: string) => /<w:r><w:rPr>[^]*?<w:b\/>/.test(para);
const italic = (para: string) => /<w:r><w:rPr>[^]*?<w:i\/>/.test(para);

describe('layout of every kind of document (Nghị định 30/2020)', () => {
  let files: GeneratedFile[];
  beforeAll(async () => {
    const a = await analyzeSample(9);
    const g = generateDossier(buildDossier(a.result, a.profile, sampleFacts()), defaultTemplates());
    if (!g.ok) throw new Error('templates');
    const pick = (p: string) => g.files.find((f) => f.path.includes(p))!;
    files = [pick('01-to-trinh'), pick('02-bien-ban'), pick('-phong-tu-phap'), pick('-nguyen-thi-thu-ha')];
  });

  it.each([0, 1, 2, 3])('document %i: A4 portrait, margins in range, Times New Roman, page numbers from page 2', (i) => {
    const zip = new PizZip(files[i].bytes);
    const doc = zip.file('word/document.xml')!.asText();
    expect(attr(doc, 'pgSz', 'w')).toBe(11906);
    expect(attr(doc, 'pgSz', 'h')).toBe(16838);
    expect(doc).not.toMatch(/w:orient="landscape"/);
    expect(within(attr(doc, 'pgMar', 'top'), 20, 25)).toBe(true);
    expect(within(attr(doc, 'pgMar', 'bottom'), 20, 25)).toBe(true);
    expect(within(attr(doc, 'pgMar', 'left'), 30, 35)).toBe(true);
    expect(within(attr(doc, 'pgMar', 'right'), 15, 20)).toBe(true);
    const styles = zip.file('word/styles.xml')!.asText();
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/);
    expect(doc).not.toMatch(/w:rFonts w:ascii="(?!Times New Roman)/);
    // Page 1 uses the "first" header, which must not hold a page number; the others show PAGE.
    expect(doc).toContain('<w:titlePg/>');
    const rels = zip.file('word/_rels/document.xml.rels')!.asText();
    const target = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(doc)![1];
      return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    };
    expect(zip.file(`word/${target('first')}`)!.asText()).not.toMatch(/PAGE/);
    const numbered = zip.file(`word/${target('default')}`)!.asText();
    expect(numbered).toMatch(/<w:instrText[^>]*> PAGE </);
    expect(numbered).toContain('<w:jc w:val="center"/>');
  });

  it.each([0, 1, 2, 3])('document %i: the header is a borderless table with Quốc hiệu and Tiêu ngữ in their styles', (i) => {
    const doc = new PizZip(files[i].bytes).file('word/document.xml')!.asText();
    const header = doc.slice(doc.indexOf('<w:tbl>'), doc.indexOf('</w:tbl>'));
    expect(header).toMatch(/<w:tblBorders><w:top w:val="nil"\/>/);
    const quocHieu = paragraphWith(header, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(bold(quocHieu)).toBe(true);
    expect(sizeOf(quocHieu)).toBeGreaterThanOrEqual(12);
    expect(sizeOf(quocHieu)).toBeLessThanOrEqual(13);
    const tieuNgu = paragraphWith(header, 'Độc lập - Tự do - Hạnh phúc');
    expect(bold(tieuNgu)).toBe(true);
    expect(sizeOf(tieuNgu)).toBeGreaterThanOrEqual(13);
    expect(sizeOf(tieuNgu)).toBeLessThanOrEqual(14);
    // The rule under the Tiêu ngữ: the next paragraph carries a bottom border.
    const afterTieuNgu = header.slice(header.indexOf('Độc lập - Tự do - Hạnh phúc'));
    expect(afterTieuNgu.split('</w:p>')[1]).toContain('<w:bottom w:val="single"');
    // Mẫu 1.9: a biên bản has no place and date in its header.
    if (i === 1) expect(header).not.toContain('Ninh Hòa, ngày');
    else {
      const date = paragraphWith(header, 'Ninh Hòa, ngày');
      expect(italic(date)).toBe(true);
      expect(sizeOf(date)).toBeGreaterThanOrEqual(13);
    }
    const issuing = paragraphWith(header, i < 2 ? (i === 0 ? 'PHÒNG NỘI VỤ' : 'HỘI ĐỒNG THI ĐUA -') : 'UBND THỊ XÃ NINH HÒA');
    expect(sizeOf(issuing)).toBeGreaterThanOrEqual(12);
    expect(sizeOf(issuing)).toBeLessThanOrEqual(13);
  });

  it('Tờ trình: number upright 13, document type and trích yếu bold centred, body justified with first-line indent, Nơi nhận in its sizes', () => {
    const doc = new PizZip(files[0].bytes).file('word/document.xml')!.asText();
    const number = paragraphWith(doc, 'Số: 245/TTr-NV');
    expect(sizeOf(number)).toBe(13);
    expect(italic(number)).toBe(false);
    const type = paragraphWith(doc, 'TỜ TRÌNH');
    expect(bold(type) && type.includes('<w:jc w:val="center"/>')).toBe(true);
    expect(sizeOf(type)).toBeGreaterThanOrEqual(13);
    const subject = paragraphWith(doc, 'Về việc đề nghị tặng Giấy khen');
    expect(bold(subject)).toBe(true);
    const body = paragraphWith(doc, 'Qua xét đề nghị');
    expect(body).toContain('<w:jc w:val="both"/>');
    const firstLine = Number(/w:firstLine="(\d+)"/.exec(body)![1]);
    expect(firstLine).toBeGreaterThanOrEqual(Math.floor(10 * MM));
    expect(firstLine).toBeLessThanOrEqual(Math.ceil(12.7 * MM));
    expect(Number(/w:after="(\d+)"/.exec(body)![1])).toBeGreaterThanOrEqual(120);
    const line = Number(/w:line="(\d+)"/.exec(body)![1]);
    expect(line).toBeGreaterThanOrEqual(240);
    expect(line).toBeLessThanOrEqual(360);
    expect(sizeOf(body)).toBeGreaterThanOrEqual(13);
    const noiNhan = paragraphWith(doc, 'Nơi nhận:');
    expect(bold(noiNhan) && italic(noiNhan)).toBe(true);
    expect(sizeOf(noiNhan)).toBe(12);
    expect(sizeOf(paragraphWith(doc, '- Lưu: VT, NV.'))).toBe(11);
    const signer = paragraphWith(doc, 'TRƯỞNG PHÒNG');
    expect(bold(signer)).toBe(true);
    expect(bold(paragraphWith(doc, 'Trần Thị Mỹ Hạnh'))).toBe(true);
    // The Danh sách is an annex in its own section, on a new page, numbered from 1; its header row repeats.
    const annex = doc.slice(doc.indexOf('DANH SÁCH'));
    expect(doc.slice(0, doc.indexOf('DANH SÁCH'))).toMatch(/<w:pPr>(?:(?!<\/w:p>).)*<w:sectPr>/);
    expect(annex).toMatch(/<w:sectPr>(?:(?!<\/w:sectPr>).)*<w:type w:val="nextPage"\/>(?:(?!<\/w:sectPr>).)*<w:pgNumType w:start="1"\/>(?:(?!<\/w:sectPr>).)*<w:titlePg\/>/);
    expect(doc).toContain('<w:tblHeader/>');
  });
});
