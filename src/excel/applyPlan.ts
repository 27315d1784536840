/**
 * Office.js adapter, writing side: the port of the core's annotate driver (core/annotateDriver.ts),
 * in a constant number of syncs. "Đánh dấu" (marks + result sheet) and "Xóa đánh dấu" (no marks)
 * both go through `reconcile`; what to write, restore, keep and report is decided by the core
 * (shared with the CLI's xlsx writer) — this file only reads and writes:
 *
 *   request 1–2 (the grid read): the existing notes / comments;
 *   request 3 (the port's `read`): fills of every cell involved (getCellProperties, one call per
 *              sheet column), where each note / comment sits and its text, the council's columns
 *              of the old result sheet; and, after the reads, the writes that depend on nothing
 *              read (the result sheet: a small state naming it is saved first, so that a clear
 *              removes it);
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
import { printHeights, printScale, PRINT_FONT, PRINT_SIDE_MARGIN, PRINT_TITLE_FONT } from '../core';
import { cellRuns, type ReconcileInput as CoreReconcileInput, MARK_FILL, STATE_SHEET, type ResultSheet, columnLetter, parseA1, type CellValue, oldResultRows, type OldHeader, type OldResult, labels, isResultSheetName, isStagingSheet, stagingSheetName, STATE_SHEET_VISIBILITY, type NoteKind, cellKey, driveAnnotation, type AnnotatePort, type AnnotateRead, type AnnotateReadBack, type CellSet, type WriteWatch, type Watched, type CellRef, type CellState, type CellWrite, type NoteReach, type ReconcileReport, stateRows, type AnnotationBackup, type WorkbookState } from '../core';
import { noteModeUsable, supports } from './capabilities';
import { jsonSize, REQUEST_BUDGET, type Syncer } from './syncer';

/** getRanges fails on address lists over ~8k characters; we stay well under. */
export const AREAS_ADDRESS_BUDGET = 7000;
/** Result-sheet rows written per values call (the syncer still splits by size). */
const ROWS_PER_WRITE = 500;
/** State-sheet cells per values call: 8 × 30,000 characters stays near 700 KB. */
const STATE_CELLS_PER_WRITE = 8;
const HEADER_FILL = '#D9E1F2';
/** Estimated response per cell of getCellProperties (fill colour, pattern, tintAndShade: ~75 bytes of JSON). */
const CELL_PROPS_BYTES = 80;
/** Locating one existing note and reading its text: one more action sent, its address and text back. */
const NOTE_LOCATION_REQUEST = 200;
const NOTE_LOCATION_RESPONSE = 400;
/** Asking for a cell's note: the address sent; its text back (≈ 300 bytes for ours). */
const NOTE_BY_CELL_REQUEST = 40;
const NOTE_TEXT_RESPONSE = 300;
/** A name cell's value read back (a name of up to ~40 characters, JSON-quoted). */
const NAME_RESPONSE = 60;

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
  /** Rows moved (another user) between the read and the write: what was written was put back; start again. */
  moved?: boolean;
}

type NoteItem = Excel.Note | Excel.Comment;

/**
 * A cell's fill from getCellProperties, null for "no fill". Excel reports no fill as "#FFFFFF", like
 * a white fill (office-js #6218), and `pattern` is null for both on some builds (#4900), so neither is
 * trusted alone: `tintAndShade` is a number for a fill and null for none (Microsoft's answer in #4900).
 * A white with no such tell is read as no fill — restoring "white" would paint over the gridlines of
 * every unfilled cell, restoring "none" loses only a white the user chose.
 */
export function fillOf(fill: Excel.CellPropertiesFill | undefined): string | null {
  if (!fill || fill.pattern === 'None' || !fill.color) return null;
  if (typeof fill.tintAndShade === 'number') return fill.color;
  return fill.color.toUpperCase() === '#FFFFFF' ? null : fill.color;
}

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
        const props = sheetProxy(g.sheet).getRange(address).getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
        reads.push({ g, props });
      },
      CELL_PROPS_BYTES * (g.bottom - g.top + 1),
    );
  }
  return () => {
    const fills = new Map<string, string | null>();
    for (const { g, props } of reads) {
      for (const c of g.cells) {
        fills.set(cellKey(c.sheet, c.cell), fillOf(props.value[c.row - g.top]?.[0]?.format?.fill));
      }
    }
    return fills;
  };
}

/** A note or comment as this Excel holds it, and where. */
interface NoteAt {
  item: NoteItem;
  text: string;
}

/**
 * The annotate port over Office.js: `read` is one request (fills of the cells the core names, their
 * notes' texts, the council's columns of the old result sheet); every write is queued through the
 * Syncer, sent by `done` (or earlier when a request fills up).
 */
class OfficePort implements AnnotatePort {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  private readonly present: Set<string>;
  private stateSheets: StateSheets;
  /** Notes and comments read, by cellKey: what the writes update or delete. */
  private notesAt = new Map<string, Partial<Record<NoteKind, NoteAt>>>();

  constructor(
    private readonly syncer: Syncer,
    private readonly existing: ExistingNotes,
    sheetNames: string[],
    private readonly resultHeaders?: ResultHeaders,
  ) {
    this.present = new Set(sheetNames);
    this.stateSheets = stateSheetsOf(sheetNames);
  }

  private sheet(name: string): Excel.Worksheet {
    let ws = this.sheets.get(name);
    if (!ws) {
      ws = this.syncer.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, ws);
    }
    return ws;
  }

  /**
   * One request: current fills of the cells involved, their notes' texts, the old result sheet's
   * council columns. Notes are asked for by cell (only the cells involved); threaded comments, which
   * cannot be asked for by cell without an error, and — with no backup to go by — every note, are
   * listed with their place.
   */
  async read(req: AnnotateRead, meanwhile: () => Promise<void>): Promise<AnnotateReadBack> {
    const noteResponse = Math.max(NOTE_TEXT_RESPONSE, (req.noteBytes ?? 0) + 60);
    let noteReads = 0;
    for (const [kind, coll] of this.existing.collections) {
      if (kind === 'notes' && !req.everyNote) noteReads += coll.items.length ? req.cells.length * noteResponse : 0;
      else noteReads += coll.items.length * (NOTE_LOCATION_RESPONSE + noteResponse - NOTE_TEXT_RESPONSE);
    }
    const fillsOf = await queueFillReads(this.syncer, req.fillCells, (n) => this.sheet(n), REQUEST_BUDGET * 0.9 - noteReads);
    const notesOf = await this.queueNoteReads(req, noteResponse);
    const titles = req.resultTitles ? await this.queueTitles() : () => [];
    const oldResult = req.oldResult ? await this.queueOldResult(req.oldResult.sheet, req.oldResult.header) : () => null;
    // Writes that depend on nothing read go in the same request, after the reads.
    await meanwhile();
    await this.syncer.flush();

    this.notesAt = notesOf();
    const fills = fillsOf();
    const states = new Map<string, CellState>();
    for (const c of req.cells) {
      const key = cellKey(c.sheet, c.cell);
      states.set(key, this.stateOf(key, fills.get(key) ?? null));
    }
    return { states, otherNotes: req.everyNote ? this.notesElsewhere(states) : [], oldResult: oldResult(), resultTitles: titles() };
  }

  private stateOf(key: string, fill: string | null): CellState {
    const n = this.notesAt.get(key);
    return { fill, note: n?.notes?.text ?? null, comment: n?.comments?.text ?? null };
  }

  /** Notes of every kind this Excel reaches: by cell where it can, else listed with their place. */
  private async queueNoteReads(req: AnnotateRead, noteResponse: number): Promise<() => Map<string, Partial<Record<NoteKind, NoteAt>>>> {
    const located: { kind: NoteKind; item: NoteItem; where: Excel.Range }[] = [];
    const byCell: { c: CellRef; item: Excel.Note }[] = [];
    for (const [kind, coll] of this.existing.collections) {
      if (kind === 'notes' && !req.everyNote) {
        if (!coll.items.length) continue;
        for (const c of req.cells) {
          const address = `${quoteSheet(c.sheet)}!${c.cell}`;
          await this.syncer.write(
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
        await this.syncer.write(
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
    return () => {
      const notesAt = new Map<string, Partial<Record<NoteKind, NoteAt>>>();
      for (const { kind, item, where } of located) {
        const { sheet, cell } = unquoteSheet(where.address);
        const key = cellKey(sheet, cell);
        notesAt.set(key, { ...notesAt.get(key), [kind]: { item, text: item.content } });
      }
      for (const { c, item } of byCell) {
        if (item.isNullObject) continue;
        const key = cellKey(c.sheet, c.cell);
        notesAt.set(key, { ...notesAt.get(key), notes: { item, text: item.content } });
      }
      return notesAt;
    };
  }

  /** Notes on cells the core did not name (their fill not read), on sheets that exist. */
  private notesElsewhere(involved: Map<string, CellState>): (CellRef & CellState)[] {
    const out: (CellRef & CellState)[] = [];
    for (const key of this.notesAt.keys()) {
      if (involved.has(key)) continue;
      const bang = key.lastIndexOf('!');
      const sheet = key.slice(0, bang);
      const cell = key.slice(bang + 1);
      const pos = parseA1(cell);
      if (pos && this.present.has(sheet)) out.push({ sheet, cell, row: pos.row, col: pos.col, ...this.stateOf(key, null) });
    }
    return out;
  }

  /** A1 of every sheet named like our result sheet. */
  private async queueTitles(): Promise<() => { sheet: string; value: unknown }[]> {
    const titles: { sheet: string; a1: Excel.Range }[] = [];
    for (const name of this.present) {
      if (!isResultSheetName(name)) continue;
      await this.syncer.write(name.length + 20, () => {
        const a1 = this.sheet(name).getRange('A1');
        a1.load('values');
        titles.push({ sheet: name, a1 });
      }, 500);
    }
    return () => titles.map((t) => ({ sheet: t.sheet, value: t.a1.values[0]?.[0] }));
  }

  /** The council's columns (with kind and name) of our old result sheet, below its header. */
  private async queueOldResult(name: string, header: OldHeader): Promise<() => OldResult['rows']> {
    const used = this.resultHeaders?.sheets.get(name)?.used;
    const first = header.row + 2;
    const last = Math.max(first, !used || used.isNullObject ? first : used.rowIndex + used.rowCount);
    const ws = this.sheet(name);
    const columns = new Map<number, Excel.Range>();
    await this.syncer.write(200, () => {
      for (const col of [header.kindCol, header.nameCol, ...header.userCols.map((c) => c.col)]) {
        const r = ws.getRange(`${columnLetter(col)}${first}:${columnLetter(col)}${last}`);
        r.load('values');
        columns.set(col, r);
      }
    }, (last - first + 1) * (header.userCols.length + 2) * 60);
    return () => oldResultRows(header, (row, col) => (columns.get(col)!.values[row - header.row - 1]?.[0] ?? null) as CellValue, last - 1);
  }

  async readFills(cells: CellRef[]): Promise<Map<string, string | null>> {
    const fills = await queueFillReads(this.syncer, cells, (n) => this.sheet(n));
    await this.syncer.flush();
    return fills();
  }

  async removeSheet(name: string): Promise<void> {
    if (!this.present.has(name)) return;
    this.present.delete(name);
    await this.syncer.write(name.length, () => this.sheet(name).delete());
  }

  async writeResultSheet(sheet: ResultSheet): Promise<void> {
    await this.removeSheet(sheet.name);
    await writeResultSheet(this.syncer, sheet);
  }

  async writeCells(writes: CellWrite[]): Promise<void> {
    await applyWrites(this.syncer, writes, this.existing, this.notesAt, (n) => this.sheet(n));
  }

  async writeState(state: WorkbookState): Promise<void> {
    this.stateSheets = await writeStateSheet(this.syncer, this.stateSheets, state);
  }

  async done(): Promise<void> {
    await this.syncer.flush();
  }

  /**
   * Queued first in the request that writes (Excel runs a batch in order, so these are the workbook
   * just before our writes), budgeted by the Syncer like any call so that they ride in the writes'
   * request: the rows' name columns, the fills of the cells about to be written (runs of a column,
   * split on gaps to stay within what is left of the response), and the text of each note we are
   * about to change through the item read (the item follows its note wherever its row went). Notes
   * added by address need no look: Excel refuses an add on a cell that has one, and the request
   * stops there. Notes deleted are not read again (see core/annotateDriver.ts).
   */
  async watch(w: WriteWatch): Promise<() => Watched> {
    const rows: Excel.Range[] = [];
    let rowBytes = 0;
    for (const r of w.rows) {
      const L = columnLetter(r.col);
      const address = `${L}${r.top + 1}:${L}${r.bottom + 1}`;
      const response = (r.bottom - r.top + 1) * NAME_RESPONSE;
      rowBytes += response;
      await this.syncer.write(address.length + 50, () => {
        const range = this.sheet(r.sheet).getRange(address);
        range.load('values');
        rows.push(range);
      }, response);
    }
    const updated: { key: string; item: Excel.Note }[] = [];
    for (const c of w.cells as CellWrite[]) {
      const key = cellKey(c.sheet, c.cell);
      const item = this.notesAt.get(key)?.notes?.item as Excel.Note | undefined;
      const to = c.notes?.notes;
      if (item && typeof to === 'string') updated.push({ key, item });
    }
    const noteBytes = updated.reduce((n, u) => n + jsonSize(this.notesAt.get(u.key)?.notes?.text ?? '') + 60, 0);
    const fillsOf = await queueFillReads(this.syncer, w.cells, (n) => this.sheet(n), REQUEST_BUDGET * 0.9 - rowBytes - noteBytes);
    const seen = new Map<string, Excel.Note>();
    for (const { key, item } of updated) {
      await this.syncer.write(0, () => {
        item.load('content');
        seen.set(key, item);
      }, jsonSize(this.notesAt.get(key)?.notes?.text ?? '') + 60);
    }
    return () => {
      const fills = fillsOf();
      const states = new Map<string, CellState>();
      for (const c of w.cells) {
        const key = cellKey(c.sheet, c.cell);
        const read = this.notesAt.get(key);
        const item = seen.get(key);
        states.set(key, { fill: fills.get(key) ?? null, note: item ? item.content : (read?.notes?.text ?? null), comment: read?.comments?.text ?? null });
      }
      return { rows: rows.map((r) => r.values.map((line) => line[0] as CellValue)), states };
    };
  }

  /** Fills by address; a note through the item read when there was one (it follows its cell), else by address. */
  async setCells(cells: CellSet[]): Promise<void> {
    const fills: CellWrite[] = cells.filter((c) => c.fill !== undefined).map((c) => ({ sheet: c.sheet, cell: c.cell, row: c.row, col: c.col, fill: c.fill }));
    await applyWrites(this.syncer, fills, this.existing, this.notesAt, (n) => this.sheet(n));
    const notes = this.existing.collections.get('notes') as Excel.NoteCollection | undefined;
    if (!notes) return;
    for (const c of cells) {
      if (c.note === undefined) continue;
      const to = c.note;
      const item = this.notesAt.get(cellKey(c.sheet, c.cell))?.notes?.item as Excel.Note | undefined;
      const address = `${quoteSheet(c.sheet)}!${c.cell}`;
      if (to === null && !item && !c.hasNote) continue;
      await this.syncer.write(jsonSize(to) + address.length, () => {
        const target = item ?? (c.hasNote ? notes.getItem(address) : null);
        if (to === null) target!.delete();
        else if (target) target.content = to;
        else notes.add(address, to);
      });
    }
  }
}

/** Brings the workbook from what it holds to what the plan wants (core/annotateDriver.ts decides). */
export async function reconcile(syncer: Syncer, input: ReconcileInput): Promise<ReconcileOutcome> {
  const port = new OfficePort(syncer, input.existing, input.sheetNames, input.resultHeaders);
  return driveAnnotation(port, {
    grid: input.grid,
    sheetNames: input.sheetNames,
    state: input.baseState,
    oldResultTop: (input.previous?.resultSheet && (input.resultHeaders?.sheets.get(input.previous.resultSheet)?.top.values as CellValue[][] | undefined)) || null,
    previous: input.previous,
    marks: input.marks,
    resultSheet: input.resultSheet,
    mode: input.mode,
    reach: noteReachOf(input.existing),
    overrides: input.overrides,
    rewriteState: input.rewriteState,
  });
}

function noteReachOf(existing: ExistingNotes): NoteReach {
  return { notes: existing.collections.has('notes'), comments: existing.collections.has('comments') };
}

/** The fills (grouped by colour into RangeAreas) and the notes (removals first) the core decided. */
async function applyWrites(
  syncer: Syncer,
  writes: CellWrite[],
  existing: ExistingNotes,
  notesAt: Map<string, Partial<Record<NoteKind, NoteAt>>>,
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
  await writePrintLayout(syncer, ws, rs, lines.length);
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
 * The sheet on paper (core/printLayout.ts), as the file writer lays it out: 11 pt text, lines above
 * and below the table merged across it and wrapped, every row's height set (Excel does not grow a
 * row for wrapped text written by code), and — where the host has PageLayout (ExcelApi 1.9,
 * checked) — A4 landscape at a scale that fits the width, the header row on every page, a footer.
 */
async function writePrintLayout(syncer: Syncer, ws: Excel.Worksheet, rs: ResultSheet, lineCount: number): Promise<void> {
  const width = Math.max(1, rs.header.length);
  const last = columnLetter(width - 1);
  const heights = printHeights(rs);
  const headerRow = rs.title.length + 2;
  const firstFooter = headerRow + rs.rows.length + 2;
  // 1-based row → height; the lines that span the table.
  const rowHeights: [number, number][] = [];
  const spans: number[] = [];
  const boldRows: number[] = [];
  heights.title.forEach((h, i) => {
    rowHeights.push([i + 1, h]);
    spans.push(i + 1);
  });
  rowHeights.push([headerRow, heights.header]);
  heights.rows.forEach((h, i) => rowHeights.push([headerRow + 1 + i, h]));
  rs.footer.forEach((f, i) => {
    if (!f) return;
    rowHeights.push([firstFooter + i, heights.footer[i]]);
    spans.push(firstFooter + i);
    if (rs.footerBold?.includes(i)) boldRows.push(firstFooter + i);
  });
  await syncer.write(200 + spans.length * 60, () => {
    ws.getRange(`A1:${last}${lineCount}`).format.font.size = PRINT_FONT;
    if (rs.title.length) ws.getRange('A1').format.font.size = PRINT_TITLE_FONT;
    for (const r of spans) {
      const line = ws.getRange(`A${r}:${last}${r}`);
      if (width > 1) line.merge(false);
      line.format.wrapText = true;
    }
    for (const r of boldRows) ws.getRange(`A${r}`).format.font.bold = true;
  });
  const overviewRow = lineCount + 2;
  heights.overview.forEach((h, i) => {
    if (rs.overview!.rows[i].length) rowHeights.push([overviewRow + i, h]);
  });
  // Heights are few: one set of areas per height (ExcelApi 1.9), else one range per run of rows.
  const byHeight = new Map<number, { row: number; col: number }[]>();
  for (const [r, h] of rowHeights) (byHeight.get(h) ?? byHeight.set(h, []).get(h)!).push({ row: r - 1, col: 0 });
  for (const [h, cells] of byHeight) {
    const runs = cellRuns(cells);
    if (supports('1.9')) {
      for (const list of chunkAddresses(runs)) await syncer.write(list.length + 100, () => void (ws.getRanges(list).format.rowHeight = h));
    } else {
      for (const run of runs) await syncer.write(run.length + 100, () => void (ws.getRange(run).format.rowHeight = h));
    }
  }
  if (!supports('1.9')) return;
  await syncer.write(600, () => {
    const page = ws.pageLayout;
    page.orientation = Excel.PageOrientation.landscape;
    page.paperSize = Excel.PaperType.a4;
    page.leftMargin = PRINT_SIDE_MARGIN * 72;
    page.rightMargin = PRINT_SIDE_MARGIN * 72;
    page.topMargin = 36;
    page.bottomMargin = 43;
    page.headerMargin = 14;
    page.footerMargin = 18;
    // A scale rather than "one page wide": a documented value (10–400) every host takes.
    page.zoom = { scale: printScale(rs.widths) };
    page.setPrintTitleRows(`$${headerRow}:$${headerRow}`);
    if (rs.pageFooter) {
      const f = page.headersFooters.defaultForAllPages;
      f.leftFooter = rs.pageFooter.left;
      f.centerFooter = rs.pageFooter.center;
      f.rightFooter = rs.pageFooter.right;
    }
  });
}

/**
 * The overview for the council below the table (counts per kind, quota use, criteria failed most)
 * and, where the host has charts (ExcelApi 1.1, checked), a bar chart of the criteria failed most.
 * The chart lives on our result sheet, so removing the sheet removes it exactly.
 */
async function writeOverview(syncer: Syncer, ws: Excel.Worksheet, ov: NonNullable<ResultSheet['overview']>, firstRow: number): Promise<void> {
  const width = Math.max(1, ...ov.rows.map((r) => r.length));
  // It starts in a wide column (the name's) so that its labels read in full, wrapped.
  const at = ov.col ?? 0;
  const first = columnLetter(at);
  const last = columnLetter(at + width - 1);
  const block = ov.rows.map((r) => Array.from({ length: width }, (_, i) => asText(r[i] ?? null)));
  await syncer.write(jsonSize(block) + 200, () => {
    const all = ws.getRange(`${first}${firstRow}:${last}${firstRow + block.length - 1}`);
    all.values = block;
    all.format.font.size = PRINT_FONT;
    all.format.wrapText = true;
    // Each part's heading row (the first, and every row after a blank one) in bold.
    ov.rows.forEach((r, i) => {
      if (r.length && (i === 0 || ov.rows[i - 1].length === 0)) ws.getRange(`${first}${firstRow + i}:${last}${firstRow + i}`).format.font.bold = true;
    });
  });
  const rows = ov.criteriaRows;
  if (!rows || !supports('1.1')) return;
  const top = firstRow + rows.header;
  const bottom = firstRow + rows.last;
  await syncer.write(300, () => {
    const chart = ws.charts.add('BarClustered', ws.getRange(`${first}${top}:${columnLetter(at + 2)}${bottom}`), 'Columns');
    chart.title.text = ov.chartTitle;
    chart.setPosition(`${columnLetter(at + width + 1)}${firstRow}`, `${columnLetter(at + width + 7)}${firstRow + Math.max(14, rows.last - rows.header + 6)}`);
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


