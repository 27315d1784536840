/**
 * The same user stories through both adapters of the one annotate driver (core/annotateDriver.ts):
 * the pane's Office.js writer on the strict host, and the CLI's package patcher on xlsx bytes (the
 * clerk's actions between two runs done with exceljs, an independent writer; the copy read back
 * with exceljs too). After each step, the judged sheets and the result sheet agree cell for cell:
 * values of the result sheet, fills and notes of every cell that is marked or carries a note.
 */
import ExcelJS from 'exceljs';
import { analyze } from '../../src/core/analyze';
import { MARK_FILL, STATE_SHEET } from '../../src/core/annotationPlan';
import { parseState } from '../../src/core/state';
import type { TableInfo } from '../../src/core/result';
import { annotateWorkbook, clearWorkbook } from '../../src/excel/session';
import { openPackage } from '../../src/xlsx/package';
import { patchPackage } from '../../src/xlsx/patch/annotate';
import { readWorkbookBytes } from '../../src/xlsx/read';
import type { ExcelHost } from '../../tools/excel-host/host';
import type { HostValue } from '../../tools/excel-host/model';
import { sortOrder } from '../../tools/excel-host/workbook';
import { toCellValue } from '../support/readWorkbook';
import { fromGrid, releaseHost, SAMPLE, useHost } from './support';
import { promises as fs } from 'fs';

afterEach(releaseHost);

interface CellView {
  value: unknown;
  fill: string | null;
  note: string | null;
}
/** Sheet → address → what the cell shows (the state sheet aside). */
type View = Record<string, Record<string, CellView>>;

interface Side {
  annotate(): Promise<void>;
  clear(): Promise<void>;
  setCell(sheet: string, cell: string, patch: { value?: string | number; fill?: string; note?: string }): Promise<void>;
  insertRows(sheet: string, at: number, count: number): Promise<void>;
  sort(sheet: string, top: number, bottom: number, left: number, right: number, by: number): Promise<void>;
  view(): Promise<View>;
}

const CLERK_FILL = '#00B0F0';
const OURS = new Set([...Object.values(MARK_FILL), CLERK_FILL].filter((c): c is string => !!c).map((c) => c.toUpperCase()));

/** The pane: the strict host, the user's actions as Excel does them. */
function paneSide(host: ExcelHost): Side {
  return {
    annotate: async () => void (await annotateWorkbook('vi')),
    clear: async () => void (await clearWorkbook('vi')),
    setCell: async (sheet, cell, patch) => host.setCell(sheet, cell, patch),
    insertRows: async (sheet, at, count) => host.insertRows(sheet, at, count),
    sort: async (sheet, top, bottom, left, right, by) => host.sort(sheet, `${letter(left)}${top}:${letter(right)}${bottom}`, letter(by)),
    view: async () => {
      const out: View = {};
      for (const s of host.dump().sheets) {
        if (s.name === STATE_SHEET) continue;
        out[s.name] = {};
        for (const [a, c] of Object.entries(s.cells)) out[s.name][a] = { value: c.value ?? null, fill: c.fill?.toUpperCase() ?? null, note: c.note ?? null };
      }
      return out;
    },
  };
}

/** The command line: `check --annotate` and `clear` on the bytes (the same calls the commands make), the clerk's actions with exceljs. */
function cliSide(start: Buffer): Side {
  let bytes = start;
  // The clerk's actions between two runs: one session in exceljs (opened, edited, saved once).
  let pending: ((wb: ExcelJS.Workbook) => void)[] = [];
  const edit = async (fn: (wb: ExcelJS.Workbook) => void) => void pending.push(fn);
  const save = async () => {
    if (!pending.length) return;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    for (const fn of pending) fn(wb);
    pending = [];
    bytes = Buffer.from(await wb.xlsx.writeBuffer());
  };
  const run = async (clear: boolean) => {
    await save();
    const read = readWorkbookBytes(bytes, 'story.xlsx');
    if (!read.ok) throw new Error(read.error.code);
    const a = analyze(read.grid, { lang: 'vi' });
    const state = clear ? parseState(read.grid).state : a.state;
    bytes = Buffer.concat((await patchPackage(openPackage(bytes), read.grid, clear ? null : a.plan, state)).zip);
  };
  return {
    annotate: () => run(false),
    clear: () => run(true),
    setCell: (sheet, cell, patch) =>
      edit((wb) => {
        const c = wb.getWorksheet(sheet)!.getCell(cell);
        if (patch.value !== undefined) c.value = patch.value;
        // exceljs shares one style object among cells: this cell gets its own.
        if (patch.fill) c.style = { ...JSON.parse(JSON.stringify(c.style ?? {})), fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${patch.fill.slice(1)}` } } };
        if (patch.note) c.note = patch.note;
      }),
    insertRows: (sheet, at, count) =>
      edit((wb) => {
        const ws = wb.getWorksheet(sheet)!;
        const moves: [number, number][] = [];
        for (let r = ws.rowCount; r >= at; r--) moves.push([r, r + count]);
        relocate(ws, moves, 1, ws.columnCount);
      }),
    sort: (sheet, top, bottom, left, right, by) =>
      edit((wb) => {
        const ws = wb.getWorksheet(sheet)!;
        const rows = Array.from({ length: bottom - top + 1 }, (_, i) => top + i);
        // Excel's order, as the host sorts.
        const order = sortOrder(rows.map((r) => toCellValue(ws.getCell(r, by + 1).value) as HostValue)).map((i) => ({ r: rows[i] }));
        relocate(
          ws,
          order.map((o, i) => [o.r, top + i]),
          left + 1,
          right + 1,
        );
      }),
    view: async () => {
      await save();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      const out: View = {};
      wb.eachSheet((ws) => {
        if (ws.name === STATE_SHEET) return;
        out[ws.name] = {};
        ws.eachRow({ includeEmpty: true }, (row) =>
          row.eachCell({ includeEmpty: true }, (cell) => {
            // exceljs repeats a merged area's value in each of its cells (the result sheet's lines): Excel keeps it in the first.
            if (cell.isMerged && cell.master.address !== cell.address) return;
            const f = cell.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
            const fill = f?.type === 'pattern' && f.pattern === 'solid' && f.fgColor?.argb ? `#${f.fgColor.argb.slice(-6).toUpperCase()}` : null;
            const n = cell.note as unknown as string | { texts?: { text: string }[] } | undefined;
            const note = n === undefined ? null : typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
            out[ws.name][cell.address] = { value: toCellValue(cell.value), fill, note };
          }),
        );
      });
      return out;
    },
  };
}

/** Moves whole cells (value, format, note) of columns left..right (1-based) from one row to another. */
function relocate(ws: ExcelJS.Worksheet, moves: [number, number][], left: number, right: number): void {
  type Held = { value: ExcelJS.CellValue; style: Partial<ExcelJS.Style>; note: unknown };
  const held = moves.map(([from]) => {
    const cells: (Held | null)[] = [];
    for (let c = left; c <= right; c++) {
      const cell = ws.getCell(from, c);
      const internal = cell as unknown as { _comment?: unknown };
      cells.push({ value: cell.value, style: JSON.parse(JSON.stringify(cell.style ?? {})), note: internal._comment });
      cell.value = null;
      cell.style = {};
      delete internal._comment;
    }
    return cells;
  });
  moves.forEach(([, to], i) => {
    held[i].forEach((h, k) => {
      if (!h) return;
      const cell = ws.getCell(to, left + k);
      cell.value = h.value;
      cell.style = h.style;
      if (h.note) (cell as unknown as { _comment?: unknown })._comment = h.note;
    });
  });
}

const letter = (col: number) => {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** What the two sides must agree on: the result sheet(s) whole; elsewhere the cells marked, filled by the clerk or carrying a note. */
function comparable(view: View, resultSheets: string[]): View {
  const out: View = {};
  for (const [sheet, cells] of Object.entries(view)) {
    out[sheet] = {};
    for (const [a, c] of Object.entries(cells)) {
      if (resultSheets.includes(sheet)) {
        if (c.value !== null && c.value !== '') out[sheet][a] = { value: c.value, fill: null, note: null };
      } else if ((c.fill && OURS.has(c.fill)) || c.note !== null) out[sheet][a] = { value: c.value, fill: c.fill, note: c.note };
    }
  }
  return out;
}

describe('one driver, two adapters: the same story gives the same workbook', () => {
  it('first mark, the council’s column, rows inserted and sorted, re-annotate, clear', async () => {
    const start = await fs.readFile(SAMPLE);
    const read = readWorkbookBytes(start, SAMPLE);
    if (!read.ok) throw new Error(read.error.code);
    const analysis = analyze(read.grid, { lang: 'vi' });
    const host = useHost(fromGrid(read.grid));
    const sides = [paneSide(host), cliSide(start)];
    const rs = analysis.plan.resultSheet;
    const results = [rs.name];
    const both = async (step: (s: Side) => Promise<void>) => {
      for (const s of sides) await step(s);
    };
    const agree = async (step: string) => {
      const [pane, cli] = await Promise.all(sides.map((s) => s.view()));
      expect({ step, cli: comparable(cli, results) }).toEqual({ step, cli: comparable(pane, results) });
      return pane;
    };

    // The clerk's own fills and notes on some marked cells, and beside them.
    const marks = analysis.plan.marks;
    await both(async (s) => {
      for (const [i, m] of marks.entries()) {
        if (i % 5 === 0) await s.setCell(m.sheet, m.cell, { fill: CLERK_FILL });
        if (i % 7 === 0) await s.setCell(m.sheet, m.cell, { note: `Ghi chú của chị Lan ${i}` });
      }
    });
    const before = comparable(await agree('clerk'), results);

    // 1. First mark.
    await both((s) => s.annotate());
    const first = await agree('first mark');
    expect(Object.keys(first[rs.name] ?? {}).length).toBeGreaterThan(rs.rows.length);

    // 2. The council adds a column to the result sheet, with remarks on two candidates.
    const headerRow = rs.title.length + 2;
    const extra = letter(rs.header.length + 1);
    const nameCol = rs.header.indexOf('Tên tập thể / Họ và tên');
    expect(nameCol).toBeGreaterThanOrEqual(0);
    const [n0, n3] = [rs.rows[0][nameCol], rs.rows[3][nameCol]];
    await both(async (s) => {
      await s.setCell(rs.name, `${extra}${headerRow}`, { value: 'Ý kiến Hội đồng' });
      await s.setCell(rs.name, `${extra}${headerRow + 1}`, { value: 'Đồng ý' });
      await s.setCell(rs.name, `${extra}${headerRow + 4}`, { value: 'Xem lại số liệu SIPAS' });
    });
    await agree('council column');

    // 3. Rows inserted in one table, the other sorted by name (whole rows of the table).
    const [a, b] = analysis.result.tables as TableInfo[];
    const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const cols = Object.values(b.columns).map((l) => col(l!));
    await both(async (s) => {
      await s.insertRows(a.sheet, a.firstDataRow + 1, 2);
      await s.sort(b.sheet, b.firstDataRow, b.lastDataRow, Math.min(...cols), Math.max(...cols), col(b.columns.name!));
    });
    await agree('rows moved');

    // 4. Annotate again: the marks follow their rows, the council's words their candidates.
    await both((s) => s.annotate());
    const again = await agree('annotate again');
    const sheet = again[rs.name];
    const theirs = Object.keys(sheet).find((k) => sheet[k].value === 'Ý kiến Hội đồng')!;
    expect(theirs).toBeDefined();
    const theirCol = theirs.replace(/\d+$/, '');
    const rowOf = (name: unknown) => Object.keys(sheet).find((k) => new RegExp(`^${letter(nameCol)}\\d+$`).test(k) && sheet[k].value === name)!.replace(/^[A-Z]+/, '');
    expect(sheet[`${theirCol}${rowOf(n0)}`]?.value).toBe('Đồng ý');
    expect(sheet[`${theirCol}${rowOf(n3)}`]?.value).toBe('Xem lại số liệu SIPAS');

    // 5. Clear: the same on both sides, no mark left, the clerk's fills and notes back on their rows.
    await both((s) => s.clear());
    const cleared = comparable(await agree('clear'), results);
    expect(cleared[rs.name]).toBeUndefined();
    const left = Object.values(cleared).flatMap((cells) => Object.values(cells));
    expect(left.filter((c) => c.fill && c.fill !== CLERK_FILL)).toEqual([]);
    expect(left.filter((c) => c.note?.includes('[Thi đua CCHC]'))).toEqual([]);
    const count = (v: View) => Object.values(v).flatMap((cells) => Object.values(cells)).length;
    expect(count(cleared)).toBe(count(before));
  });
});
