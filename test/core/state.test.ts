/** The backup of what annotation replaced, as stored on the state sheet: compact (format 2), format 1 still read. */
import { STATE_SHEET } from '../../src/core/annotationPlan';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { renderMessage } from '../../src/core/messages/render';
import { cellRuns } from '../../src/core/grid';
import { compactCells, expandCells, packBackup, parseState, readState, stateRows, unpackBackup, type AnnotationBackup, type BackedUpCell } from '../../src/core/state';
import { collectives, grid, sheet, unitRow } from './fixtures';

const key = (c: BackedUpCell) => `${c.sheet}!${c.cell}`;
const sorted = (b: AnnotationBackup) => ({ ...b, cells: [...b.cells].sort((x, y) => (key(x) < key(y) ? -1 : 1)) });

function bigBackup(rows: number): AnnotationBackup {
  const cells: BackedUpCell[] = [];
  for (let r = 2; r < rows + 2; r++) {
    cells.push({ sheet: 'Tập thể', cell: `F${r}`, fill: r % 7 === 0 ? '#00B050' : null, note: r % 11 === 0 ? `Ghi chú của tôi ${r}` : null });
    if (r % 3 === 0) cells.push({ sheet: 'Cá nhân', cell: `B${r}`, fill: null, note: null });
  }
  cells.push({ sheet: 'Cá nhân', cell: 'C9', fill: '#FFC7CE', note: null, exact: { fill: { type: 'gradient' } } });
  return { version: 1, cells, resultSheet: 'Kết quả xét khen thưởng', noteMode: 'notes' };
}

test('cells ↔ runs of a column', () => {
  const cells = [5, 6, 7, 9].map((row) => ({ row, col: 2 })).concat([{ row: 0, col: 27 }]);
  expect(compactCells(cells)).toBe('C6:C8,C10,AB1');
  // The same runs, as the add-in's RangeAreas address lists take them (unsorted input, duplicates, nothing).
  expect(cellRuns([...cells].reverse().concat([{ row: 6, col: 2 }]))).toEqual(['C6:C8', 'C10', 'AB1']);
  expect(cellRuns([])).toEqual([]);
  expect(compactCells([])).toBe('');
  expect(expandCells('C6:C8,C10,AB1')).toEqual(['C6', 'C7', 'C8', 'C10', 'AB1']);
  expect(expandCells('B2:C3')).toEqual(['B2', 'C2', 'B3', 'C3']);
  expect(expandCells('')).toEqual([]);
  expect(expandCells('C8:C6')).toBeNull();
  expect(expandCells('x')).toBeNull();
});

test('a backup of 10,000 cells with fills and notes of the user round-trips through the state sheet, several times smaller', () => {
  const backup = bigBackup(10000);
  const stored = packBackup(backup);
  expect(stored.version).toBe(2);
  expect(sorted(unpackBackup(stored)!)).toEqual(sorted(backup));
  const rows = stateRows({ annotationBackup: backup, profile: { name: 'x' } });
  const text = rows.find((r) => r[0] === 'annotationBackup')!.slice(1).join('');
  expect(JSON.parse(text).version).toBe(2);
  expect(text.length * 5).toBeLessThan(JSON.stringify(backup).length);
  const read = readState(grid(sheet(STATE_SHEET, rows)));
  expect(sorted(read.annotationBackup as AnnotationBackup)).toEqual(sorted(backup));
  expect(read.profile).toEqual({ name: 'x' });
});

test('the per-cell format 1 of earlier versions is still read, and rewritten compactly', () => {
  const old: AnnotationBackup = { version: 1, cells: [{ sheet: 'Tập thể', cell: 'C4', fill: '#00B050', note: 'ghi chú' }, { sheet: 'Tập thể', cell: 'B4', fill: null, note: null }], resultSheet: null, noteMode: 'comments' };
  const read = readState(grid(sheet(STATE_SHEET, [['banner'], ['annotationBackup', JSON.stringify(old)]])));
  expect(read.annotationBackup).toEqual(old);
  const again = readState(grid(sheet(STATE_SHEET, stateRows(read))));
  expect(sorted(again.annotationBackup as AnnotationBackup)).toEqual(sorted(old));
});

test('a hand-broken stored backup is dropped, not misread', () => {
  for (const bad of [{ version: 2, sheets: [{ sheet: 'A', blank: 'C9:C2' }], resultSheet: null, noteMode: 'notes' }, { version: 2, sheets: 'x', noteMode: 'notes' }, { version: 2, sheets: [], noteMode: 'ink' }, { version: 3 }]) {
    expect(unpackBackup(bad)).toBeUndefined();
    expect(readState(grid(sheet(STATE_SHEET, [['banner'], ['annotationBackup', JSON.stringify(bad)]]))).annotationBackup).toBeUndefined();
  }
});

test('a cell listed twice or with an odd address keeps its own entry', () => {
  const b: AnnotationBackup = { version: 1, cells: [{ sheet: 'A', cell: 'B2', fill: null, note: null }, { sheet: 'A', cell: 'b2', fill: '#FF0000', note: null }, { sheet: 'A', cell: '??', fill: null, note: null }], resultSheet: null, noteMode: 'none' };
  const back = unpackBackup(JSON.parse(JSON.stringify(packBackup(b))))!;
  expect(back.cells).toHaveLength(3);
  expect(back.cells).toContainEqual({ sheet: 'A', cell: 'b2', fill: '#FF0000', note: null });
  expect(back.cells).toContainEqual({ sheet: 'A', cell: '??', fill: null, note: null });
});

describe('the state is parsed, not cast: broken entries are dropped and reported, never thrown', () => {
  const stateSheet = (rows: [string, unknown][]) => sheet(STATE_SHEET, [['banner'], ...rows.map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])]);
  const table = collectives([unitRow(1, 'Phòng Nội vụ'), unitRow(2, 'Phòng Tư pháp')]);

  test('overrides: [null] and other bad items: each dropped alone, the good one kept', () => {
    const good = { sheet: 'Tập thể', kind: 'collective', headerRow: 1 };
    const g = grid(table, stateSheet([['overrides', [null, good, { sheet: 3 }, { sheet: 'X', kind: 'robot' }, { sheet: 'Y', columns: { name: 'not a column' } }]]]));
    const { state, problems } = parseState(g);
    expect(state.overrides).toEqual([good]);
    expect(problems.map((p) => p.path)).toEqual(['overrides.0', 'overrides.2', 'overrides.3', 'overrides.4']);
    const a = analyze(g, { lang: 'vi' });
    expect(a.result.candidates.map((c) => c.name)).toEqual(['Phòng Nội vụ', 'Phòng Tư pháp']);
    expect(a.stateProblems).toHaveLength(4);
    expect(renderMessage(a.stateProblems[0], 'vi')).toBe(`Dữ liệu của tiện ích lưu trong bảng tính (trang ẩn "${STATE_SHEET}", mục "overrides.0") sai cấu trúc nên được bỏ qua; phần còn lại vẫn được dùng.`);
    expect(renderMessage(a.stateProblems[0], 'en')).toMatch(/entry "overrides.0"\) has a wrong shape/);
  });

  test('not JSON, a wrong type per key, a later version’s key kept as is', () => {
    const g = grid(table, stateSheet([['overrides', '{"sheet":'], ['facts', [1, 2]], ['profile', 'null'], ['preset', 7], ['somethingNew', { x: 1 }], ['annotationBackup', { version: 9 }]]));
    const { state, problems } = parseState(g);
    expect(problems).toEqual([
      { path: 'overrides', why: 'json' },
      { path: 'facts', why: 'shape' },
      { path: 'profile', why: 'shape' },
      { path: 'preset', why: 'shape' },
      { path: 'annotationBackup', why: 'shape' },
    ]);
    expect(state).toEqual({ somethingNew: { x: 1 } });
    expect(() => analyze(g, { lang: 'en' })).not.toThrow();
    expect(readState(g)).toEqual(state);
  });

  test('any JSON at all in any entry never throws (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('profile', 'overrides', 'facts', 'annotationBackup', 'votes', 'preset'), fc.jsonValue(), (k, v) => {
        const g = grid(table, stateSheet([[k, JSON.stringify(v) ?? 'null']]));
        expect(() => analyze(g, { lang: 'vi' })).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
