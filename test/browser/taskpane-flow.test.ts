/**
 * The production task pane in headless Chromium, against the strict Excel test host holding the
 * sample workbook (the CDN's office.js request is answered with the host). A user clicks
 * Kiểm tra → Xét tiêu chí → Đánh dấu → Xóa đánh dấu; the page and the host's cells are checked
 * at each step, and screenshots are kept in test/artifacts/browser/.
 *
 * Expectations come from the core run in Node on the same grid: the test proves the pane shows
 * what the engine decided and that the adapter wrote and removed it — not a fixed copy of results.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyze, type Analysis } from '../../src/core/analyze';
import { MARK_FILL, STATE_SHEET } from '../../src/core/annotationPlan';
import { parseA1, type Grid } from '../../src/core/grid';
import { renderMessage } from '../../src/core/messages/render';
import { criterionMessage } from '../../src/core/result';
import { tieLines } from '../../src/core/summary';
import { overview } from '../../src/core/overview';
import { answerOfficeJs, foreignRequests, openBrowser, type Session } from './support/browser';
import { ARTIFACTS, DIST, ensureHostBundle, ensureProductionBuild, HOST_BUNDLE } from './support/build';
import { hostScript, probe, type CellProbe } from './support/host';
import { eventually } from './support/eventually';
import { serveDirectory, type StaticServer } from './support/server';
import { loadSampleGrid } from './support/sample';

const SHOTS = path.join(ARTIFACTS, 'browser');
const XSS = '<img src=x onerror=alert(1)>';

/** Puts the hostile unit name into the sample: the first collective candidate is renamed. */
function withHostileName(grid: Grid): { grid: Grid; sheet: string; cell: string } {
  const first = analyze(grid, { lang: 'vi' }).result.candidates.find((c) => c.kind === 'collective');
  if (!first) throw new Error('the sample workbook has no collective candidate');
  const pos = parseA1(first.nameCell)!;
  const sheet = grid.sheets.find((s) => s.name === first.sheet)!;
  sheet.values[pos.row - sheet.originRow][pos.col - sheet.originCol] = XSS;
  return { grid, sheet: first.sheet, cell: first.nameCell };
}

describe('task pane in Chromium with the Excel test host', () => {
  let server: StaticServer;
  let browser: Session;
  let grid: Grid;
  let expected: Analysis;
  let hostile: { sheet: string; cell: string };

  beforeAll(async () => {
    ensureProductionBuild();
    ensureHostBundle();
    fs.mkdirSync(SHOTS, { recursive: true });
    const named = withHostileName(await loadSampleGrid());
    grid = named.grid;
    hostile = { sheet: named.sheet, cell: named.cell };
    expected = analyze(grid, { lang: 'vi' });
    server = await serveDirectory(DIST);
    browser = await openBrowser();
    await answerOfficeJs(browser, hostScript(grid, fs.readFileSync(HOST_BUNDLE, 'utf8'), { displayLanguage: 'vi-VN' }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = (name: string) => browser.page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

  it('checks, judges, annotates and clears the sample workbook', async () => {
    const { page } = browser;
    expect(expected.result.tables.length).toBeGreaterThan(0);
    await page.goto(`${server.origin}/taskpane.html`);
    await page.locator('[data-action=check]').waitFor();
    await shot('0-start');
    // The guide: four steps, the next one named with the very label of its button.
    await expect(page.getByTestId('next-step').textContent()).resolves.toBe('Bước tiếp theo: bấm “Kiểm tra dữ liệu”.');
    await expect(page.locator('[data-testid=steps] [data-action]').allTextContents()).resolves.toEqual(['Kiểm tra dữ liệu', 'Xét tiêu chí', 'Đánh dấu', 'Tạo hồ sơ']);
    await expect(page.locator('[data-action=check]').getAttribute('appearance')).resolves.toBe('accent');
    await expect(page.locator('[aria-current=step]').getAttribute('data-step')).resolves.toBe('check');
    expect(await page.locator('[data-action=clear]').count()).toBe(0);
    // Every hint names a button that exists.
    for (const hint of await page.locator('.hint, [data-testid=next-step]').allTextContents()) {
      for (const [, label] of hint.matchAll(/Bấm “([^”]+)”/gi)) expect(['Kiểm tra dữ liệu', 'Xét tiêu chí', 'Đánh dấu', 'Tạo hồ sơ', 'Xóa đánh dấu']).toContain(label);
    }

    // The ARIA tabs pattern: arrows, Home and End move and select.
    await page.focus('[data-tab=main]');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('[data-tab=settings]').getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-tab'))).resolves.toBe('settings');
    await page.locator('[data-testid=settings]').waitFor();
    await page.keyboard.press('Home');
    await expect(page.locator('[data-tab=main]').getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator('[data-tab=main]').getAttribute('tabindex')).resolves.toBe('0');
    await expect(page.locator('[data-tab=settings]').getAttribute('tabindex')).resolves.toBe('-1');
    await page.keyboard.press('End');
    await expect(page.locator('[data-tab=settings]').getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('[data-tab=main]').getAttribute('aria-selected')).resolves.toBe('true');
    expect(await page.locator('#panel-settings').isHidden()).toBe(true);

    // The workbook as loaded, to compare after "Xóa đánh dấu".
    const original = await probe(page).snapshot();

    // 1. Kiểm tra dữ liệu: the tables, their mapping, the data problems.
    await page.click('[data-action=check]');
    const tables = page.locator('[data-testid=tables] .table-card');
    await tables.first().waitFor();
    await shot('1-check');
    await expect(page.getByTestId('next-step').textContent()).resolves.toBe('Bước tiếp theo: bấm “Xét tiêu chí”.');
    // The problems come before the tables; every column was recognised, so each mapping is one folded line.
    expect(await page.locator('[data-testid=problems] ~ [data-testid=tables]').count()).toBe(1);
    for (const t of expected.result.tables) {
      const mapping = page.locator(`.table-card[data-sheet="${t.sheet}"] [data-testid=mapping]`);
      await expect(mapping.locator('summary').textContent()).resolves.toBe(`${Object.keys(t.columns).length} cột đã nhận diện — Sửa`);
      expect(await mapping.getAttribute('open')).toBeNull();
    }
    expect(await tables.count()).toBe(expected.result.tables.length);
    for (const t of expected.result.tables) {
      const card = page.locator(`.table-card[data-sheet="${t.sheet}"]`);
      await expect(card.locator('.meta').textContent()).resolves.toContain(`Dòng tiêu đề ${t.headerRow}`);
      // The name column is shown, with the header text found in the workbook.
      await expect(card.locator('.mapping-summary').textContent()).resolves.toContain(`${t.columns.name} — ${t.headers[t.columns.name!]}`);
      // The editor offers the found column for the name field.
      expect(await card.locator('select[data-field=name]').inputValue()).toBe(t.columns.name);
    }
    const problems = page.locator('[data-testid=problems] li.problem');
    expect(await problems.count()).toBe(expected.result.issues.length);
    const withCell = expected.result.issues.find((i) => i.cell);
    if (withCell) {
      await page.click(`[data-testid=problems] button[data-sheet="${withCell.sheet}"][data-cell="${withCell.cell}"]`);
      const want = { sheet: withCell.sheet, cell: withCell.cell };
      expect(await eventually(() => probe(page).selected(), want)).toEqual(want);
    }

    // 2. Xét tiêu chí: ✓/✗/? per criterion with reasons, ranks, quotas, ties.
    await page.click('[data-action=review]');
    const cards = page.locator('[data-testid=candidates] li.candidate');
    await cards.first().waitFor();
    await shot('2-review');
    expect(await cards.count()).toBe(expected.result.candidates.length);
    // The picture at a glance, as the core counts it.
    const ov = overview(expected.result, expected.profile);
    for (const kind of ['collective', 'individual'] as const) {
      for (const key of ['eligible', 'proposed', 'failing', 'missing', 'overQuota', 'tied'] as const) {
        await expect(page.locator(`[data-testid=overview] [data-kind=${kind}] [data-count=${key}] strong`).textContent()).resolves.toBe(String(ov.kinds[kind][key]));
      }
    }
    const quotaText = await page.getByTestId('overview-quotas').textContent();
    expect(quotaText).toContain('Giấy khen');
    expect(quotaText).toContain(`${ov.awards.find((a) => a.awardId !== 'bang-khen-tinh' && a.kind === 'collective')!.used}/10 tập thể`);
    // An award without a quota says so, and where to set one.
    await expect(page.locator('[data-testid=overview-quotas] [data-award=bang-khen-tinh]').textContent()).resolves.toBe('Chưa đặt chỉ tiêu');
    await expect(page.getByTestId('where-to-set').textContent()).resolves.toContain('thẻ “Cấu hình”');
    const failingItems = page.locator('[data-testid=overview] .failing-chart li');
    await expect(failingItems.evaluateAll((els) => els.map((e) => e.getAttribute('data-criterion')))).resolves.toEqual(ov.failing.map((x) => x.id));
    await expect(failingItems.first().textContent()).resolves.toContain(`${ov.failing[0].fail} không đạt`);
    await expect(page.getByTestId('legend').textContent()).resolves.toContain('Đỏ: không đạt');
    // Chips are text for a screen reader: the outcome is spelled out.
    await expect(page.locator('li.candidate .marks li').first().textContent()).resolves.toMatch(/: (Đạt|Không đạt|Thiếu hoặc sai dữ liệu)$/);
    const ties = tieLines(expected.result, expected.profile, 'vi');
    if (ties.length) await expect(page.locator('[data-testid=ties] li').allTextContents()).resolves.toEqual(ties);

    // A failing candidate shows ✗ on the failing criterion and the reason in words.
    const failing = expected.result.candidates.find((c) => c.criteria.some((x) => x.outcome === 'fail'));
    expect(failing).toBeDefined();
    const failedCriterion = failing!.criteria.find((x) => x.outcome === 'fail')!;
    const failingCard = page.locator(`li.candidate[data-row="${failing!.row}"][data-kind="${failing!.kind}"]`);
    await expect(failingCard.locator(`.marks [data-criterion=${failedCriterion.id}]`).textContent()).resolves.toMatch(/^✗/);
    await failingCard.locator('details.reasons summary').click();
    await expect(failingCard.locator('details.reasons').textContent()).resolves.toContain(renderMessage(criterionMessage(failedCriterion), 'vi'));
    // "Mở tất cả lý do" opens every reason; again closes them.
    await page.click('[data-action=toggle-reasons]');
    await expect(page.locator('details.reasons:not([open])').count()).resolves.toBe(0);
    await expect(page.locator('[data-action=toggle-reasons]').textContent()).resolves.toBe('Đóng tất cả lý do');
    await page.click('[data-action=toggle-reasons]');
    await expect(page.locator('details.reasons[open]').count()).resolves.toBe(0);

    // The over-quota or tied candidates are told apart from the proposed ones.
    const over = expected.result.candidates.find((c) => c.overQuota);
    if (over) {
      await expect(page.locator(`li.candidate[data-row="${over.row}"][data-kind="${over.kind}"] .verdict`).textContent()).resolves.toBe('Vượt chỉ tiêu');
    }
    expect(expected.result.candidates.some((c) => c.overQuota || c.tiedAtCutoff || expected.result.quotas.some((q) => q.overflow > 0))).toBe(true);

    // The hostile unit name is text: no dialog, no <img> anywhere.
    const hostileCard = page.locator('li.candidate button.name', { hasText: XSS });
    expect(await hostileCard.count()).toBe(1);
    await expect(hostileCard.textContent()).resolves.toBe(XSS);
    await expect(page.locator('li.candidate', { has: page.locator('button.name', { hasText: XSS }) }).getAttribute('data-row')).resolves.toBe(String(parseA1(hostile.cell)!.row + 1));
    expect(await page.locator('img').count()).toBe(0);

    // Filters.
    await page.click('fluent-radio[data-filter=failing]');
    const failingCount = expected.result.candidates.filter((c) => c.criteria.some((x) => x.outcome === 'fail') || c.duplicate).length;
    expect(failingCount).toBeLessThan(expected.result.candidates.length);
    expect(await eventually(() => page.locator('[data-testid=candidates] li.candidate').count(), failingCount)).toBe(failingCount);
    await shot('3-filter-failing');
    await page.click('fluent-radio[data-filter=all]');
    const all = expected.result.candidates.length;
    expect(await eventually(() => page.locator('[data-testid=candidates] li.candidate').count(), all)).toBe(all);

    // 3. Đánh dấu: fills and notes in the host's cells, the mode named on the page.
    await page.click('[data-action=annotate]');
    const status = page.getByTestId('annotate-status');
    await status.waitFor();
    await shot('4-annotate');
    await expect(page.locator('#section-annotate [data-testid=legend]').count()).resolves.toBe(1);
    await expect(page.getByTestId('next-step').textContent()).resolves.toBe('Bước tiếp theo: bấm “Tạo hồ sơ”.');
    const mode = await status.getAttribute('data-note-mode');
    expect(mode).toBe('notes');
    await expect(status.textContent()).resolves.toContain('Ghi chú (Note)');
    const marks = expected.plan.marks;
    expect(marks.length).toBeGreaterThan(0);
    const cells: CellProbe[] = await probe(page).cells(marks.map((m) => ({ sheet: m.sheet, cell: m.cell })));
    marks.forEach((m, i) => {
      const fill = MARK_FILL[m.kind];
      if (fill) expect(cells[i].fill?.toUpperCase()).toBe(fill.toUpperCase());
      expect(cells[i].note ?? '').toContain(m.note.split('\n')[0]);
    });
    expect(await probe(page).sheetNames()).toContain(expected.plan.resultSheet.name);

    // 4. Xóa đánh dấu: exactly the original workbook (the product's hidden state sheet aside).
    await page.click('[data-action=clear]');
    await page.locator('[data-testid=annotate-status]', { hasText: 'Đã xóa đánh dấu' }).waitFor();
    await shot('5-clear');
    const after = await probe(page).snapshot();
    expect(withoutState(after)).toEqual(withoutState(original));

    expect(browser.dialogs).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
    expect(foreignRequests(browser.requests)).toEqual([]);
    expect(browser.requests.some((u) => u.startsWith(server.origin))).toBe(true);
  });
});

function withoutState(snapshot: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...snapshot };
  delete copy[STATE_SHEET];
  return copy;
}
