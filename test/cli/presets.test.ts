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

  it('dossier --preset xa-phuong-2026: the commune\'s wording and the current law, no "thị xã" of ours', () => {
    const out = path.join(work, 'xa');
    const r = thidua(['dossier', SAMPLE, '--preset', 'xa-phuong-2026', '--out', out]);
    expectNoStack(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Thông tư số 15/2025/TT-BNV');
    expect(readdirSync(out)).toContain('01-to-trinh-giay-khen-xa-phuong.docx');
    const toTrinh = docxText(readFileSync(path.join(out, '01-to-trinh-giay-khen-xa-phuong.docx')));
    expect(toTrinh).toContain('Giấy khen của Chủ tịch UBND xã/phường');
    expect(toTrinh).toContain('VĂN PHÒNG HĐND VÀ UBND');
    expect(toTrinh).toContain('Nghị định số 152/2025/NĐ-CP');
    expect(toTrinh).not.toContain('91/2017');
    // The workbook's own unit names may say "thị xã"; nothing the product words does.
    const json = JSON.parse(thidua(['check', SAMPLE, '--json']).stdout) as { candidates: { name: string }[] };
    let ours = toTrinh;
    for (const n of json.candidates.map((c) => c.name).sort((a, b) => b.length - a.length)) ours = ours.split(n).join('');
    expect(ours).not.toMatch(/thị xã/i);
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
