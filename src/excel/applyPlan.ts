/**
 * Office.js adapter, writing side: brings the workbook from what it holds to what the plan wants,
 * in a constant number of syncs. "Đánh dấu" (marks + result sheet) and "Xóa đánh dấu" (no marks)
 * both go through `reconcile`; what to write, restore, keep and report is decided by the core
 * (`src/core/reconcile.ts`, shared with the CLI's xlsx writer) — this file only reads and writes:
 *
 *   request 1–2 (the grid read): the existing notes / comments;
 *   request 3: fills of every cell involved (getCellProperties, one call per sheet column), where
 *              each note / comment sits and its text, and the result sheet (it depends on nothing
 *              read here: a small state naming it is saved first, so that a clear removes it);
 *   request 4: the backup covering every cell about to be written, then fills (same fill → one
 *              RangeAreas), notes, and the exact backup last.
 *
 * Every call has an estimated size; the Syncer sends what is queued before a request or a response
 * would pass 4 MB (Excel on the web refuses 5 MB).
 *
 * Office.js does not roll back a request that fails part-way, so the order is chosen for that:
 * the backup covers every cell before any is touched, a clear removes the backup only after
 * restoring, and the state sheet is replaced through a staging sheet (writeStateSheet). Whatever
 * action fails, "Xóa đánh dấu" can still bring the workbook back (test/excel/failure.test.ts).
 */
import { cellRuns, type ReconcileInput as CoreReconcileInput, MARK_FILL, STATE_SHEET, type CellMark, type ResultSheet, columnLetter, parseA1, type CellValue, type Grid, findOldHeader, withUserColumns, type OldHeader, labels, RESULT_SHEET_NAMES, isStagingSheet, stagingSheetName, STATE_SHEET_VISIBILITY, type NoteKind, type NoteMode, cellKey, freeSheetName, prepareReconcile, recogniseMarks, sameBackup, type CellRef, type CellState, type CellWrite, type NoteReach, type ReconcileReport, stateRows, type AnnotationBackup, type MappingOverride, type WorkbookState } from '../core';
import { noteModeUsable, supports } from './capabilities';
import { jsonSize, REQUEST_BUDGET, type Syncer } from './syncer';

/** getRanges fails on address lists over ~8k characters; we stay well under. */
export const AREAS_ADDRESS_BUDGET = 7000;
/** Result-sheet rows written per values call (the syncer still splits by size). */
const ROWS_PER_WRITE = 500;
/** State-sheet cells per values call: 8 × 30,000 characters stays near 700 KB. */
const STATE_CELLS_PER_WRITE = 8;
const HEADER_FILL = '#D9E1F2';
/** Estimated response per cell of getCellProperties (fill colour + pattern). */
const CELL_PROPS_BYTES = 60;
/** Locating one existing note and reading its text: one more action sent, its address and text back. */
const NOTE_LOCATION_REQUEST = 200;
const NOTE_LOCATION_RESPONSE = 400;
/** Asking for a cell's note: the address sent; its text back (≈ 300 bytes for ours). */
const NOTE_BY_CELL_REQUEST = 40;
const NOTE_TEXT_RESPONSE = 300;

/** Notes / comments present in the workbook, loaded alongside the grid. */
export interface ExistingNotes {
  collections: Map<NoteKind, Excel.NoteCollection | Excel.CommentCollection>;
}

/** The first rows of our result sheet(s), loaded with the grid: does the council have columns of its own there? */
export interface ResultHeaders {
  sheets: Map<string, { top: Excel.Range; used: Excel.Range }>;
}

/** Rows 1–10, columns A–AZ, of every sheet named like our result sheet (a few KB). */
export function queueResultHeaders(context: Excel.RequestContext, names: string[]): ResultHeaders {
  const sheets = new Map<string, { top: Excel.Range; used: Excel.Range }>();
  for (const name of names) {
    if (!isResultSheetName(name)) continue;
    const ws = context.workbook.worksheets.getItem(name);
    const top = ws.getRange('A1:AZ10');
    top.load('values');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,rowCount');
    sheets.set(name, { top, used });
  }
  return { sheets };
}

/** Which note kinds this Excel can read and write. */
export function noteReach(): NoteReach {
  return { notes: noteModeUsable('notes'), comments: noteModeUsable('comments') };
}

/** Queues the load of every note kind this Excel supports (call inside readGrid's second request). */
export function queueExistingNotes(context: Excel.RequestContext): ExistingNotes {
  const map: ExistingNotes = { collections: new Map() };
  for (const kind of ['notes', 'comments'] as NoteKind[]) {
    if (!noteModeUsable(kind)) continue;
    const coll = kind === 'notes' ? context.workbook.notes : context.workbook.comments;
    // Only a small property here: locations and texts are read later, in size-bounded requests.
    coll.load('items/authorName');
    map.collections.set(kind, coll);
  }
  return map;
}

/** What the core's reconcile takes (grid, sheets, backup, marks, note mode, overrides), plus what this adapter loaded. */
export interface ReconcileInput extends Pick<CoreReconcileInput, 'grid' | 'sheetNames' | 'previous' | 'marks' | 'mode' | 'overrides'> {
  existing: ExistingNotes;
  resultSheet: ResultSheet | null;
  /** The state to keep besides the backup (the backup is added when marks are written). */
  baseState: WorkbookState;
  /** Our result sheet's first rows, read with the grid (the council's own columns are kept). */
  resultHeaders?: ResultHeaders;
  /** Rewrite the state sheet even when nothing changed (to drop a damaged backup). */
  rewriteState?: boolean;
}

/** Always quoted: a bare "TT2024" or "CN1" would read as a cell reference. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function unquoteSheet(address: string): { sheet: string; cell: string } {
  const bang = address.lastIndexOf('!');
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, cell: address.slice(bang + 1).replace(/\$/g, '').split(':')[0] };
}

/** Excel stores a string starting with "'" as that text, never as a formula, number or date. */
export function asText(v: string | number | null): string | number {
  if (v === null) return '';
  return typeof v === 'string' && v !== '' ? `'${v}` : v;
}

/** Address lists joined with "," in pieces under the getRanges limit. */
export function chunkAddresses(addresses: string[], budget = AREAS_ADDRESS_BUDGET): string[] {
  const out: string[] = [];
  let cur = '';
  for (const a of addresses) {
    if (cur && cur.length + 1 + a.length > budget) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

export interface ReconcileOutcome {
  state: WorkbookState;
  backup: AnnotationBackup | null;
  /** What the user is told: the core's report of this reconciliation. */
  report: ReconcileReport;
  /** With no backup to go by (the state sheet deleted or damaged): marks of ours recognised and removed. */
  recognised: number;
}

type NoteItem = Excel.Note | Excel.Comment;

/**
 * Queues the reads of these cells' fills (getCellProperties on runs of a column); gives them after
 * the sync. A cell costs ~55 bytes back, a range ~300 sent: runs are joined across gaps as long as
 * the cells read fit in `room` bytes of the response (the whole column when they do).
 */
async function queueFillReads(syncer: Syncer, cells: CellRef[], sheetProxy: (name: string) => Excel.Worksheet, room = REQUEST_BUDGET): Promise<() => Map<string, string | null>> {
  const byColumn = new Map<string, CellRef[]>();
  for (const c of cells) {
    const k = `${c.sheet}\u0000${c.col}`;
    const list = byColumn.get(k) ?? [];
    list.push(c);
    byColumn.set(k, list);
  }
  for (const list of byColumn.values()) list.sort((a, b) => a.row - b.row);
  type Run = { sheet: string; col: number; top: number; bottom: number; cells: CellRef[] };
  const runsWith = (gap: number): Run[] => {
    const runs: Run[] = [];
    for (const list of byColumn.values()) {
      let run: Run = { sheet: list[0].sheet, col: list[0].col, top: list[0].row, bottom: list[0].row, cells: [list[0]] };
      for (const c of list.slice(1)) {
        if (c.row - run.bottom > gap) {
          runs.push(run);
          run = { sheet: c.sheet, col: c.col, top: c.row, bottom: c.row, cells: [c] };
        } else {
          run.bottom = c.row;
          run.cells.push(c);
        }
      }
      runs.push(run);
    }
    return runs;
  };
  let columns: Run[] = [];
  for (const gap of [Infinity, 256, 64, 16, 4]) {
    columns = runsWith(gap);
    if (columns.reduce((n, r) => n + r.bottom - r.top + 1, 0) * CELL_PROPS_BYTES <= room) break;
  }
  const reads: { g: { sheet: string; col: number; top: number; cells: CellRef[] }; props: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
  for (const g of columns) {
    const L = columnLetter(g.col);
    const address = `${L}${g.top + 1}:${L}${g.bottom + 1}`;
    await syncer.write(
      address.length + 50,
      () => {
        const props = sheetProxy(g.sheet).getRange(address).getCellProperties({ format: { fill: { color: true, pattern: true } } });
        reads.push({ g, props });
      },
      CELL_PROPS_BYTES * (g.bottom - g.top + 1),
    );
  }
  return () => {
    const fills = new Map<string, string | null>();
    for (const { g, props } of reads) {
      for (const c of g.cells) {
        const fill = props.value[c.row - g.top]?.[0]?.format?.fill;
        // Excel reports "no fill" as white with the pattern None.
        fills.set(cellKey(c.sheet, c.cell), !fill || fill.pattern === 'None' ? null : (fill.color ?? null));
      }
    }
    return fills;
  };
}

export async function reconcile(syncer: Syncer, input: ReconcileInput): Promise<ReconcileOutcome> {
  const { context } = syncer;
  const present = new Set(input.sheetNames);
  const reach = noteReachOf(input.existing);
  const sheets = new Map<string, Excel.Worksheet>();
  const sheetProxy = (name: string): Excel.Worksheet => {
    let ws = sheets.get(name);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(name);
      sheets.set(name, ws);
    }
    return ws;
  };
  const previous = input.previous;
  const ours = previous?.resultSheet ?? null;
  // A sheet of the result's name that is not ours is the user's: never removed, ours takes "… (2)" (as the CLI).
  const resultName = input.resultSheet ? freeSheetName(input.resultSheet.name, [...present].filter((n) => n !== ours)) : null;
  const prep = prepareReconcile({
    grid: input.grid,
    sheetNames: input.sheetNames,
    previous,
    marks: input.marks,
    mode: input.mode,
    reach,
    resultSheet: resultName,
    overrides: input.overrides,
    ourSheets: ours ? [ours] : [],
  });

  // Request 3: current fills of the cells involved, their notes' texts, the result sheet. Notes are
  // asked for by cell (only the cells involved); threaded comments, which cannot be asked for by
  // cell without an error, and — with no backup to go by — every note, are listed with their place.
  const noteResponse = Math.max(NOTE_TEXT_RESPONSE, (previous?.noteBytes ?? 0) + 60);
  let noteReads = 0;
  for (const [kind, coll] of input.existing.collections) {
    if (kind === 'notes' && previous) noteReads += coll.items.length ? prep.cells.length * noteResponse : 0;
    else noteReads += coll.items.length * (NOTE_LOCATION_RESPONSE + noteResponse - NOTE_TEXT_RESPONSE);
  }
  const fillsOf = await queueFillReads(syncer, prep.fillCells, sheetProxy, REQUEST_BUDGET * 0.9 - noteReads);
  const located: { kind: NoteKind; item: NoteItem; where: Excel.Range }[] = [];
  const byCell: { c: CellRef; item: Excel.Note }[] = [];
  for (const [kind, coll] of input.existing.collections) {
    if (kind === 'notes' && previous) {
      if (!coll.items.length) continue;
      for (const c of prep.cells) {
        const address = `${quoteSheet(c.sheet)}!${c.cell}`;
        await syncer.write(
          address.length + NOTE_BY_CELL_REQUEST,
          () => {
            const item = (coll as Excel.NoteCollection).getItemOrNullObject(address);
            item.load('content');
            byCell.push({ c, item });
          },
          noteResponse,
        );
      }
      continue;
    }
    for (const item of coll.items as NoteItem[]) {
      await syncer.write(
        NOTE_LOCATION_REQUEST,
        () => {
          const where = item.getLocation();
          where.load('address');
          item.load('content');
          located.push({ kind, item, where });
        },
        NOTE_LOCATION_RESPONSE + noteResponse - NOTE_TEXT_RESPONSE,
      );
    }
  }
  // No backup to go by and nothing to write: a result sheet of ours (its title in A1) is recognised.
  const titles: { name: string; a1: Excel.Range }[] = [];
  if (!previous && !input.resultSheet) {
    for (const name of present) {
      if (!RESULT_NAME.test(name)) continue;
      await syncer.write(name.length + 20, () => {
        const a1 = sheetProxy(name).getRange('A1');
        a1.load('values');
        titles.push({ name, a1 });
      }, 500);
    }
  }
  let stateSheets = stateSheetsOf(input.sheetNames);
  const { annotationBackup: _old, ...rest } = input.baseState;
  const dropSheet = async (name: string | null | undefined) => {
    if (!name || !present.has(name)) return;
    present.delete(name);
    await syncer.write(name.length, () => sheetProxy(name).delete());
  };
  let naming: AnnotationBackup | null = null;
  const namedFirst = !!input.resultSheet && !!resultName && ours !== resultName;
  // The council wrote columns of its own on our result sheet: read them (this request), and write the
  // new result sheet with them after the sync.
  let userColumns: { header: OldHeader; reads: { kind: Excel.Range; name: Excel.Range; cols: Excel.Range[] } } | null = null;
  const old = ours && resultName === ours ? input.resultHeaders?.sheets.get(ours) : undefined;
  const header = old ? findOldHeader(old.top.values as CellValue[][]) : null;
  if (old && header && header.userCols.length) {
    const first = header.row + 2;
    const last = Math.max(first, old.used.isNullObject ? first : old.used.rowIndex + old.used.rowCount);
    const column = (col: number) => `${columnLetter(col)}${first}:${columnLetter(col)}${last}`;
    const ws = sheetProxy(ours!);
    let reads!: { kind: Excel.Range; name: Excel.Range; cols: Excel.Range[] };
    await syncer.write(200, () => {
      const load = (col: number) => {
        const r = ws.getRange(column(col));
        r.load('values');
        return r;
      };
      reads = { kind: load(header.kindCol), name: load(header.nameCol), cols: header.userCols.map((c) => load(c.col)) };
    }, (last - first + 1) * (header.userCols.length + 2) * 60);
    userColumns = { header, reads };
  }
  if (input.resultSheet && resultName) {
    if (ours !== resultName) await dropSheet(ours);
    if (ours !== resultName) {
      // Named in the state before it exists, so that a clear removes it whatever fails next.
      naming = { version: 1, cells: previous?.cells ?? [], resultSheet: resultName, noteMode: previous?.noteMode ?? input.mode };
      stateSheets = await writeStateSheet(syncer, stateSheets, { ...rest, annotationBackup: naming });
    }
    if (!userColumns) {
      await dropSheet(resultName);
      await writeResultSheet(syncer, resultName === input.resultSheet.name ? input.resultSheet : { ...input.resultSheet, name: resultName });
    }
  } else await dropSheet(ours);
  await syncer.flush();
  if (input.resultSheet && resultName && userColumns) {
    // The council's columns, each cell with its candidate, into the new result sheet.
    const rows = userColumns.reads.kind.values.map((line, i) => ({
      kind: line[0] as CellValue,
      name: userColumns!.reads.name.values[i]?.[0] as CellValue,
      values: userColumns!.reads.cols.map((r) => r.values[i]?.[0] as CellValue),
    }));
    const merged = withUserColumns(input.resultSheet, userColumns.header, rows);
    await dropSheet(resultName);
    await writeResultSheet(syncer, { ...merged, name: resultName });
  }

  // What each cell holds now.
  const fills = fillsOf();
  const notesAt = new Map<string, Partial<Record<NoteKind, { item: NoteItem; text: string }>>>();
  for (const { kind, item, where } of located) {
    const { sheet, cell } = unquoteSheet(where.address);
    const key = cellKey(sheet, cell);
    const entry = notesAt.get(key) ?? {};
    entry[kind] = { item, text: item.content };
    notesAt.set(key, entry);
  }
  for (const { c, item } of byCell) {
    if (item.isNullObject) continue;
    const key = cellKey(c.sheet, c.cell);
    notesAt.set(key, { ...notesAt.get(key), notes: { item, text: item.content } });
  }
  const stateOf = (key: string, fill: string | null): CellState => {
    const n = notesAt.get(key);
    return { fill, note: n?.notes?.text ?? null, comment: n?.comments?.text ?? null };
  };
  const states = new Map<string, CellState>();
  for (const c of prep.cells) {
    const key = cellKey(c.sheet, c.cell);
    states.set(key, stateOf(key, fills.get(key) ?? null));
  }
  const decision = prep.decide(states);
  const writes = [...decision.writes];

  // No backup to go by: notes of ours elsewhere are leftovers of a lost state, recognised by our head
  // line; their cells' fills are read (one more request, only then) to take our colours off too.
  let recognised = 0;
  if (!previous) {
    const involved = new Set(prep.cells.map((c) => cellKey(c.sheet, c.cell)));
    const candidates: CellRef[] = [];
    for (const [key] of notesAt) {
      if (involved.has(key)) continue;
      const bang = key.lastIndexOf('!');
      const sheet = key.slice(0, bang);
      const pos = parseA1(key.slice(bang + 1));
      if (pos && present.has(sheet)) candidates.push({ sheet, cell: key.slice(bang + 1), row: pos.row, col: pos.col });
    }
    const found = recogniseMarks(candidates.map((c) => ({ ...c, ...stateOf(cellKey(c.sheet, c.cell), null) })), reach);
    if (found.length) {
      const readFills = await queueFillReads(syncer, found, sheetProxy);
      await syncer.flush();
      const theirFills = readFills();
      const again = recogniseMarks(found.map((c) => ({ ...c, ...stateOf(cellKey(c.sheet, c.cell), theirFills.get(cellKey(c.sheet, c.cell)) ?? null) })), reach);
      recognised = again.length;
      writes.push(...again);
    }
  }

  const staleResults = titles.filter((t) => isResultTitle(t.a1.values[0]?.[0])).map((t) => t.name);
  recognised += staleResults.length;
  const backup = decision.backup;
  const state: WorkbookState = backup ? { ...rest, annotationBackup: backup } : rest;
  // Office.js does not roll a failed request back: the backup must cover every cell we may touch
  // *before* the first write.
  let first: WorkbookState | null = null;
  if (decision.cover) {
    first = { ...rest, annotationBackup: decision.cover };
    stateSheets = await writeStateSheet(syncer, stateSheets, first);
  }
  await applyWrites(syncer, writes, input.existing, notesAt, sheetProxy);
  for (const name of staleResults) await dropSheet(name);
  // The stored state is rewritten only when it changes (the same marks again: nothing to write).
  const stored: AnnotationBackup | null | undefined = first ? decision.cover : namedFirst ? naming : previous;
  const changed = !sameBackup(stored, backup) || stateSheets.stale.length > 0 || input.rewriteState;
  if (changed && (!first || JSON.stringify(first) !== JSON.stringify(state))) await writeStateSheet(syncer, stateSheets, state);
  await syncer.flush();
  return { state, backup, report: decision.report, recognised };
}

function noteReachOf(existing: ExistingNotes): NoteReach {
  return { notes: existing.collections.has('notes'), comments: existing.collections.has('comments') };
}

/** The fills (grouped by colour into RangeAreas) and the notes (removals first) the core decided. */
async function applyWrites(
  syncer: Syncer,
  writes: CellWrite[],
  existing: ExistingNotes,
  notesAt: Map<string, Partial<Record<NoteKind, { item: NoteItem }>>>,
  sheetProxy: (name: string) => Excel.Worksheet,
): Promise<void> {
  const fillGroups = new Map<string, { sheet: string; fill: string | null; cells: CellRef[] }>();
  for (const w of writes) {
    if (w.fill === undefined) continue;
    const k = `${w.sheet}\u0000${w.fill ?? ''}`;
    const g = fillGroups.get(k) ?? { sheet: w.sheet, fill: w.fill, cells: [] };
    g.cells.push(w);
    fillGroups.set(k, g);
  }
  for (const group of fillGroups.values()) {
    for (const list of chunkAddresses(cellRuns(group.cells))) {
      await syncer.write(list.length, () => {
        const areas = sheetProxy(group.sheet).getRanges(list);
        if (group.fill) areas.format.fill.color = group.fill;
        else areas.format.fill.clear();
      });
    }
  }
  const changes: { kind: NoteKind; w: CellWrite; to: string | null }[] = [];
  for (const w of writes) for (const [kind, to] of Object.entries(w.notes ?? {}) as [NoteKind, string | null][]) changes.push({ kind, w, to });
  // Removals first: a cell's comment must be gone before a note can take its place.
  changes.sort((a, b) => Number(a.to !== null) - Number(b.to !== null));
  for (const { kind, w, to } of changes) {
    const coll = existing.collections.get(kind);
    if (!coll) continue;
    const item = notesAt.get(cellKey(w.sheet, w.cell))?.[kind]?.item;
    if (to === null && !item) continue;
    const address = `${quoteSheet(w.sheet)}!${w.cell}`;
    await syncer.write(jsonSize(to) + address.length, () => {
      if (to === null) item!.delete();
      else if (item) item.content = to;
      else if (kind === 'notes') (coll as Excel.NoteCollection).add(address, to);
      else (coll as Excel.CommentCollection).add(address, to);
    });
  }
}

/** Our result sheet's names ("Kết quả xét khen thưởng", "… (2)"). */
const RESULT_NAME = new RegExp(`^(${[...new Set(Object.values(RESULT_SHEET_NAMES))].join('|')})( \\(\\d+\\))?$`);

export function isResultSheetName(name: string): boolean {
  return RESULT_NAME.test(name);
}

/** Is this sheet our result sheet (its first cell our title)? For a workbook whose state is lost. */
export function isResultTitle(value: unknown): boolean {
  return value === labels('vi').resultTitle || value === labels('en').resultTitle;
}

/** The result sheet "Kết quả xét khen thưởng" as a formatted table (the exceljs adapter's layout). */
async function writeResultSheet(syncer: Syncer, rs: ResultSheet): Promise<void> {
  const width = Math.max(1, rs.header.length);
  const last = columnLetter(width - 1);
  const pad = (line: (string | number | null)[]) => Array.from({ length: width }, (_, i) => asText(line[i] ?? null));
  const lines: (string | number)[][] = [...rs.title.map((t) => pad([t])), pad([]), pad(rs.header), ...rs.rows.map(pad), pad([]), ...rs.footer.map((f) => pad([f]))];
  const headerRow = rs.title.length + 2; // 1-based
  let ws!: Excel.Worksheet;
  await syncer.write(rs.name.length, () => {
    ws = syncer.context.workbook.worksheets.add(rs.name);
  });
  for (let start = 0; start < lines.length; start += ROWS_PER_WRITE) {
    const block = lines.slice(start, start + ROWS_PER_WRITE);
    await syncer.write(jsonSize(block), () => {
      ws.getRange(`A${start + 1}:${last}${start + block.length}`).values = block;
    });
  }
  await syncer.write(100 + width * 20, () => {
    if (rs.title.length) ws.getRange('A1').format.font.bold = true;
    const header = ws.getRange(`A${headerRow}:${last}${headerRow}`);
    header.format.font.bold = true;
    header.format.fill.color = HEADER_FILL;
    header.format.wrapText = true;
    if (rs.rows.length) ws.getRange(`A${headerRow + 1}:${last}${headerRow + rs.rows.length}`).format.wrapText = true;
    // Thin borders around every cell of the table (header and rows), as the exceljs adapter draws.
    const table = ws.getRange(`A${headerRow}:${last}${headerRow + rs.rows.length}`);
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
      if (edge === 'InsideHorizontal' && !rs.rows.length) continue;
      table.format.borders.getItem(edge).style = 'Continuous';
    }
    // Column widths are given in characters; Excel wants points (about 7 per character).
    rs.widths.forEach((w, i) => {
      ws.getRange(`${columnLetter(i)}1`).format.columnWidth = Math.round(w * 7);
    });
    ws.freezePanes.freezeRows(headerRow);
  });
  if (rs.overview) await writeOverview(syncer, ws, rs.overview, lines.length + 2);
  // The result column coloured like the marks: one RangeAreas per colour.
  // Found by its label: the council's own columns may follow ours.
  const resultCol = rs.header.findIndex((h) => h === labels('vi').header.result || h === labels('en').header.result);
  if (resultCol >= 0) {
    const byColor = new Map<string, { row: number; col: number }[]>();
    rs.rowKinds.forEach((kind, i) => {
      const color = kind ? MARK_FILL[kind] : null;
      if (!color) return;
      const list = byColor.get(color) ?? [];
      list.push({ row: headerRow + i, col: resultCol });
      byColor.set(color, list);
    });
    for (const [color, cells] of byColor) {
      for (const list of chunkAddresses(cellRuns(cells))) {
        await syncer.write(list.length, () => {
          ws.getRanges(list).format.fill.color = color;
        });
      }
    }
  }
}

/**
 * The overview for the council below the table (counts per kind, quota use, criteria failed most)
 * and, where the host has charts (ExcelApi 1.1, checked), a bar chart of the criteria failed most.
 * The chart lives on our result sheet, so removing the sheet removes it exactly.
 */
async function writeOverview(syncer: Syncer, ws: Excel.Worksheet, ov: NonNullable<ResultSheet['overview']>, firstRow: number): Promise<void> {
  const width = Math.max(1, ...ov.rows.map((r) => r.length));
  const last = columnLetter(width - 1);
  const block = ov.rows.map((r) => Array.from({ length: width }, (_, i) => asText(r[i] ?? null)));
  await syncer.write(jsonSize(block) + 200, () => {
    ws.getRange(`A${firstRow}:${last}${firstRow + block.length - 1}`).values = block;
    // Each part's heading row (the first, and every row after a blank one) in bold.
    ov.rows.forEach((r, i) => {
      if (r.length && (i === 0 || ov.rows[i - 1].length === 0)) ws.getRange(`A${firstRow + i}:${last}${firstRow + i}`).format.font.bold = true;
    });
  });
  const rows = ov.criteriaRows;
  if (!rows || !supports('1.1')) return;
  const top = firstRow + rows.header;
  const bottom = firstRow + rows.last;
  await syncer.write(300, () => {
    const chart = ws.charts.add('BarClustered', ws.getRange(`A${top}:C${bottom}`), 'Columns');
    chart.title.text = ov.chartTitle;
    chart.setPosition(`E${firstRow}`, `J${firstRow + Math.max(14, rows.last - rows.header + 6)}`);
  });
}

export interface StateSheets {
  /** The state sheet exists. */
  exists: boolean;
  /** Staging sheets left by interrupted writes (of any session), seen when the action started. */
  stale: string[];
}

export function stateSheetsOf(names: string[]): StateSheets {
  return { exists: names.includes(STATE_SHEET), stale: names.filter(isStagingSheet) };
}

/**
 * Excel refuses to delete a very hidden sheet (InvalidOperation, "first change its visibility"):
 * our state and staging sheets are made hidden in the same request, just before.
 */
function deleteVeryHidden(ws: Excel.Worksheet): void {
  ws.visibility = 'Hidden';
  ws.delete();
}

/** A staging name no other session uses (two people saving at once never share one). */
function newStagingName(): string {
  return stagingSheetName(`${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`);
}

/**
 * Rewrites the very hidden state sheet (removed when nothing is left to keep): written in full under
 * a staging name of its own, then the old sheet is deleted and the new one renamed, so that no failure
 * part-way loses the state (the backup of the user's fills and notes is only there). Staging sheets
 * seen when the action started are leftovers of interrupted writes (a write of another session is
 * added, filled and renamed within one request, so it is never seen half-done) and are removed.
 * Returns what exists after.
 */
export async function writeStateSheet(syncer: Syncer, sheets: StateSheets, state: WorkbookState): Promise<StateSheets> {
  const all = syncer.context.workbook.worksheets;
  for (const name of sheets.stale) await syncer.write(name.length, () => deleteVeryHidden(all.getItem(name)));
  const rows = stateRows(state);
  if (rows.length <= 1) {
    if (sheets.exists) await syncer.write(STATE_SHEET.length, () => deleteVeryHidden(all.getItem(STATE_SHEET)));
    return { exists: false, stale: [] };
  }
  const staging = newStagingName();
  let ws!: Excel.Worksheet;
  await syncer.write(staging.length, () => {
    ws = all.add(staging);
    ws.visibility = STATE_SHEET_VISIBILITY;
  });
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let start = 0; start < row.length; start += STATE_CELLS_PER_WRITE) {
      const cells = row.slice(start, start + STATE_CELLS_PER_WRITE).map((v) => asText(v));
      await syncer.write(jsonSize(cells), () => {
        ws.getRange(`${columnLetter(start)}${r + 1}:${columnLetter(start + cells.length - 1)}${r + 1}`).values = [cells];
      });
    }
  }
  await syncer.write(2 * STATE_SHEET.length, () => {
    if (sheets.exists) deleteVeryHidden(all.getItem(STATE_SHEET));
    ws.name = STATE_SHEET;
  });
  return { exists: true, stale: [] };
}


