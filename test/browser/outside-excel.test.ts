/**
 * The production task pane opened in a plain browser (Chromium and WebKit), with the REAL Office.js
 * (the files of @microsoft/office-js stand in for the CDN) and no Office host around it: the page
 * must say, politely, that it has to be opened from Excel — and ask nothing of anyone but localhost.
 * And in an Excel below the manifest's ExcelApi 1.9 (the strict test host reporting 1.8), the pane
 * offers no action and points to the offline page thidua.html.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ENGINES, foreignRequests, OFFICE_JS_URL, openBrowser, PANE, type Session, tid } from './support/browser';
import { ARTIFACTS, DIST, ensureHostBundle, ensureProductionBuild, HOST_BUNDLE, ROOT } from './support/build';
import { hostScript } from './support/host';
import { loadSampleGrid } from './support/sample';
import { serveDirectory, type StaticServer } from './support/server';

const SHOTS = path.join(ARTIFACTS, 'browser');
const OFFICE_DIST = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');

describe.each(ENGINES)('task pane outside Excel (real office.js) in %s', (engine) => {
  let server: StaticServer;
  let browser: Session;

  beforeAll(async () => {
    ensureProductionBuild();
    ensureHostBundle();
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await serveDirectory(DIST);
    browser = await openBrowser(engine, PANE);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says it must be opened from Excel', async () => {
    expect(fs.existsSync(path.join(OFFICE_DIST, 'office.js'))).toBe(true);
    browser.answerOffice({ dir: OFFICE_DIST });
    const { page } = browser;
    await page.goto(`${server.origin}/taskpane.html`);
    const notice = tid('outside-excel');
    await page.waitFor(notice, { timeout: 30000 });
    await page.screenshot(path.join(SHOTS, `${engine}-outside-excel.png`), { fullPage: true });

    await expect(page.text(notice)).resolves.toContain('Hãy mở tiện ích từ Excel');
    await expect(page.text(notice)).resolves.toContain('Please open the add-in from Excel');
    // The real Office.js answered (not a stub): Office.onReady resolves with no host.
    expect(await page.evaluate(async () => (await Office.onReady()).host ?? null)).toBeNull();
    expect(browser.requests).toContain(OFFICE_JS_URL);
    // None of the pane's actions is offered outside Excel.
    expect(await page.count('[data-action]')).toBe(0);
    expect(await browser.pageErrors()).toEqual([]);
    expect(foreignRequests(browser.requests)).toEqual([]);
  });

  it('says so too when office.js cannot be loaded at all', async () => {
    browser.answerOffice('unreachable');
    const { page } = browser;
    await page.goto(`${server.origin}/taskpane.html`);
    const notice = tid('outside-excel');
    await page.waitFor(notice, { timeout: 30000 });
    await page.screenshot(path.join(SHOTS, `${engine}-office-js-missing.png`), { fullPage: true });
    await expect(page.text(notice)).resolves.toContain('Không tải được thư viện Office.js');
    expect(await page.count('[data-action]')).toBe(0);
    expect(foreignRequests(browser.requests)).toEqual([]);
  });

  it('in an Excel below ExcelApi 1.9, offers no action and points to thidua.html', async () => {
    const grid = await loadSampleGrid();
    browser.answerOffice({ script: hostScript(grid, fs.readFileSync(HOST_BUNDLE, 'utf8'), { displayLanguage: 'vi-VN', requirementSets: { ExcelApi: '1.8' } }) });
    const { page } = browser;
    await page.goto(`${server.origin}/taskpane.html`);
    const notice = tid('old-excel');
    await page.waitFor(notice, { timeout: 30000 });
    await page.screenshot(path.join(SHOTS, `${engine}-old-excel.png`), { fullPage: true });
    await expect(page.text(notice)).resolves.toContain('Phiên bản Excel này chưa chạy được tiện ích');
    await expect(page.text(notice)).resolves.toContain('thidua.html');
    await expect(page.text(notice)).resolves.toContain('This version of Excel cannot run the add-in');
    expect(await page.evaluate(() => Office.context.requirements.isSetSupported('ExcelApi', '1.8'))).toBe(true);
    expect(await page.count('[data-action]')).toBe(0);
    expect(await browser.pageErrors()).toEqual([]);
    expect(foreignRequests(browser.requests)).toEqual([]);
  });
});
