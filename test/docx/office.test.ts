/**
 * A real word processor: LibreOffice (headless) converts each kind of generated document to PDF;
 * the PDF's text is asserted with pdftotext, and page 1 is rendered to PNG (test/artifacts/dossier,
 * git-ignored) for people to look at. `.ci/run` installs libreoffice-writer-nogui and poppler-utils.
 */
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { generateDossier } from '../../src/docx/generate';
import { buildDossier } from '../../src/core/dossier/model';
import { analyzeSample, defaultTemplates, ROOT, sampleFacts } from '../support/dossier';

const ARTIFACTS = path.join(ROOT, 'test', 'artifacts', 'dossier');
const KINDS = {
  'to-trinh': '01-to-trinh-giay-khen-thi-xa.docx',
  'bien-ban': '02-bien-ban-hop-xet.docx',
  'bao-cao-tap-the': '03-bao-cao-thanh-tich/06-phong-tu-phap.docx',
  'bao-cao-ca-nhan': '03-bao-cao-thanh-tich/12-nguyen-thi-thu-ha.docx',
};

describe('the documents open in LibreOffice', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'thidua-office-'));
  const pdfText: Record<string, string[]> = {};

  beforeAll(async () => {
    const a = await analyzeSample(11);
    const g = generateDossier(buildDossier(a.result, a.profile, sampleFacts()), defaultTemplates());
    if (!g.ok) throw new Error('templates');
    const inputs: string[] = [];
    for (const [kind, file] of Object.entries(KINDS)) {
      const f = g.files.find((x) => x.path === file);
      if (!f) throw new Error(`missing ${file}`);
      const target = path.join(work, `${kind}.docx`);
      writeFileSync(target, f.bytes);
      inputs.push(target);
    }
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, ...inputs],
      { stdio: 'pipe', timeout: 180000 },
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const kind of Object.keys(KINDS)) {
      const pdf = path.join(work, `${kind}.pdf`);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
      pdfText[kind] = [];
      for (let p = 1; p <= pages; p++) {
        pdfText[kind].push(execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }));
      }
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(ARTIFACTS, kind)]);
    }
  }, 240000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const all = (kind: string) => pdfText[kind].join('\n').replace(/\s+/g, ' ');

  it('Tờ trình: header, counts, the annex with every proposed name, page numbers from page 2', async () => {
    const text = all('to-trinh');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Ninh Hòa, ngày 20 tháng 12 năm 2022');
    expect(text).toContain('TỜ TRÌNH');
    expect(text).toContain('10 tập thể và 9 cá nhân');
    expect(text).toContain('DANH SÁCH');
    const a = await analyzeSample(11);
    for (const c of a.result.candidates.filter((x) => x.award)) expect(text).toContain(c.name);
    expect(text).not.toContain('UBND xã Ninh Bình');
    // The Tờ trình fits on page 1; the Danh sách is an annex numbered on its own: its first page
    // carries no number, its second "2" (test/dossier/pdfLayout.test.ts asserts it for every frame).
    expect(pdfText['to-trinh'].length).toBeGreaterThanOrEqual(3);
    expect(pdfText['to-trinh'][0].trim().split('\n')[0].trim()).not.toMatch(/^\d+$/);
    expect(pdfText['to-trinh'][1].trim().split('\n')[0].trim()).toBe('DANH SÁCH');
    expect(pdfText['to-trinh'][2].trim().split('\n')[0].trim()).toBe('2');
    expect(text).not.toMatch(/undefined|\{|\}/);
  });

  it('Biên bản: meeting, votes with decimal comma, signatures', () => {
    const text = all('bien-ban');
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain('Có mặt 9/11 thành viên Hội đồng');
    expect(text).toContain('72,7%'); // 8 of the council's 11 members (voteBase total)
    expect(text).toContain('THƯ KÝ');
    expect(text).toContain('CHỦ TỌA');
    expect(text).not.toMatch(/undefined|\{|\}/);
  });

  it('Báo cáo thành tích, tập thể and cá nhân', () => {
    const unit = all('bao-cao-tap-the');
    expect(unit).toContain('BÁO CÁO THÀNH TÍCH');
    expect(unit).toContain('PHÒNG TƯ PHÁP');
    expect(unit).toContain('I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH');
    const person = all('bao-cao-ca-nhan');
    expect(person).toContain('Nguyễn Thị Thu Hà');
    expect(person).toContain('NGƯỜI BÁO CÁO THÀNH TÍCH');
    expect(person).toContain('95,8%');
    for (const t of [unit, person]) expect(t).not.toMatch(/undefined|\{|\}/);
  });

  it('page 1 of each kind is rendered to PNG for people to look at', () => {
    for (const kind of Object.keys(KINDS)) {
      const png = readFileSync(path.join(ARTIFACTS, `${kind}.png`));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBeGreaterThan(20000);
    }
  });
});
