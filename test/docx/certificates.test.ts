/**
 * Giấy khen on pre-printed blanks (`thidua certificates`): one page per awardee with the name and
 * the decision number; every line where the layout puts it, measured on LibreOffice's PDF with
 * `pdftotext -bbox` (within 1 mm); A3 as well as A4; the calibration page; layout validation.
 */
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { defaultLayout, parseLayout, type CertificateLayout } from '../../src/core/dossier/certificateLayout';
import { expectNoStack, thidua } from '../cli/run';
import { analyzeSample, ROOT, SAMPLE } from '../support/dossier';

const FACTS = path.join(ROOT, 'templates', 'thong-tin-ho-so-mau.json');
const ARTIFACTS = path.join(ROOT, 'test', 'artifacts', 'dossier');
const PT = 25.4 / 72; // mm per point

interface Word { page: number; x: number; y: number; x2: number; text: string }

function toPdf(work: string, docx: string): string {
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, docx], { stdio: 'pipe', timeout: 180000 });
  return path.join(work, `${path.basename(docx, '.docx')}.pdf`);
}

/** Every word of the PDF with its box in mm from the page's top-left corner. */
function words(pdf: string): { pages: { width: number; height: number }[]; words: Word[] } {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages: { width: number; height: number }[] = [];
  const out: Word[] = [];
  for (const chunk of html.split('<page ').slice(1)) {
    const [, w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk)!;
    pages.push({ width: Number(w) * PT, height: Number(h) * PT });
    for (const m of chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
      out.push({ page: pages.length, x: Number(m[1]) * PT, y: Number(m[2]) * PT, x2: Number(m[3]) * PT, text: m[4].replace(/&amp;/g, '&') });
    }
  }
  return { pages, words: out };
}

/** The line of text on a page that starts with these words: its left, top and right edges. */
function line(ws: Word[], page: number, first: string, second?: string): { x: number; y: number; x2: number } {
  const start = ws.find((w, i) => w.page === page && w.text === first && (second === undefined || ws[i + 1]?.text === second));
  if (!start) throw new Error(`"${first}" not on page ${page}`);
  const same = ws.filter((w) => w.page === page && Math.abs(w.y - start.y) < 0.3);
  return { x: Math.min(...same.map((w) => w.x)), y: start.y, x2: Math.max(...same.map((w) => w.x2)) };
}

describe('thidua certificates', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'thidua-gk-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('one A4 landscape page per awardee, with the name and the decision number, each line at its layout position (±1 mm)', async () => {
    const out = path.join(work, 'giay-khen.docx');
    const r = thidua(['certificates', SAMPLE, '--out', out, '--facts', FACTS]);
    expectNoStack(r);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã lập 19 trang Giấy khen');
    expect(r.stdout).toContain('Bố cục: mặc định, khổ A4 ngang.');

    const a = await analyzeSample();
    const awardees = [...a.result.candidates.filter((c) => c.award && c.kind === 'collective'), ...a.result.candidates.filter((c) => c.award && c.kind === 'individual')];
    const pdf = toPdf(work, out);
    const { pages, words: ws } = words(pdf);
    expect(pages).toHaveLength(awardees.length);
    for (const p of pages) {
      expect(p.width).toBeCloseTo(297, 0);
      expect(p.height).toBeCloseTo(210, 0);
    }
    const layout = defaultLayout('A4');
    const pageTexts = Array.from({ length: pages.length }, (_, i) =>
      execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
    );
    // Tập thể then cá nhân, by rank: page i holds exactly its awardee's name.
    const order = [...awardees].sort((x, y) => (x.kind === y.kind ? x.rank! - y.rank! : x.kind === 'collective' ? -1 : 1));
    order.forEach((c, i) => {
      // The name is the page's first line (the topmost text).
      // Ông / Bà from Giới tính before a person's name.
      const title = c.kind === 'individual' ? (c.facts.gender === 'Nữ' ? 'Bà ' : 'Ông ') : '';
      // A body's name spelled out (UBND → Ủy ban nhân dân); no abbreviation but the decision's symbol.
      const name = c.kind === 'collective' ? c.name.replace(/HĐND/g, 'Hội đồng nhân dân').replace(/UBND/g, 'Ủy ban nhân dân') : c.name;
      expect(pageTexts[i].trim().startsWith(`${title}${name} `)).toBe(true);
      expect(pageTexts[i].replace('QĐ-UBND', '')).not.toMatch(/UBND|HĐND|TĐKT/);
      expect(pageTexts[i]).toContain('Quyết định số 1520/QĐ-UBND ngày 28 tháng 12 năm 2022');
      expect(pageTexts[i]).toContain('Ninh Hòa, ngày 28 tháng 12 năm 2022');
    });

    // A body's name that stops at the level is completed with the grantor's place.
    expect(pageTexts.join(' ')).toContain('Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thị xã Ninh Hòa ');
    expect(pageTexts.join(' ')).toContain('Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thị xã Ninh Hòa ');

    // Positions on a cá nhân's page (every line printed): tops, the left-aligned line's left edge, centred lines' centres.
    const i = order.findIndex((c) => c.name === 'Nguyễn Thị Thu Hà');
    const page = i + 1;
    const f = layout.fields;
    const name = line(ws, page, 'Nguyễn');
    expect(Math.abs(name.y - f.name.y)).toBeLessThan(1);
    expect(Math.abs((name.x + name.x2) / 2 - (f.name.x + f.name.width / 2))).toBeLessThan(1);
    const unit = line(ws, page, 'Trưởng');
    expect(Math.abs(unit.y - f.unit.y)).toBeLessThan(1);
    const achievement = line(ws, page, 'Đã');
    expect(Math.abs(achievement.y - f.achievement.y)).toBeLessThan(1);
    const decision = line(ws, page, 'Quyết');
    expect(Math.abs(decision.y - f.decision.y)).toBeLessThan(1);
    expect(Math.abs(decision.x - f.decision.x)).toBeLessThan(1);
    const placeDate = line(ws, page, 'Ninh', 'Hòa,');
    expect(Math.abs(placeDate.y - f.placeDate.y)).toBeLessThan(1);
    expect(Math.abs((placeDate.x + placeDate.x2) / 2 - (f.placeDate.x + f.placeDate.width / 2))).toBeLessThan(1);
    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', pdf, path.join(ARTIFACTS, 'giay-khen')]);
  }, 240000);

  it('a layout file moves lines and the whole print (offset); A3 landscape; the calibration page shows rulers and crosses', () => {
    const file = path.join(work, 'bo-cuc.json');
    writeFileSync(file, JSON.stringify({ paper: 'A3', offset: { x: 2, y: -1.5 }, fields: { decision: { x: 40, y: 250, align: 'left' }, unit: { print: false } } }));
    const out = path.join(work, 'a3', 'gk-a3.docx');
    const r = thidua(['certificates', SAMPLE, '--out', out, '--facts', FACTS, '--layout', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Bố cục: ${file}.`);
    const pdf = toPdf(path.join(work, 'a3'), out);
    const { pages, words: ws } = words(pdf);
    expect(pages[0].width).toBeCloseTo(420, 0);
    expect(pages[0].height).toBeCloseTo(297, 0);
    const decision = line(ws, 12, 'Quyết');
    expect(Math.abs(decision.x - 42)).toBeLessThan(1);
    expect(Math.abs(decision.y - 248.5)).toBeLessThan(1);
    const text = execFileSync('pdftotext', ['-f', '12', '-l', '12', pdf, '-'], { encoding: 'utf8' });
    expect(text).not.toContain('Trưởng phòng, Phòng Nội vụ'); // unit: print false
    const a3 = defaultLayout('A3');
    const name = line(ws, 12, 'Nguyễn');
    expect(Math.abs(name.y - (a3.fields.name.y - 1.5))).toBeLessThan(1);

    const cal = path.join(work, 'cal', 'canh-chinh.docx');
    const c = thidua(['certificates', SAMPLE, '--out', cal, '--layout', file, '--calibration']);
    expect(c.code).toBe(0);
    expect(c.stdout).toContain('trang canh chỉnh');
    const calPdf = toPdf(path.join(work, 'cal'), cal);
    const cw = words(calPdf);
    expect(cw.pages).toHaveLength(1);
    const all = cw.words.map((w) => w.text).join(' ');
    expect(all).toContain('Trang canh chỉnh Giấy khen — khổ A3 ngang (420 × 297 mm)');
    // Ruler labels every 50 mm, at their place along the top edge.
    const label100 = cw.words.find((w) => w.text === '100' && w.y < 30)!;
    expect(Math.abs((label100.x + label100.x2) / 2 - 100)).toBeLessThan(1.5);
    // The name's box label starts at the cross (x + offset).
    const nameBox = line(cw.words, 1, 'Tên');
    expect(Math.abs(nameBox.y - (a3.fields.name.y - 1.5))).toBeLessThan(1);
    execFileSync('pdftoppm', ['-png', '-r', '40', '-singlefile', calPdf, path.join(ARTIFACTS, 'giay-khen-canh-chinh')]);
  }, 240000);

  it('an invalid layout is exit 1 with every problem by path; partial layouts merge over the default', () => {
    const bad = path.join(work, 'sai.json');
    writeFileSync(bad, JSON.stringify({ paper: 'A5', fields: { name: { x: 200, width: 150, size: 'to' }, seal: {} } }));
    const r = thidua(['certificates', SAMPLE, '--out', path.join(work, 'x.docx'), '--layout', bad]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    for (const p of ['paper', 'fields.name.size', 'fields.seal']) expect(r.stderr).toContain(`- ${p}:`);
    const wide = parseLayout({ fields: { name: { x: 200, width: 150 } } });
    expect(wide.ok).toBe(false);
    if (!wide.ok) expect(wide.problems[0].path).toBe('fields.name.width');
    const ok = parseLayout({ fields: { name: { y: 90 } } });
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      const expected: CertificateLayout = defaultLayout('A4');
      expected.fields.name.y = 90;
      expect(ok.layout).toEqual(expected);
    }
    expect(thidua(['certificates', SAMPLE, '--out', path.join(work, 'y.docx'), '--paper', 'A5']).code).toBe(2);
  });

  it('--meeting is read as by dossier and decision (certificates and record name the same people): a broken one is exit 1 naming it', () => {
    const bad = path.join(work, 'hop-hong.json');
    writeFileSync(bad, '{ "membersPresent": ');
    for (const args of [
      ['certificates', SAMPLE, '--out', path.join(work, 'm.docx'), '--facts', FACTS, '--meeting', bad],
      ['record', SAMPLE, '--facts', FACTS, '--meeting', bad, '--annotate', path.join(work, 'm.xlsx')],
    ]) {
      const r = thidua(args);
      expectNoStack(r);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('hop-hong.json');
    }
    const ok = thidua(['certificates', SAMPLE, '--out', path.join(work, 'm2.docx'), '--facts', FACTS, '--meeting', path.join(ROOT, 'templates', 'cuoc-hop-mau.json')]);
    expect(ok.code).toBe(0);
  });
});
