/** `thidua dossier` spawned as a user runs it (cli.md), its files opened again. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import PizZip from 'pizzip';
import { docxText, editTemplate } from '../dossier/support';
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
    expect(r.stdout).toContain('Giấy khen của Chủ tịch UBND thị xã: đề nghị 10 tập thể, 9 cá nhân.');
    expect(r.stdout).toContain('Kế hoạch yêu cầu nộp 02 bộ hồ sơ.');
    expect(r.stdout).toContain('Mẫu số 07');
    expect(r.stdout).not.toContain('Còn để trống');
    expect(readdirSync(out).sort()).toEqual(['01-to-trinh-giay-khen-thi-xa.docx', '02-bien-ban-hop-xet.docx', '03-bao-cao-thanh-tich']);
    expect(readdirSync(path.join(out, '03-bao-cao-thanh-tich'))).toHaveLength(19);
    const toTrinh = docxText(readFileSync(path.join(out, '01-to-trinh-giay-khen-thi-xa.docx')));
    expect(toTrinh).toContain('Ninh Hòa, ngày 20 tháng 12 năm 2022');
    expect(toTrinh).toContain('cho 10 tập thể và 9 cá nhân');
    const bienBan = docxText(readFileSync(path.join(out, '02-bien-ban-hop-xet.docx')));
    expect(bienBan).toContain('Có mặt 9/11 thành viên Hội đồng');
  });

  it('without facts prints blanks and lists what is still to fill; a rerun replaces the earlier files', () => {
    const out = path.join(work, 'trong');
    mkdirSync(path.join(out, '03-bao-cao-thanh-tich'), { recursive: true });
    writeFileSync(path.join(out, '03-bao-cao-thanh-tich', '99-cu.docx'), 'old');
    writeFileSync(path.join(out, 'ghi-chu-cua-toi.txt'), 'mine');
    const r = thidua(['dossier', SAMPLE, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Còn để trống');
    expect(r.stdout).toContain('meeting.chair');
    expect(existsSync(path.join(out, '03-bao-cao-thanh-tich', '99-cu.docx'))).toBe(false);
    expect(readFileSync(path.join(out, 'ghi-chu-cua-toi.txt'), 'utf8')).toBe('mine');
    const bienBan = docxText(readFileSync(path.join(out, '02-bien-ban-hop-xet.docx')));
    expect(bienBan).toContain('Vào lúc ……, ngày …… tháng …… năm ……');
    expect(bienBan).not.toMatch(/undefined/);
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
