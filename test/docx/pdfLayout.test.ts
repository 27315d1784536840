/**
 * Nghị định 30/2020/NĐ-CP layout asserted where a reader sees it: every kind of document of both
 * frames (a dossier dated 20/12/2022 — Luật 2003, NĐ 91/2017, Mẫu 07 — and one dated 20/12/2025 —
 * Luật 2022, NĐ 152/2025) is converted by LibreOffice, and word positions are read from the PDF
 * with `pdftotext -bbox`: "Số" and the date on one baseline (Mẫu 1.4), "Nơi nhận" level with the
 * signer's first line, the Danh sách numbered on its own, the Biên bản's header without a date and
 * its Nơi nhận (Mẫu 1.9), section III and the cấp trình khen block, and a signature block never
 * alone at the top of a page, for achievements of every length. Every page is rendered to PNG in
 * test/artifacts/dossier/frames (git-ignored) for people to look at.
 */
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { CheckResult } from '../../src/core/result';
import type { Facts } from '../../src/core/dossier/facts';
import { generateDossier } from '../../src/docx/generate';
import { buildDossier } from '../../src/core/dossier/model';
import { analyzeSample, defaultTemplates, ROOT, sampleFacts } from '../support/dossier';

const ARTIFACTS = path.join(ROOT, 'test', 'artifacts', 'dossier', 'frames');
const FRAMES = { '2022': '2022-12-20', '2025': '2025-12-20' } as const;
type Frame = keyof typeof FRAMES;
const KINDS = {
  'to-trinh': '01-to-trinh-giay-khen-thi-xa.docx',
  'bien-ban': '02-bien-ban-hop-xet.docx',
  'bao-cao-tap-the': '03-bao-cao-thanh-tich/06-phong-tu-phap.docx',
  'bao-cao-ca-nhan': '03-bao-cao-thanh-tich/12-nguyen-thi-thu-ha.docx',
  // No entry in "Lịch sử khen thưởng": blank rows in section III.
  'bao-cao-khong-lich-su': '03-bao-cao-thanh-tich/05-ubnd-xa-ninh-phung.docx',
} as const;
type Kind = keyof typeof KINDS;
/** Achievement lengths (in sentences) that move the page break through the end of a report. */
const STRESS = [4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 30, 40];

interface Word { text: string; xMin: number; yMin: number; xMax: number; yMax: number }
type Pages = Word[][];

/** Words per page from `pdftotext -bbox` (its XHTML: one <word> per word, positions in points). */
function readWords(pdf: string): Pages {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return html.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: decode(m[5]).normalize('NFC'),
    })),
  );
}

/**
 * Baseline of a word: its box runs from the font's ascent to its descent (Times New Roman and
 * LibreOffice's metric twin: 0.891 and 0.216 of the size), so the baseline sits 0.216/1.107 of the
 * height above the bottom whatever the size.
 */
const baseline = (w: Word) => w.yMax - ((w.yMax - w.yMin) * 0.216) / 1.107;

/** The first occurrence of a phrase (consecutive words on one line), as its first word and page. */
function find(pages: Pages, phrase: string, from = 0): { page: number; word: Word } | undefined {
  const parts = phrase.split(' ');
  for (let p = from; p < pages.length; p++) {
    const ws = pages[p];
    for (let i = 0; i + parts.length <= ws.length; i++) {
      if (parts.every((t, k) => ws[i + k].text === t && Math.abs(ws[i + k].yMin - ws[i].yMin) < 2)) return { page: p, word: ws[i] };
    }
  }
  return undefined;
}
function must(pages: Pages, phrase: string, from = 0): { page: number; word: Word } {
  const f = find(pages, phrase, from);
  if (!f) throw new Error(`"${phrase}" not found`);
  return f;
}
const isPageNumber = (w: Word) => /^\d+$/.test(w.text) && w.yMax < 70;
/** Words above `w` on its page, the page number aside: the body that precedes it there. */
const above = (pages: Pages, at: { page: number; word: Word }) => pages[at.page].filter((x) => !isPageNumber(x) && x.yMax < at.word.yMin - 1);

function convert(work: string, files: Record<string, Uint8Array>): Record<string, Pages> {
  const inputs = Object.entries(files).map(([name, bytes]) => {
    const target = path.join(work, `${name}.docx`);
    writeFileSync(target, bytes);
    return target;
  });
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, ...inputs],
    { stdio: 'pipe', timeout: 300000 },
  );
  const out: Record<string, Pages> = {};
  for (const name of Object.keys(files)) out[name] = readWords(path.join(work, `${name}.pdf`));
  return out;
}

describe('Nghị định 30/2020 layout on the PDF, both frames, every kind of document', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'thidua-pdf-'));
  let pdf: Record<string, Pages>;

  beforeAll(async () => {
    const a = await analyzeSample(9);
    const files: Record<string, Uint8Array> = {};
    for (const [frame, date] of Object.entries(FRAMES)) {
      const g = generateDossier(buildDossier(a.result, a.profile, { ...sampleFacts(), date }), defaultTemplates());
      if (!g.ok) throw new Error('templates');
      for (const [kind, file] of Object.entries(KINDS)) {
        const f = g.files.find((x) => x.path === file);
        if (!f) throw new Error(`missing ${file}`);
        files[`${frame}-${kind}`] = f.bytes;
      }
      // One person's report with achievements of growing length: the page break crosses the end.
      const person = a.result.candidates.find((c) => c.name === 'Nguyễn Thị Thu Hà')!;
      for (const n of STRESS) {
        const sentence = 'Chủ trì tham mưu, triển khai các nhiệm vụ cải cách hành chính của đơn vị, hoàn thành đúng tiến độ và chất lượng.';
        const stressed: CheckResult = { ...a.result, candidates: [{ ...person, facts: { ...person.facts, achievement: Array(n).fill(sentence).join(' ') } }] };
        const facts: Facts = { ...sampleFacts(), date };
        const s = generateDossier(buildDossier(stressed, a.profile, facts), defaultTemplates());
        if (!s.ok) throw new Error('templates');
        files[`${frame}-stress-${n}`] = s.files.find((x) => x.path.startsWith('03-'))!.bytes;
      }
    }
    pdf = convert(work, files);
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const name of Object.keys(files).filter((n) => !n.includes('stress'))) {
      execFileSync('pdftoppm', ['-png', '-r', '60', path.join(work, `${name}.pdf`), path.join(ARTIFACTS, name)]);
    }
  }, 600000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const frames = Object.keys(FRAMES) as Frame[];
  const doc = (frame: Frame, kind: Kind | string) => pdf[`${frame}-${kind}`];

  describe.each(frames)('frame %s', (frame) => {
    it('Tờ trình (Mẫu 1.4): "Số" on the baseline of the place and date', () => {
      const pages = doc(frame, 'to-trinh');
      const so = must(pages, 'Số: 245/TTr-NV');
      const date = must(pages, 'Ninh Hòa, ngày 20 tháng 12');
      expect(so.page).toBe(0);
      expect(date.page).toBe(0);
      expect(Math.abs(baseline(so.word) - baseline(date.word))).toBeLessThan(0.8);
      expect(so.word.xMax).toBeLessThan(date.word.xMin);
    });

    it('Tờ trình: "Nơi nhận:" level with the signer\'s title, left of it', () => {
      const pages = doc(frame, 'to-trinh');
      const noiNhan = must(pages, 'Nơi nhận:');
      const title = must(pages, 'TRƯỞNG PHÒNG');
      expect(title.page).toBe(noiNhan.page);
      expect(Math.abs(baseline(noiNhan.word) - baseline(title.word))).toBeLessThan(0.8);
      expect(noiNhan.word.xMax).toBeLessThan(title.word.xMin);
    });

    it('Tờ trình: the Danh sách starts a page and is numbered on its own (its page 1 bare, then 2)', () => {
      const pages = doc(frame, 'to-trinh');
      const annex = must(pages, 'DANH SÁCH');
      expect(annex.page).toBeGreaterThanOrEqual(1);
      expect(above(pages, annex)).toEqual([]);
      // Page 1 of the Tờ trình and page 1 of the annex carry no number; the annex's next page is "2".
      expect(pages[0].some(isPageNumber)).toBe(false);
      expect(pages[annex.page].some(isPageNumber)).toBe(false);
      expect(pages.length).toBeGreaterThan(annex.page + 1);
      expect(pages[annex.page + 1].filter(isPageNumber).map((w) => w.text)).toEqual(['2']);
      // The Tờ trình's own pages before the annex, if more than one, count from 1 too.
      for (let p = 1; p < annex.page; p++) expect(pages[p].filter(isPageNumber).map((w) => w.text)).toEqual([String(p + 1)]);
    });

    it('Biên bản (Mẫu 1.9): "Số" in the header with no date beside it; Nơi nhận and Lưu: VT, Hồ sơ. after the signatures', () => {
      const pages = doc(frame, 'bien-ban');
      const so = must(pages, 'Số: 12/BB-HĐTĐKT');
      const rightColumn = must(pages, 'CỘNG HÒA XÃ HỘI').word.xMin - 5;
      expect(pages[0].filter((w) => Math.abs(baseline(w) - baseline(so.word)) < 3 && w.xMin > rightColumn)).toEqual([]);
      const header = pages[0].filter((w) => w.yMax <= so.word.yMax + 1);
      expect(header.map((w) => w.text)).not.toContain('ngày');
      const secretary = must(pages, 'THƯ KÝ');
      const chair = must(pages, 'CHỦ TỌA');
      expect(Math.abs(baseline(secretary.word) - baseline(chair.word))).toBeLessThan(0.8);
      const noiNhan = must(pages, 'Nơi nhận:');
      const luu = must(pages, '- Lưu: VT, Hồ sơ.');
      expect(noiNhan.page).toBe(secretary.page);
      const secretaryName = pages[secretary.page].find((w) => w.text === 'Hoa' && w.yMin > secretary.word.yMax)!;
      expect(noiNhan.word.yMin).toBeGreaterThan(secretaryName.yMax);
      expect(noiNhan.word.xMin).toBeLessThan(chair.word.xMin);
      expect(luu.word.yMin).toBeGreaterThan(noiNhan.word.yMax);
      expect(above(pages, secretary).length).toBeGreaterThan(0);
    });

    it('Báo cáo thành tích: the form of the frame, its header date on the line under the Tiêu ngữ rule, signatures never alone', () => {
      for (const kind of ['bao-cao-tap-the', 'bao-cao-ca-nhan'] as Kind[]) {
        const pages = doc(frame, kind);
        const text = pages.flat().map((w) => w.text).join(' ');
        expect(text).toContain(frame === '2022' ? 'Mẫu số 07, Phụ lục ban hành kèm theo Nghị định số 91/2017/NĐ-CP' : 'Nghị định số 152/2025/NĐ-CP');
        const date = must(pages, 'Ninh Hòa, ngày');
        expect(date.word.yMin).toBeGreaterThan(must(pages, 'Độc lập - Tự do - Hạnh phúc').word.yMax);
        const signer = must(pages, kind === 'bao-cao-ca-nhan' ? 'NGƯỜI BÁO CÁO THÀNH TÍCH' : 'THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN');
        expect(above(pages, signer).length).toBeGreaterThan(0);
        if (frame === '2025') {
          const iii = must(pages, 'III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG');
          const approver = must(pages, 'XÁC NHẬN CỦA CẤP TRÌNH KHEN');
          // III comes before the signatures; the cấp trình khen block under the left signature.
          expect(iii.page * 1000 + iii.word.yMin).toBeLessThan(signer.page * 1000 + signer.word.yMin);
          expect(approver.page).toBe(signer.page);
          expect(approver.word.yMin).toBeGreaterThan(signer.word.yMax);
          expect(approver.word.xMin).toBeLessThan(signer.word.xMin);
        } else {
          expect(find(pages, 'III. CÁC HÌNH THỨC')).toBeUndefined();
          expect(find(pages, 'XÁC NHẬN CỦA CẤP TRÌNH KHEN')).toBeUndefined();
        }
      }
    });

    it('Báo cáo thành tích: section III lists the sheet "Lịch sử khen thưởng", oldest first', () => {
      if (frame === '2022') return;
      const pages = doc(frame, 'bao-cao-ca-nhan');
      const first = must(pages, '1602/QĐ-UBND');
      const second = must(pages, '2212/QĐ-UBND');
      expect(first.page * 1000 + first.word.yMin).toBeLessThan(second.page * 1000 + second.word.yMin);
      const unit = doc(frame, 'bao-cao-tap-the').flat().map((w) => w.text).join(' ');
      expect(unit).toContain('1875/QĐ-UBND');
      expect(unit).toContain('2210/QĐ-UBND ngày 24 tháng 12 năm 2021');
      // Nobody else's awards.
      expect(unit).not.toContain('2213/QĐ-UBND');
      const none = doc(frame, 'bao-cao-khong-lich-su');
      const header = must(none, 'Số, ngày, tháng, năm của');
      const approver = must(none, 'THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN');
      // Blank rows to fill: no words between the table's header and the signatures but the rest of the header.
      const at = (page: number, w: Word) => page * 1000 + w.yMin;
      const between = none.flatMap((ws, page) => ws.filter((w) => !isPageNumber(w) && at(page, w) > at(header.page, header.word) + 20 && at(page, w) < at(approver.page, approver.word) - 1));
      expect(between.map((w) => w.text)).toEqual([]);
    });

    it('a signature block never stands alone at the top of a page, whatever the length before it', () => {
      for (const n of STRESS) {
        const pages = doc(frame, `stress-${n}`);
        const signer = must(pages, 'NGƯỜI BÁO CÁO THÀNH TÍCH');
        const own = must(pages, 'THỦ TRƯỞNG ĐƠN VỊ');
        expect([n, signer.page]).toEqual([n, own.page]);
        expect([n, above(pages, signer).length > 0]).toEqual([n, true]);
      }
      // The lengths did move the signatures across a page break.
      const lastPages = STRESS.map((n) => must(doc(frame, `stress-${n}`), 'NGƯỜI BÁO CÁO THÀNH TÍCH').page);
      expect(new Set(lastPages).size).toBeGreaterThan(1);
    });
  });
});
