/**
 * The Quyết định khen thưởng (`thidua decision`): on the sample workbook and facts, the decision and
 * its danh sách name exactly the proposed candidates — in the .docx reopened with pizzip and in
 * the text LibreOffice prints to PDF; the annex is numbered on its own pages (Nghị định 30/2020).
 */
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildDecisions, money } from '../../../src/core/dossier/decision';
import { parseFacts } from '../../../src/core/dossier/facts';
import { expectNoStack, thidua } from '../../cli/run';
import { analyzeSample, docxText, documentXml, editTemplate, ROOT, SAMPLE, sampleFacts } from '../../support/dossier';

const FACTS = path.join(ROOT, 'templates', 'thong-tin-ho-so-mau.json');
const ARTIFACTS = path.join(ROOT, 'test', 'artifacts', 'dossier');
const FILE = 'quyet-dinh-giay-khen-thi-xa.docx';

/** The annex's rows: the text between "DANH SÁCH" and its closing line. */
function annexNames(text: string): string[] {
  const annex = text.slice(text.indexOf('DANH SÁCH'), text.indexOf('Danh sách có'));
  return annex.split('\n').map((l) => l.trim()).filter(Boolean);
}

describe('thidua decision', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'thidua-decision-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('names exactly the proposed candidates, in the decision and its danh sách (docx reopened, then LibreOffice → PDF)', async () => {
    const out = path.join(work, 'qd');
    const r = thidua(['decision', SAMPLE, '--out', out, '--facts', FACTS]);
    expectNoStack(r);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã lập 1 Quyết định khen thưởng');
    expect(r.stdout).toContain('Giấy khen của Chủ tịch UBND thị xã Ninh Hòa: 10 tập thể, 9 cá nhân.');
    expect(readdirSync(out).sort()).toEqual(['.thidua-ho-so.json', 'danh-sach-chi-tien-thuong-giay-khen-thi-xa.docx', FILE]); // the manifest: what a rerun may remove

    const a = await analyzeSample();
    const proposed = a.result.candidates.filter((c) => c.award === 'giay-khen-thi-xa');
    const others = a.result.candidates.filter((c) => c.award !== 'giay-khen-thi-xa');
    expect(proposed).toHaveLength(19);
    const bytes = readFileSync(path.join(out, FILE));
    const text = docxText(bytes);
    const rows = annexNames(text);
    // A person's name with Ông / Bà from Giới tính.
    const shown = (c: { kind: string; name: string; facts: { gender?: string } }) => (c.kind === 'individual' ? `${c.facts.gender === 'Nữ' ? 'Bà' : 'Ông'} ${c.name}` : c.name);
    for (const c of proposed) expect(rows).toContain(shown(c));
    for (const c of others) expect(rows).not.toContain(shown(c));
    // Tập thể then cá nhân, each by rank; 19 rows, numbered 1…10 and 1…9.
    const byRank = (k: string) => proposed.filter((c) => c.kind === k).sort((x, y) => x.rank! - y.rank!).map(shown);
    const order = rows.filter((l) => proposed.some((c) => shown(c) === l));
    expect(order).toEqual([...byRank('collective'), ...byRank('individual')]);

    expect(text).toContain('Số: 1520/QĐ-UBND');
    expect(text).toContain('Ninh Hòa, ngày 28 tháng 12 năm 2022');
    expect(text).toContain('QUYẾT ĐỊNH');
    expect(text).toContain('Về việc tặng Giấy khen của Chủ tịch UBND thị xã Ninh Hòa cho các tập thể, cá nhân');
    // The signer's competence first, then the law of the date, the plan, the Biên bản by number and date, the Tờ trình.
    expect(text).toContain('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;');
    // Without --meeting the Biên bản's date is a blank to fill; its number is known.
    expect(text).toContain('Căn cứ Biên bản số 12/BB-HĐTĐKT ngày …… tháng …… năm …… của Hội đồng Thi đua - Khen thưởng thị xã Ninh Hòa;');
    expect(text).toContain('Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND thị xã');
    expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ NINH HÒA');
    expect(text).toContain('Căn cứ Kế hoạch số 135/KH-UBND ngày 15 tháng 3 năm 2022 của UBND thị xã Ninh Hòa');
    expect(text).toContain('Theo đề nghị của Trưởng phòng Nội vụ tại Tờ trình số 245/TTr-NV ngày 20 tháng 12 năm 2022.');
    expect(text).toContain('Tặng Giấy khen của Chủ tịch UBND thị xã Ninh Hòa cho 10 tập thể và 9 cá nhân có tên trong danh sách kèm theo');
    expect(text).toContain('mỗi tập thể được thưởng 900.000 đồng, mỗi cá nhân được thưởng 450.000 đồng');
    expect(text).toContain('chịu trách nhiệm thi hành Quyết định này.');
    expect(text).toContain('(Kèm theo Quyết định số 1520/QĐ-UBND ngày 28 tháng 12 năm 2022 của Chủ tịch UBND thị xã Ninh Hòa)');
    expect(text).toContain('Nguyễn Vĩnh Thạnh');
    expect(text).not.toMatch(/undefined|\{|\}/);
    // Two sections: the annex's pages start again at 1.
    const xml = documentXml(bytes);
    expect(xml.match(/<w:sectPr>/g)).toHaveLength(2);
    expect(xml).toMatch(/<w:pgNumType w:start="1"\/>(?:(?!<w:sectPr>).)*<\/w:sectPr><\/w:body>/);

    // LibreOffice reads the same: the PDF's text names each of them, and its pages are numbered per section.
    writeFileSync(path.join(work, 'qd.docx'), bytes);
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, path.join(work, 'qd.docx')], {
      stdio: 'pipe',
      timeout: 180000,
    });
    const pdf = path.join(work, 'qd.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const pageText = Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }));
    const flat = pageText.join('\n').replace(/\s+/g, ' ');
    for (const c of proposed) expect(flat).toContain(c.name);
    for (const c of others) expect(flat).not.toContain(` ${c.name} `);
    expect(pageText[0]).toContain('QUYẾT ĐỊNH:');
    // The căn cứ of the legal frame of the decision's date (28/12/2022: the 2003 law, NĐ 91/2017).
    expect(flat).toContain('Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003');
    expect(flat).toContain('Căn cứ Nghị định số 91/2017/NĐ-CP');
    const annex = pageText.findIndex((t) => t.includes('DANH SÁCH'));
    expect(annex).toBeGreaterThan(0);
    // No number on page 1 of the decision nor on page 1 of the annex; the decision's page 2 is "2".
    const top = (t: string) => t.trim().split('\n')[0].trim();
    expect(top(pageText[0])).not.toMatch(/^\d+$/);
    expect(top(pageText[annex])).not.toMatch(/^\d+$/);
    if (annex > 1) expect(top(pageText[1])).toBe('2');
    if (pages > annex + 1) expect(top(pageText[annex + 1])).toBe('2');
    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', pdf, path.join(ARTIFACTS, 'quyet-dinh')]);
  }, 240000);

  it('without decision facts: blanks, never invented, and the CLI lists them', async () => {
    const r = thidua(['decision', SAMPLE, '--out', path.join(work, 'trong')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Còn để trống');
    expect(r.stdout).toContain('decision.number');
    const text = docxText(readFileSync(path.join(work, 'trong', FILE)));
    // The grantor, a Chủ tịch UBND, gives the symbol; the number is the clerk's.
    expect(text).toContain('Số: ……/QĐ-UBND');
    expect(text).toContain('mỗi tập thể được thưởng …… đồng');
    expect(text).not.toMatch(/undefined/);
  });

  it('a custom quyet-dinh.docx is checked like the others: a broken tag stops everything', () => {
    const dir = path.join(work, 'mau');
    mkdirSync(dir, { recursive: true });
    const original = readFileSync(path.join(ROOT, 'templates', 'quyet-dinh.docx'));
    writeFileSync(path.join(dir, 'quyet-dinh.docx'), editTemplate(original, (x) => x.replace('{article1}', '{artcle1}')));
    const r = thidua(['decision', SAMPLE, '--out', path.join(work, 'hong'), '--templates', dir]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('quyet-dinh.docx');
    expect(r.stderr).toContain('{artcle1}');
    expect(r.stderr).toContain('Có phải là {article1}?');
  });

  it('decision facts are validated with the facts schema (by JSON path)', () => {
    const bad = parseFacts({ decision: { number: -1, date: '2022-02-30', amounts: { collective: 'nhiều' }, signr: {} } }, 'facts');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const paths = bad.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['decision.number', 'decision.date', 'decision.amounts.collective', 'decision.signr']));
    const file = path.join(work, 'bad.json');
    writeFileSync(file, JSON.stringify({ decision: { date: '2022-02-30' } }));
    const r = thidua(['decision', SAMPLE, '--out', path.join(work, 'x'), '--facts', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('decision.date');
  });

  it('per-award numbers and amounts; money in đồng with a thousands dot', async () => {
    expect(money(447000)).toBe('447.000');
    expect(money(1490000)).toBe('1.490.000');
    expect(money(223500.5)).toBe('223.500,5');
    const a = await analyzeSample();
    const facts = { ...sampleFacts(), decision: { symbol: 'QĐ-UBND', number: 1, awards: { 'giay-khen-thi-xa': { number: 7, amounts: { collective: 1000000 } } } } };
    const m = buildDecisions(a.result, a.profile, facts);
    expect(m.documents.map((x) => x.template)).toEqual(['quyetDinh', 'chiTienThuong']);
    expect(m.documents[0].data.number).toBe('Số: 07/QĐ-UBND');
    expect(m.documents[0].data.article2).toContain('mỗi tập thể được thưởng 1.000.000 đồng, mỗi cá nhân được thưởng …… đồng');
  });
});
