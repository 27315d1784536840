/**
 * The production task pane in Chromium and in WebKit, against the strict Excel test host holding the
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
import { ENGINES, foreignRequests, openBrowser, PANE, type Session, tid } from './support/browser';
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

describe.each(ENGINES)('task pane in %s with the Excel test host', (engine) => {
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
    browser = await openBrowser(engine, PANE);
    browser.answerOffice({ script: hostScript(grid, fs.readFileSync(HOST_BUNDLE, 'utf8'), { displayLanguage: 'vi-VN' }) });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = (name: string) => browser.page.screenshot(path.join(SHOTS, `${name}.png`), { fullPage: true });

  it('checks, judges, annotates and clears the sample workbook', async () => {
    const { page } = browser;
    expect(expected.result.tables.length).toBeGreaterThan(0);
    await page.goto(`${server.origin}/taskpane.html`);
    await page.waitFor('[data-action=check]');
    await shot('0-start');
    // The guide: four steps, the next one named with the very label of its button.
    await expect(page.text(tid('next-step'))).resolves.toBe('Bước tiếp theo: bấm “Kiểm tra dữ liệu”.');
    await expect(page.texts('[data-testid=steps] [data-action]')).resolves.toEqual(['Kiểm tra dữ liệu', 'Xét tiêu chí', 'Đánh dấu', 'Tạo hồ sơ']);
    await expect(page.attr('[data-action=check]', 'appearance')).resolves.toBe('accent');
    await expect(page.attr('[aria-current=step]', 'data-step')).resolves.toBe('check');
    expect(await page.count('[data-action=clear]')).toBe(0);
    // Every hint names a button that exists.
    for (const hint of await page.texts('.hint, [data-testid=next-step]')) {
      for (const [, label] of hint.matchAll(/Bấm “([^”]+)”/gi)) expect(['Kiểm tra dữ liệu', 'Xét tiêu chí', 'Đánh dấu', 'Tạo hồ sơ', 'Xóa đánh dấu']).toContain(label);
    }

    // The ARIA tabs pattern: arrows, Home and End move and select.
    await page.focus('[data-tab=main]');
    await page.press('ArrowRight');
    await expect(page.attr('[data-tab=settings]', 'aria-selected')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-tab'))).resolves.toBe('settings');
    await page.waitFor('[data-testid=settings]');
    await page.press('Home');
    await expect(page.attr('[data-tab=main]', 'aria-selected')).resolves.toBe('true');
    await expect(page.attr('[data-tab=main]', 'tabindex')).resolves.toBe('0');
    await expect(page.attr('[data-tab=settings]', 'tabindex')).resolves.toBe('-1');
    await page.press('End');
    await expect(page.attr('[data-tab=settings]', 'aria-selected')).resolves.toBe('true');
    await page.press('ArrowLeft');
    await expect(page.attr('[data-tab=main]', 'aria-selected')).resolves.toBe('true');
    expect(await !(await page.visible('#panel-settings'))).toBe(true);

    // The workbook as loaded, to compare after "Xóa đánh dấu".
    const original = await probe(page).snapshot();

    // 1. Kiểm tra dữ liệu: the tables, their mapping, the data problems.
    await page.click('[data-action=check]');
    const tables = '[data-testid=tables] .table-card';
    await page.waitFor(tables);
    await shot('1-check');
    await expect(page.text(tid('next-step'))).resolves.toBe('Bước tiếp theo: bấm “Xét tiêu chí”.');
    // The problems come before the tables; every column was recognised, so each mapping is one folded line.
    expect(await page.count('[data-testid=problems] ~ [data-testid=tables]')).toBe(1);
    for (const t of expected.result.tables) {
      const mapping = `.table-card[data-sheet="${t.sheet}"] [data-testid=mapping]`;
      await expect(page.text(`${mapping} summary`)).resolves.toBe(`${Object.keys(t.columns).length} cột đã nhận diện — Sửa`);
      expect(await page.attr(mapping, 'open')).toBeNull();
    }
    expect(await page.count(tables)).toBe(expected.result.tables.length);
    for (const t of expected.result.tables) {
      const card = `.table-card[data-sheet="${t.sheet}"]`;
      await expect(page.text(`${card} .meta`)).resolves.toContain(`Dòng tiêu đề ${t.headerRow}`);
      // The name column is shown, with the header text found in the workbook.
      await expect(page.text(`${card} .mapping-summary`)).resolves.toContain(`${t.columns.name} — ${t.headers[t.columns.name!]}`);
      // The editor offers the found column for the name field.
      expect(await page.value(`${card} select[data-field=name]`)).toBe(t.columns.name);
    }
    const problems = '[data-testid=problems] li.problem';
    expect(await page.count(problems)).toBe(expected.result.issues.length);
    const withCell = expected.result.issues.find((i) => i.cell);
    if (withCell) {
      await page.click(`[data-testid=problems] button[data-sheet="${withCell.sheet}"][data-cell="${withCell.cell}"]`);
      const want = { sheet: withCell.sheet, cell: withCell.cell };
      expect(await eventually(() => probe(page).selected(), want)).toEqual(want);
    }

    // 2. Xét tiêu chí: ✓/✗/? per criterion with reasons, ranks, quotas, ties.
    await page.click('[data-action=review]');
    const cards = '[data-testid=candidates] li.candidate';
    await page.waitFor(cards);
    await shot('2-review');
    expect(await page.count(cards)).toBe(expected.result.candidates.length);
    // The picture at a glance, as the core counts it.
    const ov = overview(expected.result, expected.profile);
    for (const kind of ['collective', 'individual'] as const) {
      for (const key of ['eligible', 'proposed', 'failing', 'missing', 'overQuota', 'tied'] as const) {
        await expect(page.text(`[data-testid=overview] [data-kind=${kind}] [data-count=${key}] strong`)).resolves.toBe(String(ov.kinds[kind][key]));
      }
    }
    const quotaText = await page.text(tid('overview-quotas'));
    expect(quotaText).toContain('Giấy khen');
    expect(quotaText).toContain(`${ov.awards.find((a) => a.awardId !== 'bang-khen-tinh' && a.kind === 'collective')!.used}/10 tập thể`);
    // An award without a quota says so, and where to set one.
    await expect(page.text('[data-testid=overview-quotas] [data-award=bang-khen-tinh]')).resolves.toBe('Chưa đặt chỉ tiêu');
    await expect(page.text(tid('where-to-set'))).resolves.toContain('thẻ “Cấu hình”');
    const failingItems = '[data-testid=overview] .failing-chart li';
    await expect(page.attrs(failingItems, 'data-criterion')).resolves.toEqual(ov.failing.map((x) => x.id));
    await expect(page.text(failingItems)).resolves.toContain(`${ov.failing[0].fail} không đạt`);
    await expect(page.text(tid('legend'))).resolves.toContain('Đỏ: không đạt');
    // Chips are text for a screen reader: the outcome is spelled out.
    await expect(page.text('li.candidate .marks li')).resolves.toMatch(/: (Đạt|Không đạt|Thiếu hoặc sai dữ liệu)$/);
    const ties = tieLines(expected.result, expected.profile, 'vi');
    if (ties.length) await expect(page.texts('[data-testid=ties] li')).resolves.toEqual(ties);

    // A failing candidate shows ✗ on the failing criterion and the reason in words.
    const failing = expected.result.candidates.find((c) => c.criteria.some((x) => x.outcome === 'fail'));
    expect(failing).toBeDefined();
    const failedCriterion = failing!.criteria.find((x) => x.outcome === 'fail')!;
    const failingCard = `li.candidate[data-row="${failing!.row}"][data-kind="${failing!.kind}"]`;
    await expect(page.text(`${failingCard} .marks [data-criterion=${failedCriterion.id}]`)).resolves.toMatch(/^✗/);
    await page.click(`${failingCard} details.reasons summary`);
    await expect(page.text(`${failingCard} details.reasons`)).resolves.toContain(renderMessage(criterionMessage(failedCriterion), 'vi'));
    // "Mở tất cả lý do" opens every reason; again closes them.
    await page.click('[data-action=toggle-reasons]');
    await expect(page.count('details.reasons:not([open])')).resolves.toBe(0);
    await expect(page.text('[data-action=toggle-reasons]')).resolves.toBe('Đóng tất cả lý do');
    await page.click('[data-action=toggle-reasons]');
    await expect(page.count('details.reasons[open]')).resolves.toBe(0);

    // The over-quota or tied candidates are told apart from the proposed ones.
    const over = expected.result.candidates.find((c) => c.overQuota);
    if (over) {
      await expect(page.text(`li.candidate[data-row="${over.row}"][data-kind="${over.kind}"] .verdict`)).resolves.toBe('Vượt chỉ tiêu');
    }
    expect(expected.result.candidates.some((c) => c.overQuota || c.tiedAtCutoff || expected.result.quotas.some((q) => q.overflow > 0))).toBe(true);

    // The hostile unit name is text: no dialog, no <img> anywhere.
    const hostileCard = { css: 'li.candidate button.name', hasText: XSS };
    expect(await page.count(hostileCard)).toBe(1);
    await expect(page.text(hostileCard)).resolves.toBe(XSS);
    await expect(page.attr({ css: 'li.candidate', has: hostileCard }, 'data-row')).resolves.toBe(String(parseA1(hostile.cell)!.row + 1));
    expect(await page.count('img')).toBe(0);

    // Filters.
    await page.click('fluent-radio[data-filter=failing]');
    const failingCount = expected.result.candidates.filter((c) => c.criteria.some((x) => x.outcome === 'fail') || c.duplicate).length;
    expect(failingCount).toBeLessThan(expected.result.candidates.length);
    expect(await eventually(() => page.count('[data-testid=candidates] li.candidate'), failingCount)).toBe(failingCount);
    await shot('3-filter-failing');
    await page.click('fluent-radio[data-filter=all]');
    const all = expected.result.candidates.length;
    expect(await eventually(() => page.count('[data-testid=candidates] li.candidate'), all)).toBe(all);

    // 3. Đánh dấu: fills and notes in the host's cells, the mode named on the page.
    await page.click('[data-action=annotate]');
    const status = tid('annotate-status');
    await page.waitFor(status);
    await shot('4-annotate');
    await expect(page.count('#section-annotate [data-testid=legend]')).resolves.toBe(1);
    await expect(page.text(tid('next-step'))).resolves.toBe('Bước tiếp theo: bấm “Tạo hồ sơ”.');
    const mode = await page.attr(status, 'data-note-mode');
    expect(mode).toBe('notes');
    await expect(page.text(status)).resolves.toContain('Ghi chú (Note)');
    // The result sheet is laid out for paper on every Đánh dấu: the clerk is told how to print it.
    await expect(page.text(tid('print-ready'))).resolves.toContain('Tệp > In');
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
    await page.waitFor({ css: '[data-testid=annotate-status]', hasText: 'Đã xóa đánh dấu' });
    await shot('5-clear');
    const after = await probe(page).snapshot();
    expect(withoutState(after)).toEqual(withoutState(original));

    expect(browser.dialogs).toEqual([]);
    expect(await browser.pageErrors()).toEqual([]);
    expect(foreignRequests(browser.requests)).toEqual([]);
    expect(browser.requests.some((u) => u.startsWith(server.origin))).toBe(true);
  });
});

function withoutState(snapshot: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...snapshot };
  delete copy[STATE_SHEET];
  return copy;
}
