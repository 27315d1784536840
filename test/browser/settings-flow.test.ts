/**
 * "Cấu hình" in the production task pane (Chromium and WebKit, strict Excel test host holding the
 * sample workbook): an invalid threshold is refused by field, a valid one is saved in the host's
 * workbook and changes the review, survives a reload of the pane, is exported as the cli.md JSON,
 * and "Khôi phục mặc định" brings the plan's defaults back. On a Mac the export is shown as text.
 * Also the "Kiểm tra nhanh" dialog page. Screenshots go to test/artifacts/browser/.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/analyze';
import { STATE_SHEET } from '../../src/core/annotationPlan';
import type { Grid } from '../../src/core/grid';
import { DEFAULT_PROFILE, type Profile } from '../../src/core/profile';
import type { QuickReport } from '../../src/commands/quickCheck';
import { ENGINES, foreignRequests, openBrowser, PANE, type Session, tid } from './support/browser';
import type { HostOptions } from './support/host';
import { ARTIFACTS, DIST, ensureHostBundle, ensureProductionBuild, HOST_BUNDLE } from './support/build';
import { eventually } from './support/eventually';
import { hostScript, probe } from './support/host';
import { loadSampleGrid } from './support/sample';
import { serveDirectory, type StaticServer } from './support/server';

const SHOTS = path.join(ARTIFACTS, 'browser');
const SIPAS = '[data-path="criteria.sipas.threshold"]';

function sipas(threshold: number): Profile {
  const p = structuredClone(DEFAULT_PROFILE);
  p.criteria.sipas = { enabled: true, threshold, inclusive: true };
  return p;
}

/** Candidates whose SIPAS criterion fails under a profile. */
function sipasFails(grid: Grid, profile: Profile): number {
  return analyze(grid, { lang: 'vi', profile }).result.candidates.filter((c) => c.criteria.some((x) => x.id === 'sipas' && x.outcome === 'fail')).length;
}

describe.each(ENGINES)('Cấu hình in %s with the Excel test host', (engine) => {
  let server: StaticServer;
  let grid: Grid;
  let browser: Session;

  beforeAll(async () => {
    ensureProductionBuild();
    ensureHostBundle();
    fs.mkdirSync(SHOTS, { recursive: true });
    grid = await loadSampleGrid();
    server = await serveDirectory(DIST);
    browser = await openBrowser(engine, PANE);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh start for each test in the one session: no workbook kept from the last, the host as said. */
  const start = async (options: HostOptions) => {
    await browser.page.goto(`${server.origin}/no-such-page`);
    await browser.page.evaluate(() => {
      sessionStorage.clear();
      localStorage.clear();
    });
    browser.answerOffice({ script: hostScript(grid, fs.readFileSync(HOST_BUNDLE, 'utf8'), options) });
  };
  const shotPath = (name: string) => path.join(SHOTS, `${engine}-${name}.png`);

  it('refuses 150, saves 95 in the workbook, the review follows, a reload keeps it, export, restore', async () => {
    await start({ displayLanguage: 'vi-VN', persist: true });
    const { page } = browser;
    const shot = (name: string) => page.screenshot(shotPath(name), { fullPage: true });
    await page.goto(`${server.origin}/taskpane.html`);

    await page.click('[data-tab=settings]');
    await page.waitFor(SIPAS);
    await shot('10-settings');
    await expect(page.text(tid('profile-source'))).resolves.toBe('Sổ làm việc này đang dùng mặc định của kế hoạch.');
    expect(await page.value(SIPAS)).toBe('90');

    // An invalid threshold: refused, by field, in Vietnamese; nothing reaches the workbook.
    await page.fill(SIPAS, '150');
    await page.click('[data-action=save-profile]');
    const refusal = '[data-testid=settings-message] [role=alert]';
    await page.waitFor(refusal);
    await expect(page.text(refusal)).resolves.toContain('Chưa lưu: cấu hình có 1 lỗi');
    await expect(page.texts(`${refusal} li`)).resolves.toEqual(['Chỉ số SIPAS — ngưỡng: phải không lớn hơn 100']);
    await expect(page.text('[data-error-for="criteria.sipas.threshold"]')).resolves.toBe('phải không lớn hơn 100');
    expect(await page.attr(SIPAS, 'aria-invalid')).toBe('true');
    await page.scrollIntoView(SIPAS);
    await shot('11-refused');
    expect(await probe(page).sheetNames()).not.toContain(STATE_SHEET);

    // A valid, stricter threshold: saved, judged again.
    await page.fill(SIPAS, '95');
    await page.click('[data-action=save-profile]');
    const info = '[data-testid=status] .message-bar.success';
    await page.waitFor(info);
    await expect(page.text(info)).resolves.toContain('Đã lưu cấu hình vào sổ làm việc');
    await expect(page.text(tid('profile-source'))).resolves.toBe('Sổ làm việc này đang dùng cấu hình riêng đã lưu.');
    await shot('12-saved');
    expect(await probe(page).sheetNames()).toContain(STATE_SHEET);

    // The review shows the new result: more SIPAS fails than with the plan's defaults.
    const before = sipasFails(grid, DEFAULT_PROFILE);
    const after = sipasFails(grid, sipas(95));
    expect(after).toBeGreaterThan(before);
    await page.click('[data-tab=main]');
    const sipasFailMarks = '[data-testid=candidates] .marks [data-criterion=sipas].fail';
    expect(await eventually(() => page.count(sipasFailMarks), after)).toBe(after);
    await expect(page.text(tid('profile-name'))).resolves.toContain('cấu hình lưu trong sổ làm việc');
    // The top of the pane (viewport only: the full list is very long).
    await page.screenshot(shotPath('13-review-after-save'));

    // Reload the pane: the profile lives in the (host's) workbook, not in the page.
    await page.reload();
    await page.click('[data-tab=settings]');
    await page.waitFor(SIPAS);
    expect(await page.value(SIPAS)).toBe('95');
    await expect(page.text(tid('profile-source'))).resolves.toBe('Sổ làm việc này đang dùng cấu hình riêng đã lưu.');
    await shot('14-reloaded');

    // Export: the cli.md --profile JSON, downloaded.
    await page.click('details.file-section > summary');
    const exported = await page.download('[data-action=export-profile]');
    expect(exported.name).toBe('cau-hinh-thi-dua-cchc.json');
    expect(JSON.parse(exported.bytes.toString('utf8'))).toEqual(sipas(95));
    await expect(page.text(tid('settings-message'))).resolves.toContain('Đã tải tệp cấu hình xuống');

    // Import a file (the hidden input behind "Nhập từ tệp JSON"): the exported file loads back.
    await page.setFiles('[data-testid=import-file]', [{ name: exported.name, mimeType: 'application/json', buffer: exported.bytes }]);
    // The file is read asynchronously: wait for the message rather than read it at once.
    const imported = async () => ((await page.text(tid('settings-message'))) ?? '').includes('Đã nạp cấu hình vào biểu mẫu');
    expect(await eventually(imported, true)).toBe(true);
    expect(await page.value(SIPAS)).toBe('95');

    // Import by paste: a bad file is refused by its JSON path, a good one fills the form.
    await page.fill('[data-testid=import-text]', '{ "criteria": { "sipas": { "threshold": 101 }, "speed": {} } }');
    await page.click('[data-action=import-text]');
    await expect(page.text('[data-testid=settings-message] [role=alert]')).resolves.toContain('Không nạp được cấu hình: 2 lỗi');
    await page.fill('[data-testid=import-text]', '{ "criteria": { "onTime": { "threshold": 97, "inclusive": true } } }');
    await page.click('[data-action=import-text]');
    await expect(page.text(tid('settings-message'))).resolves.toContain('Đã nạp cấu hình vào biểu mẫu');
    expect(await page.value('[data-path="criteria.onTime.threshold"]')).toBe('97');
    expect(await page.value('[data-path="criteria.onTime.inclusive"]')).toBe('ge');
    await shot('15-imported');

    // Back to the plan's defaults: the saved profile is removed, the review is the default one.
    await page.click('[data-action=restore-profile]');
    await page.waitFor({ css: '[data-testid=status] .message-bar.success', hasText: 'Đã khôi phục mặc định của kế hoạch' });
    expect(await page.value(SIPAS)).toBe('90');
    await expect(page.text(tid('profile-source'))).resolves.toBe('Sổ làm việc này đang dùng mặc định của kế hoạch.');
    await shot('16-restored');
    await page.click('[data-tab=main]');
    expect(await eventually(() => page.count(sipasFailMarks), before)).toBe(before);

    expect(browser.dialogs).toEqual([]);
    expect(await browser.pageErrors()).toEqual([]);
    expect(foreignRequests(browser.requests)).toEqual([]);
  });

  it('speaks English when Office does not, and keeps unsaved edits across a tab switch', async () => {
    await start({ displayLanguage: 'en-US' });
    const { page } = browser;
    await page.goto(`${server.origin}/taskpane.html`);
    await expect(page.texts('[data-tab]')).resolves.toEqual(['Awards', 'Settings']);
    await page.click('[data-tab=settings]');
    await page.waitFor(SIPAS);
    await expect(page.text(tid('profile-source'))).resolves.toBe('This workbook uses the plan’s defaults.');
    await page.fill(SIPAS, '150');
    await page.fill('[data-path="awards.1.quota.individual"]', '-1');
    await page.click('[data-action=save-profile]');
    const refusal = '[data-testid=settings-message] [role=alert]';
    await page.waitFor(refusal);
    await expect(page.text(refusal)).resolves.toContain('Not saved: the profile has 2 problems');
    await expect(page.texts(`${refusal} li`)).resolves.toEqual([
      'SIPAS index — threshold: must be at most 100',
      'Giấy khen của Chủ tịch UBND thị xã — quota for individuals: must be at least 0',
    ]);
    await page.screenshot(shotPath('19-settings-en-refused'), { fullPage: true });
    await page.fill(SIPAS, '95');
    await page.click('[data-tab=main]');
    await page.click('[data-tab=settings]');
    expect(await page.value(SIPAS)).toBe('95');
    expect(await probe(page).sheetNames()).not.toContain(STATE_SHEET);
    expect(await browser.pageErrors()).toEqual([]);
  });

  it('on a Mac, Export shows the JSON to copy and says why', async () => {
    await start({ displayLanguage: 'vi-VN', platform: 'Mac' });
    const { page } = browser;
    await page.goto(`${server.origin}/taskpane.html`);
    const downloads = await page.downloadCount();
    await page.click('[data-tab=settings]');
    await page.waitFor(SIPAS);
    await page.click('details.file-section > summary');
    await page.click('[data-action=export-profile]');
    const box = tid('mac-export');
    await page.waitFor(box);
    await expect(page.text(box)).resolves.toContain('Excel trên máy Mac không cho tiện ích tải tệp xuống');
    const text = tid('export-text');
    expect(await page.attr(text, 'readonly')).not.toBeNull();
    expect(JSON.parse(await page.value(text))).toEqual(DEFAULT_PROFILE);
    await page.click('[data-action=copy-profile]');
    expect(await eventually(async () => ((await page.text(tid('copy-status'))) ?? '').length > 0, true)).toBe(true);
    await expect(page.text(tid('copy-status'))).resolves.toMatch(/Đã sao chép|Không sao chép tự động được/);
    await page.scrollIntoView(text);
    await page.screenshot(shotPath('17-mac-export'), { fullPage: true });
    expect(await page.downloadCount()).toBe(downloads);
    expect(await browser.pageErrors()).toEqual([]);
  });

  it('the "Kiểm tra nhanh" dialog shows the report as text', async () => {
    await start({ displayLanguage: 'vi-VN' });
    const { page } = browser;
    const report: QuickReport = {
      lang: 'vi',
      tone: 'success',
      title: 'Kiểm tra nhanh: đã xét và đánh dấu',
      lines: ['23 trường hợp, 12 đạt tiêu chí', 'Tập thể: 5 được đề nghị (Bằng khen: 0, Giấy khen: 5)', '<img src=x onerror=alert(1)>'],
    };
    await page.goto(`${server.origin}/quickcheck.html?r=${encodeURIComponent(JSON.stringify(report))}`);
    const lines = tid('quick-lines');
    await page.waitFor(lines);
    await expect(page.texts(`${lines} li`)).resolves.toEqual(report.lines);
    expect(await page.count('img')).toBe(0);
    await expect(page.text('[data-action=close]')).resolves.toBe('Đóng');
    await page.screenshot(shotPath('18-quick-check-dialog'), { fullPage: true });
    expect(browser.dialogs).toEqual([]);
  });

  it('applies the xa-phuong-2026 preset in Cấu hình, saves it in the workbook, and a reload keeps it', async () => {
    await start({ displayLanguage: 'vi-VN', persist: true });
    const { page } = browser;
    await page.goto(`${server.origin}/taskpane.html`);
    await page.click('[data-tab=settings]');
    await page.waitFor(SIPAS);
    await page.select('[data-path=preset]', 'xa-phuong-2026');
    await page.click('[data-action=apply-preset]');
    await expect(page.text(tid('settings-message'))).resolves.toContain('Đã điền theo mẫu');
    expect(await page.value('[data-path="awards.1.label"]')).toBe('Giấy khen của Chủ tịch UBND xã/phường');
    expect(await page.value('[data-path="awards.1.grantor"]')).toBe('Chủ tịch UBND xã/phường');
    expect(await page.checked('[data-path=womenPriority]')).toBe(true);
    expect(await page.value('[data-path=voteBase]')).toBe('total');
    await page.fill('[data-path=dissolvedUnits]', 'UBND phường Ninh Đa');
    await page.scrollIntoView('[data-path=legalFrames]');
    await page.screenshot(shotPath('18-preset-applied'), { fullPage: true });
    await page.click('[data-action=save-profile]');
    await page.waitFor('[data-testid=status] .message-bar.success');
    await page.reload();
    await page.click('[data-tab=settings]');
    await page.waitFor(SIPAS);
    expect(await page.value('[data-path=preset]')).toBe('xa-phuong-2026');
    expect(await page.value('[data-path="awards.1.label"]')).toBe('Giấy khen của Chủ tịch UBND xã/phường');
    expect(await page.value('[data-path=dissolvedUnits]')).toBe('UBND phường Ninh Đa');
    // Own legal frames that are not JSON: refused by field, nothing saved.
    await page.fill('[data-path=legalFrames]', '[{ "id": ');
    await page.click('[data-action=save-profile]');
    await expect(page.text('[data-testid=settings-message] [role=alert]')).resolves.toContain('Khung pháp lý riêng');
  });
});
