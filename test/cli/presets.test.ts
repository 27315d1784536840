/** `thidua presets`, `--preset` and `dossier --pdf`, spawned as a user runs them. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { execFileSync } from 'child_process';
import { tmpdir } from 'os';
import * as path from 'path';
import { docxText } from '../support/dossier';
import { expectNoStack, ROOT, SAMPLE, thidua } from './run';

const FACTS = path.join(ROOT, 'templates', 'thong-tin-ho-so-mau.json');

describe('presets on the command line', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'thidua-presets-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('thidua presets lists both, the default marked, in either language', () => {
    const vi = thidua(['presets']);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('ninh-hoa-2022 (mặc định)');
    expect(vi.stdout).toContain('xa-phuong-2026');
    expect(vi.stdout).toContain('Giấy khen của Chủ tịch UBND xã/phường: 10 + 10');
    const en = thidua(['presets', '--lang', 'en']);
    expect(en.stdout).toContain('ninh-hoa-2022 (default)');
    expect(en.stdout).toContain('two-tier administration');
  });

  it('an unknown preset is a wrong call (exit 2) naming the presets', () => {
    const r = thidua(['check', SAMPLE, '--preset', 'huyen-2019']);
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Không có mẫu cấu hình "huyen-2019"');
    expect(r.stderr).toContain('xa-phuong-2026');
  });

  it('check --preset xa-phuong-2026 proposes the commune chairman\'s Giấy khen, a --profile merges over the preset', () => {
    const r = thidua(['check', SAMPLE, '--preset', 'xa-phuong-2026', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { profile: string; candidates: { award: string | null }[] };
    expect(json.profile).toBe('Xã/phường CCHC 2026');
    expect(new Set(json.candidates.map((c) => c.award).filter(Boolean))).toEqual(new Set(['giay-khen-xa-phuong']));
    const human = thidua(['check', SAMPLE, '--preset', 'xa-phuong-2026']);
    expect(human.stdout.split('\n')[0]).toBe('Mẫu cấu hình: xa-phuong-2026');
    expect(human.stdout).toContain('Giấy khen');
  });

  it('dossier and decision --preset xa-phuong-2026 on the phường sample: the phường named from the facts, never "xã/phường"; bodies outside its management flagged and not proposed', () => {
    const out = path.join(work, 'xa');
    const sample = path.join(ROOT, 'templates', 'mau-xa-phuong-2026.xlsx');
    const facts = path.join(ROOT, 'templates', 'thong-tin-ho-so-xa-phuong-mau.json');
    const r = thidua(['dossier', sample, '--preset', 'xa-phuong-2026', '--out', out, '--facts', facts]);
    expectNoStack(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Thông tư số 15/2025/TT-BNV');
    expect(r.stdout).toContain('Giấy khen của Chủ tịch UBND phường Ninh Hòa: đề nghị 5 tập thể, 5 cá nhân.');
    expect(readdirSync(out)).toContain('01-to-trinh-giay-khen-xa-phuong.docx');
    const toTrinh = docxText(readFileSync(path.join(out, '01-to-trinh-giay-khen-xa-phuong.docx')));
    const bienBan = docxText(readFileSync(path.join(out, '02-bien-ban-hop-xet.docx')));
    const reports = readdirSync(path.join(out, '03-bao-cao-thanh-tich')).map((f) => docxText(readFileSync(path.join(out, '03-bao-cao-thanh-tich', f))));
    for (const t of [toTrinh, bienBan, ...reports]) expect(t).not.toContain('xã/phường');
    expect(toTrinh).toContain('Giấy khen của Chủ tịch UBND phường Ninh Hòa');
    expect(toTrinh).toContain('Kính gửi: Chủ tịch UBND phường Ninh Hòa');
    // The issuing unit under the phường: its own name in full, the parent's level not repeated.
    expect(toTrinh).toContain('\nUBND PHƯỜNG NINH HÒA\nVĂN PHÒNG\nHỘI ĐỒNG NHÂN DÂN VÀ\nỦY BAN NHÂN DÂN\n\n');
    expect(toTrinh).toContain('Nghị định số 152/2025/NĐ-CP');
    expect(toTrinh).not.toContain('91/2017');
    expect(toTrinh).toContain('Căn cứ Biên bản số 09/BB-HĐTĐKT ngày 05 tháng 12 năm 2026 của Hội đồng Thi đua - Khen thưởng phường Ninh Hòa;');
    // Ended on 01/7/2025, and another ward: flagged, not proposed.
    for (const name of ['Phòng Nội vụ thị xã Ninh Hòa', 'UBND phường Đông Ninh Hòa', 'Đỗ Văn Hải', 'Võ Thị Mai']) expect(toTrinh).not.toContain(name);
    // The Biên bản names them with the reason.
    expect(bienBan).toContain('Không đề nghị khen thưởng: ');
    expect(bienBan).toContain('Phòng Nội vụ thị xã Ninh Hòa: cơ quan, đơn vị cấp thị xã đã kết thúc hoạt động từ ngày 01 tháng 7 năm 2025');
    // One date style in the document: written out, never dd/mm/yyyy.
    for (const t of [toTrinh, bienBan, ...reports]) expect(t).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{4}\b/);
    expect(bienBan).toContain('UBND phường Đông Ninh Hòa: thuộc phường Đông Ninh Hòa, không thuộc phạm vi quản lý của người tặng; Ông Đỗ Văn Hải: ');
    const check = JSON.parse(thidua(['check', sample, '--preset', 'xa-phuong-2026', '--json']).stdout) as { issues: { code: string; message: string }[] };
    const flagged = check.issues.filter((i) => i.code === 'unit.outsideCompetence').map((i) => i.message).join('\n');
    expect(flagged).toContain('"Phòng Nội vụ thị xã Ninh Hòa": cơ quan, đơn vị cấp thị xã đã kết thúc hoạt động từ ngày 01/7/2025');
    expect(flagged).toContain('"Đỗ Văn Hải"');

    const q = path.join(work, 'xa-qd');
    const d = thidua(['decision', sample, '--preset', 'xa-phuong-2026', '--out', q, '--facts', facts]);
    expect(d.code).toBe(0);
    const decision = docxText(readFileSync(path.join(q, 'quyet-dinh-giay-khen-xa-phuong.docx')));
    expect(decision).toContain('Số: 512/QĐ-UBND');
    expect(decision).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG NINH HÒA');
    expect(decision).toContain('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;');
    expect(decision).toContain('Theo đề nghị của Chánh Văn phòng HĐND và UBND phường tại Tờ trình số 86/TTr-VP ngày 10 tháng 12 năm 2026.');
    expect(decision).not.toContain('xã/phường');
    // NĐ 152/2025's reward coefficient is not confirmed: Điều 2 blank, and the CLI says why.
    expect(decision).toContain('mỗi cá nhân được thưởng …… đồng');
    expect(d.stdout).toContain('Nghị định số 152/2025/NĐ-CP');
  });

  it('dossier --pdf without LibreOffice says so and still writes every .docx', () => {
    const out = path.join(work, 'khong-lo');
    const r = thidua(['dossier', SAMPLE, '--out', out, '--facts', FACTS, '--pdf'], ROOT, { THIDUA_SOFFICE: '' });
    expectNoStack(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Không xuất được PDF: máy chưa cài LibreOffice');
    expect(readdirSync(path.join(out, '03-bao-cao-thanh-tich'))).toHaveLength(19);
    const en = thidua(['dossier', SAMPLE, '--out', out, '--pdf', '--lang', 'en'], ROOT, { THIDUA_SOFFICE: '/nowhere/soffice' });
    expect(en.stdout).toContain('No PDF written: LibreOffice');
  });

  // LibreOffice is required by the Word tests too (.ci/run installs it).
  it('dossier --pdf with LibreOffice writes one PDF beside each .docx, text as in the document', () => {
    const out = path.join(work, 'pdf');
    const r = thidua(['dossier', SAMPLE, '--out', out, '--facts', FACTS, '--pdf']);
    expectNoStack(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã xuất 21 tệp PDF');
    const pdf = path.join(out, '01-to-trinh-giay-khen-thi-xa.pdf');
    expect(existsSync(pdf)).toBe(true);
    expect(readdirSync(path.join(out, '03-bao-cao-thanh-tich')).filter((f) => f.endsWith('.pdf'))).toHaveLength(19);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Nghị định số 91/2017/NĐ-CP');
    expect(text).toContain('TỜ TRÌNH');
  }, 400000);
});
