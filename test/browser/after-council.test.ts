/**
 * After the council, in the production task pane (Chromium and WebKit, strict Excel test host holding
 * the sample workbook with the sample facts saved): "Tạo Quyết định", "In Giấy khen", "Phiếu bầu" and
 * "Ghi vào lịch sử" give what `thidua decision`, `thidua certificates`, `thidua ballots` and `thidua record` give on the same
 * workbook and facts — the .docx byte for byte, the history rows entry for entry — and the same
 * decision is refused the second time.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { STATE_SHEET } from '../../src/core/annotationPlan';
import type { Grid } from '../../src/core/grid';
import { readHistory } from '../../src/core/history';
import { stateRows } from '../../src/core/state';

import { readWorkbookFile } from '../support/readWorkbook';
import { SAMPLE, thidua } from '../cli/run';
import type { WorkbookModel } from '../../tools/excel-host/model';
import { ENGINES, openBrowser, PANE, type Session, tid } from './support/browser';
import { ARTIFACTS, DIST, ensureHostBundle, ensureProductionBuild, HOST_BUNDLE } from './support/build';
import { hostScript, probe } from './support/host';
import { loadSampleGrid } from './support/sample';
import { serveDirectory, type StaticServer } from './support/server';
import { parsedSampleFacts } from '../support/dossier';

const SHOTS = path.join(ARTIFACTS, 'browser');

const sampleFacts = parsedSampleFacts;

/** The host's workbook as a Grid (values only), for the history reader. */
function gridOfModel(model: WorkbookModel): Grid {
  const sheets = model.sheets.map((s) => {
    const values: (string | number | boolean | null)[][] = [];
    for (const [ref, cell] of Object.entries(s.cells)) {
      const m = /^([A-Z]+)(\d+)$/.exec(ref);
      if (!m) continue;
      let col = 0;
      for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
      const row = Number(m[2]) - 1;
      while (values.length <= row) values.push([]);
      values[row][col - 1] = (cell as { value: string | number | boolean | null }).value;
    }
    return { name: s.name, originRow: 0, originCol: 0, values: values.map((r) => Array.from(r, (v) => (v === undefined ? null : v))) };
  });
  return { sheets } as Grid;
}

describe.each(ENGINES)('after the council, in %s with the Excel test host', (engine) => {
  let server: StaticServer;
  let browser: Session;
  let tmp: string;
  let factsFile: string;

  beforeAll(async () => {
    ensureProductionBuild();
    ensureHostBundle();
    fs.mkdirSync(SHOTS, { recursive: true });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-after-'));
    const facts = sampleFacts();
    factsFile = path.join(tmp, 'facts.json');
    fs.writeFileSync(factsFile, JSON.stringify(facts));
    const grid = await loadSampleGrid();
    const withFacts: Grid = { sheets: [...grid.sheets, { name: STATE_SHEET, originRow: 0, originCol: 0, values: stateRows({ facts }) }] };
    server = await serveDirectory(DIST);
    browser = await openBrowser(engine, PANE);
    browser.answerOffice({ script: hostScript(withFacts, fs.readFileSync(HOST_BUNDLE, 'utf8'), { displayLanguage: 'vi-VN' }) });
  }, 600000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const save = async (testid: string): Promise<Buffer> => (await browser.page.download(`[data-testid=${testid}]`)).bytes;

  it('the decision, the certificates and the history equal the CLI’s', async () => {
    const { page } = browser;
    await page.goto(`${server.origin}/taskpane.html`);
    await page.click('[data-action=dossier]');
    await page.waitFor(tid('dossier-form'));
    await expect(page.value('[data-fact="decision.number"]')).resolves.toBe('1520');

    // Tạo Quyết định = thidua decision.
    await page.click('[data-action=decision-generate]');
    await page.waitFor(tid('download-decision'), { timeout: 60000 });
    await expect(page.text(tid('after-success'))).resolves.toContain('Đã lập 1 Quyết định khen thưởng.');
    await page.screenshot(path.join(SHOTS, `${engine}-after-1-decision.png`), { fullPage: true });
    const paneDecision = await save('download-decision');
    const cliOut = path.join(tmp, 'cli');
    const cli = thidua(['decision', SAMPLE, '--out', cliOut, '--facts', factsFile]);
    expect(cli.code).toBe(0);
    expect(fs.readFileSync(path.join(cliOut, 'quyet-dinh-giay-khen-thi-xa.docx')).equals(paneDecision)).toBe(true);
    // With it, the accountant's danh sách chi tiền thưởng, as the CLI writes it.
    expect(fs.readFileSync(path.join(cliOut, 'danh-sach-chi-tien-thuong-giay-khen-thi-xa.docx')).equals(await save('download-paylist'))).toBe(true);

    // In Giấy khen = thidua certificates.
    await page.click('[data-action=certificates-generate]');
    await page.waitFor(tid('download-certificates'), { timeout: 60000 });
    await expect(page.text(tid('after-success'))).resolves.toContain('Đã lập 19 trang Giấy khen');
    const paneCertificates = await save('download-certificates');
    const cliGk = path.join(tmp, 'gk-cli.docx');
    expect(thidua(['certificates', SAMPLE, '--out', cliGk, '--facts', factsFile]).code).toBe(0);
    expect(fs.readFileSync(cliGk).equals(paneCertificates)).toBe(true);

    // Phiếu bầu = thidua ballots: the ballots and, the sample meeting's votes being counted, the Biên bản kiểm phiếu.
    await page.click('[data-testid=dossier-votes] summary');
    await page.click('[data-action=ballots-generate]');
    await page.waitFor(tid('download-count-record'), { timeout: 60000 });
    await expect(page.text(tid('after-success'))).resolves.toContain('Kèm Biên bản kiểm phiếu');
    const ballotsOut = path.join(tmp, 'ballots-cli');
    expect(thidua(['ballots', SAMPLE, '--out', ballotsOut, '--facts', factsFile]).code).toBe(0);
    expect(fs.readFileSync(path.join(ballotsOut, 'phieu-bau.docx')).equals(await save('download-ballots'))).toBe(true);
    expect(fs.readFileSync(path.join(ballotsOut, 'bien-ban-kiem-phieu.docx')).equals(await save('download-count-record'))).toBe(true);

    // A layout saved in the pane is the CLI's layout too (read from the workbook).
    const layout = JSON.parse(await page.value('[data-testid=layout-json]'));
    layout.fields.name.y = 88;
    await page.click('details.certificate-layout summary');
    await page.fill('[data-testid=layout-json]', JSON.stringify(layout));
    await page.click('[data-action=layout-save]');
    await expect(page.text(tid('after-success'))).resolves.toContain('Đã lưu bố cục Giấy khen');
    await page.click('[data-action=certificates-calibration]');
    await page.waitFor(tid('download-calibration'), { timeout: 60000 });

    // Ghi vào lịch sử = thidua record.
    await page.click('[data-action=record-awards]');
    await expect(page.text(tid('after-success'))).resolves.toContain('Đã ghi 19 dòng của Quyết định 1520/QĐ-UBND vào trang “Lịch sử khen thưởng”.');
    await page.screenshot(path.join(SHOTS, `${engine}-after-2-recorded.png`), { fullPage: true });
    const model = (await probe(page).dump()) as WorkbookModel;
    const paneHistory = readHistory(gridOfModel(model)).history!;
    const cliCopy = path.join(tmp, 'da-ghi.xlsx');
    expect(thidua(['record', SAMPLE, '--facts', factsFile, '--annotate', cliCopy]).code).toBe(0);
    const read = await readWorkbookFile(cliCopy);
    if (!read.ok) throw new Error('copy unreadable');
    const cliHistory = readHistory(read.grid).history!;
    // The sample's history sheet holds 8 earlier awards: the 19 come below them, as in the CLI's copy.
    expect(paneHistory.entries.filter((e) => e.decisionNumber === '1520/QĐ-UBND')).toHaveLength(19);
    expect(paneHistory.entries.map(({ nameCell: _n, ...e }) => e)).toEqual(cliHistory.entries.map(({ nameCell: _n, ...e }) => e));
    // The layout saved by the pane is what the workbook now holds.
    const saved = model.sheets.find((s) => s.name === STATE_SHEET);
    expect(JSON.stringify(saved)).toContain('certificateLayout');

    // The same decision again: refused, nothing written.
    const before = JSON.stringify(await probe(page).dump());
    await page.click('[data-action=record-awards]');
    await expect(page.text(tid('after-warning'))).resolves.toContain('Quyết định 1520/QĐ-UBND đã có trong lịch sử (dòng 13–31)');
    expect(JSON.stringify(await probe(page).dump())).toBe(before);

    // The council's decision chosen in the pane: saved as the CLI's meeting.decisions, judged again.
    const initiative = 'select[data-initiative="Số hóa hồ sơ cán bộ, công chức"]';
    const open = await page.count('select[data-decision=initiative]');
    expect(open).toBeGreaterThan(0);
    await page.evaluate(() => void ((document.querySelector('[data-testid=dossier-votes]') as HTMLDetailsElement).open = true));
    await page.select(initiative, 'Phòng Nội vụ');
    await page.click('[data-action=council-save]');
    await expect(page.text(tid('after-success'))).resolves.toContain('Đã lưu 1 quyết định của Hội đồng');
    const state = JSON.stringify((await probe(page).dump() as WorkbookModel).sheets.find((s) => s.name === STATE_SHEET));
    expect(state).toContain('Phòng Nội vụ');
    expect(state).toContain('initiative');
    // Judged again: the question is settled, the form lists one fewer.
    await expect(page.count(initiative)).resolves.toBe(0);
    await expect(page.count('select[data-decision=initiative]')).resolves.toBe(open - 1);
  });
});
