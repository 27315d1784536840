/**
 * The production task pane opened in a plain browser, with the REAL Office.js (the files of
 * @microsoft/office-js stand in for the CDN) and no Office host around it: the page must say,
 * politely, that it has to be opened from Excel — and ask nothing of anyone but localhost.
 */
import * as fs from 'fs';
import * as path from 'path';
import { answerWithRealOfficeJs, foreignRequests, OFFICE_JS_URL, openBrowser, type Session } from './support/browser';
import { ARTIFACTS, DIST, ensureProductionBuild, ROOT } from './support/build';
import { serveDirectory, type StaticServer } from './support/server';

const SHOTS = path.join(ARTIFACTS, 'browser');
const OFFICE_DIST = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');

describe('task pane outside Excel (real office.js)', () => {
  let server: StaticServer;
  let browser: Session | undefined;

  beforeAll(async () => {
    ensureProductionBuild();
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await serveDirectory(DIST);
  });

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  afterAll(async () => {
    await server?.close();
  });

  it('says it must be opened from Excel', async () => {
    browser = await openBrowser();
    expect(fs.existsSync(path.join(OFFICE_DIST, 'office.js'))).toBe(true);
    await answerWithRealOfficeJs(browser, OFFICE_DIST);
    const { page } = browser;
    await page.goto(`${server.origin}/taskpane.html`);
    const notice = page.getByTestId('outside-excel');
    await notice.waitFor({ timeout: 30000 });
    await page.screenshot({ path: path.join(SHOTS, 'outside-excel.png'), fullPage: true });
    const requests = browser.requests;

    await expect(notice.textContent()).resolves.toContain('Hãy mở tiện ích từ Excel');
    await expect(notice.textContent()).resolves.toContain('Please open the add-in from Excel');
    // The real Office.js answered (not a stub): Office.onReady resolves with no host.
    expect(await page.evaluate(async () => (await Office.onReady()).host ?? null)).toBeNull();
    expect(requests).toContain(OFFICE_JS_URL);
    // None of the pane's actions is offered outside Excel.
    expect(await page.locator('[data-action]').count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
    expect(foreignRequests(requests)).toEqual([]);
  });

  it('says so too when office.js cannot be loaded at all', async () => {
    browser = await openBrowser();
    await browser.context.route(`${OFFICE_JS_URL}`, (route) => route.abort('internetdisconnected'));
    const { page } = browser;
    await page.goto(`${server.origin}/taskpane.html`);
    const notice = page.getByTestId('outside-excel');
    await notice.waitFor({ timeout: 30000 });
    await page.screenshot({ path: path.join(SHOTS, 'office-js-missing.png'), fullPage: true });
    await expect(notice.textContent()).resolves.toContain('Không tải được thư viện Office.js');
    expect(await page.locator('[data-action]').count()).toBe(0);
    expect(foreignRequests(browser.requests)).toEqual([]);
  });
});
