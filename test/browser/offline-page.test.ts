/**
 * The offline page dist/thidua.html opened from disk (file://) in Chromium and WebKit: the clerk
 * picks the sample workbook, takes the pane's steps, and downloads the annotated copy, the cleared
 * copy, the dossier .zip, the Quyết định and the copy holding what was saved — each compared with
 * what `thidua` makes from the same file, part for part. No request leaves the page: the browsers
 * record none, and a fetch the page tries is refused by its Content-Security-Policy. Screenshots at
 * 1280 and 800 px in test/artifacts/offline/.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import PizZip from 'pizzip';

import { ZIP_NAME } from '../../src/docx/generate';
import { factsToForm } from '../../src/taskpane/dossier/form';
import { SAMPLE, thidua } from '../cli/run';
import { compareCopies, zipParts, type Comparison } from '../offline/support/zipParts';
import { ENGINES, openBrowser, type Page, type Session, tid } from './support/browser';
import { ARTIFACTS, DIST, ensureOfflineBuild } from './support/build';
import { parsedSampleFacts } from '../support/dossier';

const SHOTS = path.join(ARTIFACTS, 'offline');
const PAGE = `file://${path.join(DIST, 'thidua.html')}`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const sampleFacts = parsedSampleFacts;

/**
 * WebKit's web view does not hand downloads to WebDriver, and a file:// page does not come through
 * the test proxy that records them: the offered Blob is taken in the page instead (object URLs are
 * remembered as they are made — the page's CSP forbids fetching even a blob: URL). Run by WebDriver,
 * so the page's CSP does not apply to it.
 */
function recordDownloads(): void {
  const w = window as unknown as { __thiduaDownloads?: unknown[]; __thiduaPageErrors?: string[] };
  if (w.__thiduaDownloads) return;
  const errors = (w.__thiduaPageErrors = [] as string[]);
  window.addEventListener('error', (e) => errors.push(String(e.error && e.error.message ? e.error.message : e.message)));
  window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason && e.reason.message ? e.reason.message : e.reason)));
  const blobs = new Map<string, Blob>();
  const make = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (b: Blob | MediaSource) => {
    const url = make(b);
    if (b instanceof Blob) blobs.set(url, b);
    return url;
  };
  const downloads: { name: string; done: boolean; base64?: string; error?: string }[] = [];
  w.__thiduaDownloads = downloads;
  document.addEventListener(
    'click',
    (e) => {
      const a = e.target instanceof Element ? (e.target.closest('a[download]') as HTMLAnchorElement | null) : null;
      if (!a || !a.href || a.href.endsWith('#')) return;
      e.preventDefault();
      const entry: { name: string; done: boolean; base64?: string; error?: string } = { name: a.getAttribute('download') ?? '', done: false };
      downloads.push(entry);
      const blob = blobs.get(a.href);
      if (!blob) {
        entry.error = `no blob for ${a.href}`;
        entry.done = true;
        return;
      }
      void blob.arrayBuffer().then((buf) => {
        const bytes = new Uint8Array(buf);
        let bin = '';
        for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...Array.from(bytes.subarray(i, i + 0x8000)));
        entry.base64 = btoa(bin);
        entry.done = true;
      });
    },
    true,
  );
}

function report(c: Comparison): string {
  return `${c.parts} parts equal (content, CRC, size, method, flags); stored bytes identical: ${c.sameStored.length}; recompressed by the browser's deflate: ${c.recompressed.length} [${c.recompressed.join(', ')}]; zip time set aside on new parts: [${c.timeNormalised.join(', ')}]`;
}

describe.each(ENGINES)('the offline page in %s, opened from disk', (engine) => {
  let browser: Session;
  let tmp: string;
  const figures: string[] = [];

  beforeAll(async () => {
    ensureOfflineBuild();
    fs.mkdirSync(SHOTS, { recursive: true });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-offline-'));
    browser = await openBrowser(engine, { width: 1280, height: 900 });
  }, 900000);

  afterAll(async () => {
    if (figures.length) fs.writeFileSync(path.join(SHOTS, `${engine}-comparison.txt`), `${figures.join('\n')}\n`);
    await browser?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const shots = async (page: Page, name: string) => {
    for (const width of [1280, 800]) {
      await page.setViewport(width, 900);
      await page.screenshot(path.join(SHOTS, `${engine}-${width}-${name}.png`));
    }
    await page.setViewport(1280, 900);
  };
  const open = async (page: Page) => {
    await page.goto(PAGE);
    await page.waitFor(tid('offline-pick'));
    if (engine === 'webkit') await page.evaluate(recordDownloads);
  };
  const download = async (page: Page, target: string, file: string): Promise<Buffer> => {
    const d = await page.download(target);
    fs.writeFileSync(path.join(tmp, file), d.bytes);
    return d.bytes;
  };

  it('makes the CLI’s annotated copy, cleared copy, dossier and Quyết định, with no network request', async () => {
    const { page } = browser;
    const original = fs.readFileSync(SAMPLE);
    await open(page);
    await expect(page.text('h1')).resolves.toBe('Thi đua CCHC');
    await shots(page, '1-start');

    // The clerk picks the workbook; the worker reads it; the pane's steps appear.
    await page.setFiles(tid('offline-file'), [{ name: 'mau-theo-doi-thi-dua-cchc.xlsx', mimeType: XLSX, buffer: original }]);
    await page.waitFor('[data-action=check]', { timeout: 60000 });
    await expect(page.text(tid('offline-name'))).resolves.toBe('mau-theo-doi-thi-dua-cchc.xlsx');
    await expect(page.text(tid('offline-status'))).resolves.toContain('Đã đọc tệp');
    await expect(page.text(tid('next-step'))).resolves.toBe('Bước tiếp theo: bấm “Kiểm tra dữ liệu”.');

    // Kiểm tra dữ liệu, then Xét tiêu chí: the pane's own views.
    await page.click('[data-action=check]');
    await page.waitFor('[data-testid=tables] .table-card');
    await expect(page.count('[data-testid=problems] li')).resolves.toBeGreaterThan(0);
    await shots(page, '2-check');
    await page.click('[data-action=review]');
    await page.waitFor('[data-testid=candidates] li.candidate');
    await expect(page.count('[data-testid=candidates] li.candidate')).resolves.toBe(31);
    await expect(page.text(tid('overview-quotas'))).resolves.toContain('10/10');
    await shots(page, '3-review');

    // Đánh dấu downloads the annotated copy: thidua check --annotate's, part for part.
    const marked = await download(page, '[data-action=annotate]', 'marked.xlsx');
    await page.waitFor('[data-step=annotate].done');
    await expect(page.text(tid('offline-status'))).resolves.toContain('Đã tải xuống “mau-theo-doi-thi-dua-cchc-da-danh-dau.xlsx”');
    await shots(page, '4-annotated');
    const cliMarked = path.join(tmp, 'cli-marked.xlsx');
    expect(thidua(['check', SAMPLE, '--annotate', cliMarked]).code).toBe(0);
    const a = compareCopies(fs.readFileSync(cliMarked), marked, original);
    expect(a.differences).toEqual([]);
    figures.push(`annotate: ${report(a)}`);

    // Xóa đánh dấu downloads thidua clear's copy — the original again, part for part.
    const cleared = await download(page, '[data-action=clear]', 'cleared.xlsx');
    const cliCleared = path.join(tmp, 'cli-cleared.xlsx');
    expect(thidua(['clear', cliMarked, '--out', cliCleared]).code).toBe(0);
    const c = compareCopies(fs.readFileSync(cliCleared), cleared, fs.readFileSync(cliMarked));
    expect(c.differences).toEqual([]);
    figures.push(`clear: ${report(c)}`);
    const back = zipParts(cleared);
    expect(back.map((p) => p.name)).toEqual(zipParts(original).map((p) => p.name));
    zipParts(original).forEach((p, i) => expect({ part: p.name, same: p.content.equals(back[i].content) }).toEqual({ part: p.name, same: true }));

    // Tạo hồ sơ: the facts typed into the pane's form, the .zip downloaded.
    const facts = sampleFacts();
    await page.click('[data-action=dossier]');
    await page.waitFor(tid('dossier-form'));
    await page.click('[data-testid=dossier-more] > summary');
    await page.click('[data-testid=dossier-votes] > summary');
    const voteNames = (await page.attrs('[data-vote]', 'data-vote')) as string[];
    const values = factsToForm(facts, voteNames);
    for (const [id, value] of Object.entries(values.fields)) await page.fill(`[data-fact="${id}"]`, value);
    for (const v of values.votes) await page.fill(`[data-vote="${v.candidate}"]`, v.agree);
    await page.click('[data-action=dossier-generate]');
    await page.waitFor(tid('dossier-done'), { timeout: 120000 });
    await expect(page.text(tid('dossier-done'))).resolves.toContain('Đã tạo 21 văn bản.');
    await shots(page, '5-dossier');
    const zip = await download(page, '[data-testid=download-zip]', ZIP_NAME);
    expect(Object.keys(new PizZip(zip).files).filter((n) => !n.endsWith('/'))).toHaveLength(21);

    // The facts were saved into the copy: "Tải tệp về" gives it, and thidua dossier --zip on it
    // (reading the facts from the workbook) makes the very same .zip, byte for byte.
    await page.waitFor(`${tid('offline-download')}:not([aria-disabled])`);
    const withFacts = await download(page, tid('offline-download'), 'with-facts.xlsx');
    const copy = path.join(tmp, 'with-facts.xlsx');
    const cliDossier = thidua(['dossier', copy, '--out', path.join(tmp, 'cli-dossier'), '--zip']);
    expect(cliDossier.code).toBe(0);
    expect(fs.readFileSync(path.join(tmp, 'cli-dossier', ZIP_NAME)).equals(zip)).toBe(true);
    figures.push(`dossier: ${ZIP_NAME} (${zip.length} bytes, 21 documents) byte-identical to thidua dossier --zip on the downloaded copy`);
    // Saving the facts added only the state sheet: every part of the cleared copy is stored alike.
    const before = new Map(zipParts(cleared).map((p) => [p.name, p.raw]));
    const changed = zipParts(withFacts).filter((p) => !before.get(p.name)?.equals(p.raw)).map((p) => p.name);
    expect(changed.filter((n) => !['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels'].includes(n) && before.has(n))).toEqual([]);
    expect(changed.filter((n) => !before.has(n))).toHaveLength(1);

    // After the council: Tạo Quyết định = thidua decision on the same copy.
    await page.click('[data-action=decision-generate]');
    await page.waitFor(tid('download-decision'), { timeout: 120000 });
    const decision = await download(page, tid('download-decision'), 'quyet-dinh.docx');
    expect(thidua(['decision', copy, '--out', path.join(tmp, 'cli-decision')]).code).toBe(0);
    expect(fs.readFileSync(path.join(tmp, 'cli-decision', 'quyet-dinh-giay-khen-thi-xa.docx')).equals(decision)).toBe(true);
    await shots(page, '6-after-council');

    // Nothing went out: no request recorded, and one the page tries is refused by its CSP.
    const refused = await page.evaluate(() =>
      fetch('http://127.0.0.1:9/thidua').then(
        () => 'sent',
        () => 'refused',
      ),
    );
    expect(refused).toBe('refused');
    expect(browser.requests).toEqual([]);
    await expect(browser.pageErrors()).resolves.toEqual([]);
  }, 900000);
});

/**
 * A workbook of more than 50 MB (the sample with a sheet of 240,000 rows of hardly compressible
 * text, 30 million characters) is read by the worker: the progress bar
 * moves, and the page's own thread keeps running (its timer never waits long), then the steps work.
 * Chromium only: WebKit's WebDriver would carry the 50 MB file as a base64 script argument.
 */
describe('the offline page with a workbook over 50 MB, in chromium', () => {
  let browser: Session;
  let big: Buffer;

  beforeAll(async () => {
    ensureOfflineBuild();
    const { openPackage } = await import('../../src/xlsx/package');
    const { Workbook } = await import('../../src/xlsx/patch/workbook');
    const { randomBytes } = await import('crypto');
    const pkg = openPackage(fs.readFileSync(SAMPLE));
    // 125 random CJK characters a row (3 bytes each in UTF-8, ~14 bits of entropy: deflate keeps ~2 of
    // them), drawn from 5,000 texts (a repeat rarely falls in deflate's 32 KB window): 30 million
    // characters, under the reader's text budget, in a part of ~65 MB once compressed.
    const pool = Array.from({ length: 5000 }, () => {
      const b = randomBytes(250);
      let s = '';
      for (let i = 0; i < 125; i++) s += String.fromCharCode(0x4e00 + (b.readUInt16LE(i * 2) % 20000));
      return s;
    });
    const pick = randomBytes(240000 * 2);
    const rows: string[] = [];
    for (let r = 1; r <= 240000; r++) rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${pool[pick.readUInt16LE((r - 1) * 2) % pool.length]}</t></is></c></row>`);
    new Workbook(pkg).addSheet('Phụ lục', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`, 'visible');
    big = Buffer.concat(pkg.toZip());
    browser = await openBrowser('chromium', { width: 1280, height: 900 });
  }, 900000);

  afterAll(async () => {
    await browser?.close();
  });

  it('reads it in the worker with a progress bar, the page never frozen', async () => {
    expect(big.length).toBeGreaterThan(50 * 1024 * 1024);
    const { page } = browser;
    await page.goto(PAGE);
    await page.waitFor(tid('offline-pick'));
    await page.evaluate(() => {
      const w = window as unknown as { __gaps: number[]; __progress: string[] };
      w.__gaps = [];
      w.__progress = [];
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.__gaps.push(now - last);
        last = now;
      }, 50);
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid=offline-progress] fluent-progress');
        if (bar) w.__progress.push(`${bar.getAttribute('value')}/${bar.getAttribute('max')}`);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const started = Date.now();
    await page.setFiles(tid('offline-file'), [{ name: 'lon.xlsx', mimeType: XLSX, buffer: big }]);
    await page.waitFor('[data-action=check]', { timeout: 300000 });
    const readMs = Date.now() - started;
    const { gaps, progress } = await page.evaluate(() => {
      const w = window as unknown as { __gaps: number[]; __progress: string[] };
      return { gaps: w.__gaps, progress: w.__progress };
    });
    // The bar went forward (loading the file, then the sheets read), and reached its end.
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.some((p) => /^(\d+)\/\1$/.test(p))).toBe(true);
    // The page's thread answered its 50 ms timer throughout (a parse on it would stall it for seconds).
    expect(gaps.length).toBeGreaterThan(10);
    expect(Math.max(...gaps)).toBeLessThan(1500);
    fs.mkdirSync(SHOTS, { recursive: true });
    fs.writeFileSync(
      path.join(SHOTS, 'chromium-big-file.txt'),
      `${(big.length / 1048576).toFixed(1)} MB read in ${(readMs / 1000).toFixed(1)} s (file handed over, worker read, steps shown); progress bar updates: ${progress.length}; the page's 50 ms timer ran ${gaps.length} times, longest wait ${Math.max(...gaps).toFixed(0)} ms\n`,
    );
    await page.click('[data-action=review]');
    await page.waitFor('[data-testid=candidates] li.candidate', { timeout: 120000 });
    await expect(page.count('[data-testid=candidates] li.candidate')).resolves.toBe(31);
    expect(browser.requests).toEqual([]);
  }, 900000);
});
