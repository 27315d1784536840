/**
 * What one workbook can make the core do is bounded by the workbook's size, not by the square of a
 * group or by how often a long text is repeated (issue 21, the fuzz family "a small file amplifying
 * shared strings"): a few others named per message, texts cut to their field's length, quotes cut in
 * messages, rows judged and cells marked at once capped — each limit said in words.
 */
import { check, ROWS_JUDGED_MAX, tablesRefused } from '../../src/core/check';
import { MARKS_MAX, planAnnotations } from '../../src/core/annotate';
import { historyNearMisses } from '../../src/core/history';
import { QUOTE_MAX, renderMessage } from '../../src/core/messages/render';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { TEXT_MAX } from '../../src/core/readings';
import { cutText, someOthers } from '../../src/core/text';
import type { CellValue } from '../../src/core/grid';
import { collectives, grid, sheet, unitRow } from './fixtures';

const PEOPLE_HEADER = ['TT', 'Họ và tên', 'Chức vụ', 'Đơn vị công tác', 'Chỉ số SIPAS (%)', 'Tỷ lệ hồ sơ đúng hạn (%)', 'Sáng kiến', 'Quyết định công nhận'];

test('one initiative claimed on 3,000 rows: each warning names five others and how many more', () => {
  const rows = Array.from({ length: 3000 }, (_, i) => unitRow(i + 1, `Đơn vị ${i + 1}`));
  const r = check(grid(collectives(rows)));
  const reused = r.issues.filter((i) => i.code === 'initiative.reused');
  expect(reused).toHaveLength(3000);
  expect(String(reused[0].params.others)).toBe('Đơn vị 2 (Tập thể!B3); Đơn vị 3 (Tập thể!B4); Đơn vị 4 (Tập thể!B5); Đơn vị 5 (Tập thể!B6); Đơn vị 6 (Tập thể!B7); … (+2994)');
  // Every message the same size whatever the group (listing all would be 3,000 × 3,000 names).
  expect(Math.max(...reused.map((i) => String(i.params.others).length))).toBeLessThan(200);
});

test('someOthers: the member itself left out, the count of the rest', () => {
  expect(someOthers([1, 2, 3], 2, String, ', ')).toBe('1, 3');
  expect(someOthers([1, 2, 3, 4, 5, 6, 7, 8], 1, String, ', ')).toBe('2, 3, 4, 5, 6, … (+2)');
  expect(someOthers([1, 2, 3, 4, 5, 6, 7, 8], 8, String, ', ')).toBe('1, 2, 3, 4, 5, … (+2)');
});

test('a name, a unit or a title longer than its field is cut and said once per cell; an achievement keeps 32,767', () => {
  const long = 'ă'.repeat(1000);
  const summary = 'b'.repeat(5000);
  const people = sheet('Cá nhân', [
    [...PEOPLE_HEADER, 'Tóm tắt thành tích'],
    [1, long, long, 'Phòng Nội vụ', 95, 99, long + long, 'QĐ số 1/QĐ-UBND', summary],
  ]);
  const r = check(grid(people));
  const c = r.candidates[0];
  expect(c.name).toHaveLength(TEXT_MAX.short);
  expect(c.facts.position).toHaveLength(TEXT_MAX.short);
  expect(c.facts.initiative).toHaveLength(TEXT_MAX.initiative);
  expect(c.facts.achievement).toBe(summary);
  const cut = r.issues.filter((i) => i.code === 'row.textCut');
  expect(cut.map((i) => i.cell)).toEqual(['B2', 'C2', 'G2']);
  expect(renderMessage(cut[0], 'vi')).toBe('Ô này dài 1.000 ký tự, quá giới hạn 255 ký tự của cột này: chỉ dùng 255 ký tự đầu.');
});

test('a cut never splits a surrogate pair (a lone half is a character XML forbids)', () => {
  const t = 'a'.repeat(254) + '😀' + 'b';
  expect(cutText(t, 255)).toBe('a'.repeat(254));
  expect(cutText(t, 256)).toBe('a'.repeat(254) + '😀');
  expect(cutText('abc', 5)).toBe('abc');
});

test('a message quotes at most QUOTE_MAX characters of a value', () => {
  const text = 'x'.repeat(5000);
  const s = renderMessage({ code: 'value.rateNotNumber', params: { text } }, 'vi');
  expect(s).toContain(`"${'x'.repeat(QUOTE_MAX)}…"`);
  expect(s.length).toBeLessThan(QUOTE_MAX + 200);
});

test(`more than ${ROWS_JUDGED_MAX} rows in the tables: nothing judged, the refusal names the tables and their rows`, () => {
  const units = Array.from({ length: ROWS_JUDGED_MAX - 9 }, (_, i) => unitRow(i + 1, `Đơn vị ${i + 1}`, { initiative: `SK ${i}` }));
  const people = sheet('Cá nhân', [PEOPLE_HEADER, ...Array.from({ length: 10 }, (_, i) => [i + 1, `Người ${i}`, 'Chuyên viên', 'Đơn vị 1', 95, 99, '', ''])]);
  const r = check(grid(collectives(units), people));
  expect(r.tables).toEqual([]);
  expect(r.candidates).toEqual([]);
  const refused = tablesRefused(r)!;
  expect(refused).toMatchObject({ severity: 'error', sheet: 'Tập thể', cell: null, code: 'limit.tableRows' });
  expect(ROWS_JUDGED_MAX).toBe(10_000);
  expect(renderMessage(refused, 'vi')).toBe(
    'Các bảng cần xét có tổng cộng 10.001 dòng (Tập thể: 9991; Cá nhân: 10), quá giới hạn 10.000 dòng một lần xét: chưa xét bảng nào. Tách thành nhiều tệp (mỗi cấp, mỗi khối một tệp) rồi kiểm tra từng tệp.',
  );
  // One row fewer is judged.
  const ok = check(grid(collectives(units), sheet('Cá nhân', people.values.slice(0, 10))));
  expect(tablesRefused(ok)).toBeNull();
  expect(ok.candidates).toHaveLength(ROWS_JUDGED_MAX - 9 + 9);
});

test('the rows counted are those judged: headings and blank rows between them do not count, rows with values but no name do', () => {
  const rows: CellValue[][] = [];
  for (let i = 0; i < ROWS_JUDGED_MAX; i++) {
    if (i % 1000 === 0) rows.push([`${'IVXLC'[i / 1000] ?? 'X'}.`, `NHÓM ${i / 1000 + 1}`], []);
    rows.push(unitRow(i + 1, `Đơn vị ${i + 1}`, { initiative: `SK ${i}` }));
  }
  const r = check(grid(collectives(rows)));
  expect(tablesRefused(r)).toBeNull();
  expect(r.candidates).toHaveLength(ROWS_JUDGED_MAX);
  // One row with values and no name more: refused (it would cost a note like a candidate).
  const more = check(grid(collectives([...rows, [null, null, 95, 'Tốt', 92, 99]])));
  expect(tablesRefused(more)?.params).toMatchObject({ rows: ROWS_JUDGED_MAX + 1 });
});

test(`at most ${MARKS_MAX} cells marked at once; the result sheet says how many more`, () => {
  // Every indicator cell wrong: four marks per row.
  const rows = Array.from({ length: 3000 }, (_, i) => unitRow(i + 1, `Đơn vị ${i + 1}`, { task: 'x', sipas: 'x', onTime: 'x', par: 'x', initiative: `SK ${i}` }));
  const r = check(grid(collectives(rows)));
  const plan = planAnnotations(r, DEFAULT_PROFILE, 'vi');
  expect(plan.marks).toHaveLength(MARKS_MAX);
  // In sheet and row order: the first rows are the ones marked.
  expect(plan.marks[0]).toMatchObject({ sheet: 'Tập thể', cell: 'C2' });
  expect(plan.resultSheet.footer.at(-1)).toBe(
    'Còn 2.000 ô có vấn đề chưa được đánh dấu (mỗi lần đánh dấu tối đa 10.000 ô, theo thứ tự trang, dòng): sửa các ô đã đánh dấu rồi kiểm tra lại; báo cáo kiểm tra liệt kê đủ các vấn đề.',
  );
  const few = planAnnotations(check(grid(collectives(rows.slice(0, 10)))), DEFAULT_PROFILE, 'vi');
  expect(few.marks).toHaveLength(40);
  expect(few.resultSheet.footer.join('\n')).not.toContain('chưa được đánh dấu');
});

test('a history of 60,000 rows against 3,000 candidates: exact matches found, near misses looked for within a budget, the rest said', () => {
  const candidates = Array.from({ length: 3000 }, (_, i) => ({ kind: 'collective' as const, name: `Đơn vị số ${1000 + i}` }));
  const entries = Array.from({ length: 60000 }, (_, i) => ({ row: i + 2, name: i === 0 ? 'Đơn vị số 1000' : i === 1 ? 'Đơn vị số 100' : `Ban ngành ${10000 + i}`, nameCell: `B${i + 2}` }));
  const history = { sheet: 'Lịch sử khen thưởng', entries } as unknown as Parameters<typeof historyNearMisses>[0];
  const issues = historyNearMisses(history, candidates);
  // The exact one is no issue; the typo of a close one is found (it comes early, within the budget).
  expect(issues.find((i) => i.cell === 'B2')).toBeUndefined();
  expect(issues.find((i) => i.cell === 'B3')).toMatchObject({ code: 'history.nameNearMiss', params: { suggestions: 'Đơn vị số 1000' } });
  // The budget bounds it: 20 million comparisons cover 6,667 entries of 3,000 names each (pairwise
  // would be 180 million); the other 53,331 are matched exactly only, and said once.
  const skipped = issues.filter((i) => i.code === 'history.nearMissSkipped');
  expect(skipped).toHaveLength(1);
  expect(skipped[0].params.rows).toBe(53331);
});
