/** `thidua dossier` spawned as a user runs it (cli.md), its files opened again. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import PizZip from 'pizzip';
import { docxText, editTemplate } from '../support/dossier';
import { expectNoStack, ROOT, SAMPLE, thidua } from './run';

const FACTS = path.join(ROOT, 'templates', 'thong-tin-ho-so-mau.json');
const MEETING = path.join(ROOT, 'templates', 'cuoc-hop-mau.json');

describe('thidua dossier', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'thidua-dossier-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('writes the whole dossier into --out, with the facts and the meeting', () => {
    const out = path.join(work, 'ho-so');
    const r = thidua(['dossier', SAMPLE, '--out', out, '--facts', FACTS, '--meeting', MEETING]);
    expectNoStack(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Đã lập hồ sơ: 21 văn bản, ghi vào ${out}`);
    expect(r.stdout).toContain('Giấy khen của Chủ tịch UBND thị xã Ninh Hòa: đề nghị 10 tập thể, 9 cá nhân.');
    expect(r.stdout).toContain('Kế hoạch yêu cầu nộp 02 bộ hồ sơ.');
    expect(r.stdout).toContain('Mẫu số 07');
    expect(r.stdout).not.toContain('Còn để trống');
    expect(readdirSync(out).sort()).toEqual(['.thidua-ho-so.json', '01-to-trinh-giay-khen-thi-xa.docx', '02-bien-ban-hop-xet.docx', '03-bao-cao-thanh-tich']);
    expect(readdirSync(path.join(out, '03-bao-cao-thanh-tich'))).toHaveLength(19);
    const toTrinh = docxText(readFileSync(path.join(out, '01-to-trinh-giay-khen-thi-xa.docx')));
    expect(toTrinh).toContain('Ninh Hòa, ngày 20 tháng 12 năm 2022');
    expect(toTrinh).toContain('cho 10 tập thể và 9 cá nhân');
    const bienBan = docxText(readFileSync(path.join(out, '02-bien-ban-hop-xet.docx')));
    expect(bienBan).toContain('Có mặt 9/11 thành viên Hội đồng');
  });

  it('without facts prints blanks and lists what is still to fill; the user’s own files stay, whatever their names', () => {
    const out = path.join(work, 'trong');
    mkdirSync(path.join(out, '03-bao-cao-thanh-tich'), { recursive: true });
    // The user's own files, named like ours: never removed (they are not in our manifest).
    writeFileSync(path.join(out, '03-bao-cao-thanh-tich', '99-cu.docx'), 'old');
    writeFileSync(path.join(out, '01-to-trinh-ban-cua-toi.docx'), 'mine too');
    writeFileSync(path.join(out, 'ghi-chu-cua-toi.txt'), 'mine');
    const r = thidua(['dossier', SAMPLE, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Còn để trống');
    expect(r.stdout).toContain('meeting.chair');
    expect(readFileSync(path.join(out, '03-bao-cao-thanh-tich', '99-cu.docx'), 'utf8')).toBe('old');
    expect(readFileSync(path.join(out, '01-to-trinh-ban-cua-toi.docx'), 'utf8')).toBe('mine too');
    expect(readFileSync(path.join(out, 'ghi-chu-cua-toi.txt'), 'utf8')).toBe('mine');
    const bienBan = docxText(readFileSync(path.join(out, '02-bien-ban-hop-xet.docx')));
    expect(bienBan).toContain('Vào lúc ……, ngày …… tháng …… năm ……');
    expect(bienBan).not.toMatch(/undefined/);
  });

  it('a rerun removes the files of the earlier run it does not rewrite (listed in the manifest), but not one edited since', () => {
    const out = path.join(work, 'lai');
    expect(thidua(['dossier', SAMPLE, '--out', out, '--facts', FACTS]).code).toBe(0);
    const reports = path.join(out, '03-bao-cao-thanh-tich');
    const before = readdirSync(reports).sort();
    expect(before).toHaveLength(19);
    const manifest = JSON.parse(readFileSync(path.join(out, '.thidua-ho-so.json'), 'utf8'));
    expect(manifest.files).toHaveLength(21);
    expect(manifest.files[0]).toMatchObject({ path: '01-to-trinh-giay-khen-thi-xa.docx', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // Fewer places the second time: fewer reports. The user edits one report of the first run.
    const quota = path.join(work, 'quota.json');
    writeFileSync(quota, JSON.stringify({ awards: [{ id: 'giay-khen-thi-xa', quota: { collective: 5, individual: 5 } }] }));
    const edited = before[before.length - 1];
    writeFileSync(path.join(reports, edited), 'sửa tay');
    const r = thidua(['dossier', SAMPLE, '--out', out, '--facts', FACTS, '--profile', quota]);
    expectNoStack(r);
    expect(r.code).toBe(0);
    const after = readdirSync(reports).sort();
    expect(after.length).toBeLessThan(before.length);
    expect(after).toContain(edited);
    expect(readFileSync(path.join(reports, edited), 'utf8')).toBe('sửa tay');
    expect(r.stdout).toContain(`Giữ nguyên 1 tệp của lần chạy trước đã được sửa sau khi tạo (không xóa): 03-bao-cao-thanh-tich/${edited}`);
    const second = JSON.parse(readFileSync(path.join(out, '.thidua-ho-so.json'), 'utf8'));
    expect(second.files.map((f: { path: string }) => f.path)).not.toContain(`03-bao-cao-thanh-tich/${edited}`);
    expect(after.filter((f) => f !== edited)).toHaveLength(second.files.length - 2);
  });

  it('the workbook itself is never overwritten, even when named like an output', () => {
    const out = path.join(work, 'trung-ten');
    mkdirSync(out, { recursive: true });
    const disguised = path.join(out, '02-bien-ban-hop-xet.docx');
    writeFileSync(disguised, readFileSync(SAMPLE));
    const r = thidua(['dossier', disguised, '--out', out]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('đó chính là tệp đầu vào');
    expect(readFileSync(disguised).equals(readFileSync(SAMPLE))).toBe(true);
    expect(readdirSync(out)).toEqual(['02-bien-ban-hop-xet.docx']); // checked before anything is written
  });

  it('--zip writes one .zip with the folders, identical on a second run', () => {
    const out = path.join(work, 'zip');
    expect(thidua(['dossier', SAMPLE, '--out', out, '--zip', '--facts', FACTS]).code).toBe(0);
    const first = readFileSync(path.join(out, 'ho-so-de-nghi-khen-thuong.zip'));
    const zip = new PizZip(first);
    const names = Object.keys(zip.files).filter((n) => n.endsWith('.docx'));
    expect(names).toHaveLength(21);
    expect(names).toContain('03-bao-cao-thanh-tich/12-nguyen-thi-thu-ha.docx');
    expect(thidua(['dossier', SAMPLE, '--out', path.join(out, 'lan-hai.zip'), '--zip', '--facts', FACTS]).code).toBe(0);
    expect(readFileSync(path.join(out, 'lan-hai.zip')).equals(first)).toBe(true);
  });

  it('a --templates folder replaces only the templates it holds; a broken one stops everything with every problem', () => {
    const dir = path.join(work, 'mau');
    mkdirSync(dir, { recursive: true });
    const original = readFileSync(path.join(ROOT, 'templates', 'to-trinh.docx'));
    writeFileSync(path.join(dir, 'to-trinh.docx'), editTemplate(original, (x) => x.replace('{subject}', '{subjekt}').replace('{counts}', '{counts')));
    const out = path.join(work, 'hong');
    const r = thidua(['dossier', SAMPLE, '--out', out, '--templates', dir]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Mẫu văn bản có lỗi');
    expect(r.stderr).toContain('to-trinh.docx');
    expect(r.stderr).toContain('Chưa ghi tệp nào.');
    expect(existsSync(out)).toBe(false);

    writeFileSync(path.join(dir, 'to-trinh.docx'), editTemplate(original, (x) => x.replace('TỜ TRÌNH', 'TỜ TRÌNH (MẪU RIÊNG)')));
    const ok = thidua(['dossier', SAMPLE, '--out', out, '--templates', dir]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Dùng mẫu riêng');
    expect(docxText(readFileSync(path.join(out, '01-to-trinh-giay-khen-thi-xa.docx')))).toContain('TỜ TRÌNH (MẪU RIÊNG)');
  });

  it('invalid facts are exit 1 with every problem by path, in English with --lang en', () => {
    const bad = path.join(work, 'bad-meeting.json');
    writeFileSync(bad, JSON.stringify({ date: '2022-13-01', membersPresent: 'chín', chairman: 'A' }));
    const r = thidua(['dossier', SAMPLE, '--out', path.join(work, 'x'), '--meeting', bad]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('meeting.date');
    expect(r.stderr).toContain('meeting.membersPresent');
    expect(r.stderr).toContain('meeting.chairman');
    const en = thidua(['dossier', SAMPLE, '--out', path.join(work, 'x'), '--meeting', bad, '--lang', 'en']);
    expect(en.stderr).toContain('The dossier facts in');
    const notJson = path.join(work, 'not.json');
    writeFileSync(notJson, '{ "date": ');
    expect(thidua(['dossier', SAMPLE, '--out', path.join(work, 'x'), '--facts', notJson]).stderr).toContain('không phải JSON hợp lệ');
  });

  it('usage errors are exit 2; an unreadable workbook is exit 1', () => {
    const noOut = thidua(['dossier', SAMPLE]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out');
    expect(thidua(['dossier', SAMPLE, '--out', work, '--bogus']).code).toBe(2);
    const missing = thidua(['dossier', path.join(work, 'khong-co.xlsx'), '--out', work]);
    expectNoStack(missing);
    expect(missing.code).toBe(1);
  });
});
