/**
 * "Đánh dấu" and "Xóa đánh dấu" as one sequence for every adapter (the pane's Office.js writer, the
 * CLI's xlsx patcher). The driver decides; the adapter moves data through a small, batch-shaped
 * port: one read of everything the decision needs (our cells' fills and notes, the old result
 * sheet's council columns, and — with no backup to go by — every note and the result sheets'
 * titles), then writes in the order that keeps a workbook clearable whatever fails part-way:
 *
 *   1. (with the read, when nothing read is needed) the old result sheet goes; the state names the
 *      new one before it exists; the new one — after the read when it carries the council's
 *      columns (each cell beside its candidate);
 *   2. the backup covering every cell about to be written (the cover), then the cells;
 *   3. stale result sheets of a lost state; the state, when it changed.
 *
 * An Office.js port queues each write and sends them when `done` is called (or when a request
 * fills up): the action keeps its few round trips. The CLI's port applies them to the package.
 */
import type { CellMark, ResultSheet } from './annotationPlan';
import type { CellValue, Grid } from './grid';
import type { NoteMode } from './marks';
import { isStagingSheet } from './marks';
import { freeSheetName, prepareReconcile, recogniseMarks, sameBackup, cellKey, type CellRef, type CellState, type CellWrite, type NoteReach, type ReconcileDecision, type ReconcileReport } from './reconcile';
import { findOldHeader, isResultTitle, withUserColumns, type OldHeader, type OldResult } from './resultColumns';
import { BACKUP_COMPANIONS, type AnnotationBackup, type MappingOverride, type WorkbookState } from './state';
import { cellAt } from './grid';
import { findTables } from './tables';
import { cleanName } from './text';
import { cellText } from './values';

/** What the decision needs read, in one go. */
export interface AnnotateRead {
  /** Cells whose notes the decision needs (their fills too when in `fillCells`). */
  cells: CellRef[];
  fillCells: CellRef[];
  /** Our result sheet about to be replaced under the same name, when its header shows council columns: those are wanted. */
  oldResult: { sheet: string; header: OldHeader } | null;
  /** No backup to go by: every note is listed (ours are recognised and taken off). */
  everyNote: boolean;
  /** The first cell of every sheet named like our result sheet is wanted (a clear with a lost state). */
  resultTitles: boolean;
  /** How long our notes were last time (bytes), for an adapter that budgets its reads. */
  noteBytes?: number;
}

export interface AnnotateReadBack {
  /** What each of `cells` holds now, keyed by cellKey. */
  states: Map<string, CellState>;
  /** With `everyNote`: the notes on cells outside `cells`, their fill not read (null). */
  otherNotes: (CellRef & CellState)[];
  /** The old result sheet's rows below `oldResult.header` (null: not asked). */
  oldResult: OldResult['rows'] | null;
  /** With `resultTitles`: each such sheet and its A1. */
  resultTitles: { sheet: string; value: unknown }[];
}

/**
 * Another user's edit may land between our read and our write (Excel on the web merges both). What
 * an adapter that can meet one loads in the request that writes, before its writes (the batch runs
 * in order, so these are the workbook just before): the columns that identify the rows read (the
 * tables' name columns: a row inserted, deleted or sorted changes them) and every cell written.
 */
export interface WriteWatch {
  rows: { sheet: string; col: number; top: number; bottom: number }[];
  cells: CellRef[];
}

/** What the watch saw, after the request that writes was sent. */
export interface Watched {
  /** Per `rows` entry, its values from top to bottom. */
  rows: CellValue[][];
  /**
   * Per cell written (cellKey): its fill and note just before our write. A note the adapter does not
   * look at again (one it adds by address, or deletes) and comments are given as read.
   */
  states: Map<string, CellState>;
}

/** A cell set from what it holds (`hasNote`: a note is on it now) to `fill` / `note` (absent: leave). */
export interface CellSet extends CellRef {
  fill?: string | null;
  note?: string | null;
  hasNote: boolean;
}

/** The adapter's side: reads in one go, then writes (queued or applied; sent by `done`). */
export interface AnnotatePort {
  /**
   * Reads what `request` names. `meanwhile` makes writes that depend on nothing read: an Office.js
   * port queues them after the reads, in the same request.
   */
  read(request: AnnotateRead, meanwhile: () => Promise<void>): Promise<AnnotateReadBack>;
  /** Fills of more cells (only for notes of ours found with no backup), keyed by cellKey. */
  readFills(cells: CellRef[]): Promise<Map<string, string | null>>;
  removeSheet(name: string): Promise<void>;
  /** Writes our result sheet under `sheet.name` (a sheet of ours of that name is replaced). */
  writeResultSheet(sheet: ResultSheet): Promise<void>;
  /**
   * Fills and notes as the core decided (note removals before additions, per cell kind). A note read
   * is changed or removed through its item, which follows it wherever its row goes.
   */
  writeCells(writes: CellWrite[]): Promise<void>;
  /** The whole state (the backup in it); no key left: the state sheet goes. */
  writeState(state: WorkbookState): Promise<void>;
  done(): Promise<void>;
  /**
   * Queues `watch`'s loads before the writes that follow (an adapter where nobody else edits the
   * workbook meanwhile, the CLI's, has none); what they saw is given after `done`.
   */
  watch?(watch: WriteWatch): Promise<() => Watched>;
  /** Sets these cells by address (fills; notes added, changed or deleted). */
  setCells?(cells: CellSet[]): Promise<void>;
}

export interface AnnotateInput {
  grid: Grid;
  /** Every sheet of the workbook now (including ones the grid skips). */
  sheetNames: string[];
  /** The state as read; its backup is replaced. */
  state: WorkbookState;
  /** The first rows (A1:AZ10) of our old result sheet, read with the grid: does the council have columns there? */
  oldResultTop: CellValue[][] | null;
  /** The stored backup, unpacked (undefined: none, or unreadable). */
  previous: AnnotationBackup | undefined;
  /** The new plan's marks ([] to clear) and result sheet (null: none, removed). */
  marks: CellMark[];
  resultSheet: ResultSheet | null;
  mode: NoteMode;
  reach: NoteReach;
  overrides?: MappingOverride[];
  /** Rewrite the state even when nothing changed (to drop a damaged backup). */
  rewriteState?: boolean;
}

export interface AnnotateOutcome {
  state: WorkbookState;
  backup: AnnotationBackup | null;
  report: ReconcileReport;
  /** With no backup to go by: marks of ours (and our result sheets) recognised and removed. */
  recognised: number;
  /**
   * Rows moved (another user's insert, delete or sort) between the read and the write: what was
   * written was put back and the state is as before; the action must start again from a fresh read.
   */
  moved?: boolean;
}

export async function driveAnnotation(port: AnnotatePort, input: AnnotateInput): Promise<AnnotateOutcome> {
  const { previous } = input;
  const ours = previous?.resultSheet ?? null;
  // A sheet of the result's name that is not ours is the user's: never removed, ours takes "… (2)".
  const resultName = input.resultSheet ? freeSheetName(input.resultSheet.name.slice(0, 31), input.sheetNames.filter((n) => n !== ours)) : null;
  const prep = prepareReconcile({
    grid: input.grid,
    sheetNames: input.sheetNames,
    previous,
    marks: input.marks,
    mode: input.mode,
    reach: input.reach,
    resultSheet: resultName,
    overrides: input.overrides,
    ourSheets: ours ? [ours] : [],
  });
  // The council wrote columns of its own on our result sheet: they are read, and the new sheet written after.
  const header = input.resultSheet && ours && resultName === ours && input.oldResultTop ? findOldHeader(input.oldResultTop) : null;
  const carried = header && header.userCols.length ? { sheet: ours!, header } : null;
  const { annotationBackup: _old, ...rest } = input.state;
  const states = new StateWrites(port, rest);
  let naming: AnnotationBackup | null = null;
  const read = await port.read(
    {
      cells: prep.cells,
      fillCells: prep.fillCells,
      oldResult: carried,
      everyNote: !previous,
      resultTitles: !previous && !input.resultSheet,
      noteBytes: previous?.noteBytes,
    },
    async () => {
      naming = await replaceResultSheet(port, states, input, resultName, carried ? null : input.resultSheet);
    },
  );
  if (carried) await port.writeResultSheet({ ...withUserColumns(input.resultSheet!, carried.header, read.oldResult ?? []), name: resultName! });
  const decision = prep.decide(read.states);
  const writes = [...decision.writes];
  let recognised = 0;
  if (!previous) {
    const found = await recogniseElsewhere(port, read.otherNotes, input.reach);
    recognised += found.length;
    writes.push(...found);
  }
  const staleResults = read.resultTitles.filter((t) => isResultTitle(t.value)).map((t) => t.sheet);
  recognised += staleResults.length;

  // What the rows and the written cells hold just before the writes (loaded in the same request).
  const rows = port.watch && writes.length ? rowWatch(input, writes, ours) : [];
  const watching = port.watch && writes.length ? await port.watch({ rows, cells: writes }) : null;
  // Office.js does not roll a failed request back: the backup must cover every cell we may touch
  // *before* the first write.
  if (decision.cover) await states.write(decision.cover);
  await port.writeCells(writes);
  for (const name of staleResults) await port.removeSheet(name);
  const state = await writeFinalState(states, input, decision, decision.cover ?? naming ?? previous);
  await port.done();
  if (!watching) return { state, backup: decision.backup, report: decision.report, recognised };
  const seen = watching();
  if (rowsMoved(rows, seen.rows)) {
    // Written by the addresses read, onto other rows: each cell gets back what it held just before.
    await port.setCells!(writes.map((w) => putBack(w, seen.states.get(cellKey(w.sheet, w.cell)))));
    await states.write(naming ?? previous ?? null);
    await port.done();
    return { state: states.of(naming ?? previous ?? null), backup: naming ?? previous ?? null, report: decision.report, recognised, moved: true };
  }
  // A fill or note another user set between our read and our write: decided again with it.
  const fillCells = new Set(prep.fillCells.map((c) => cellKey(c.sheet, c.cell)));
  const now = new Map(read.states);
  const changed = new Set<string>();
  for (const w of writes) {
    const key = cellKey(w.sheet, w.cell);
    const was = read.states.get(key);
    const before = seen.states.get(key);
    if (!was || !before) continue;
    const fill = fillCells.has(key) ? before.fill : was.fill;
    const note = input.reach.notes ? before.note : was.note;
    if (fill === was.fill && note === was.note) continue;
    now.set(key, { ...was, fill, note });
    changed.add(key);
  }
  if (!changed.size) return { state, backup: decision.backup, report: decision.report, recognised };
  const again = prep.decide(now);
  const fixes = fixesAfter(writes, again.writes, seen.states, changed);
  if (fixes.length) await port.setCells!(fixes);
  const fixed = states.of(again.backup);
  if (JSON.stringify(states.last) !== JSON.stringify(fixed)) await states.write(again.backup);
  await port.done();
  return { state: fixed, backup: again.backup, report: again.report, recognised };
}

/** The name column of every table on a sheet we write: the rows as read, to be compared just before the writes. */
function rowWatch(input: AnnotateInput, writes: CellWrite[], ours: string | null): (WriteWatch['rows'][number] & { expected: string[] })[] {
  const sheets = new Set(writes.map((w) => w.sheet));
  const { tables } = findTables(input.grid, input.overrides ?? [], ours ? [ours] : []);
  const out: (WriteWatch['rows'][number] & { expected: string[] })[] = [];
  for (const t of tables) {
    const col = t.fieldCols.name;
    const sheet = input.grid.sheets.find((s) => s.name === t.sheet);
    if (col === undefined || !sheet || !sheets.has(t.sheet) || t.lastDataRow < t.firstDataRow) continue;
    const expected: string[] = [];
    for (let r = t.firstDataRow - 1; r <= t.lastDataRow - 1; r++) expected.push(cleanName(cellText(cellAt(sheet, r, col))));
    out.push({ sheet: t.sheet, col, top: t.firstDataRow - 1, bottom: t.lastDataRow - 1, expected });
  }
  return out;
}

function rowsMoved(rows: { expected: string[] }[], seen: CellValue[][]): boolean {
  return rows.some((r, i) => r.expected.some((name, j) => name !== cleanName(cellText(seen[i]?.[j] ?? null))));
}

/**
 * What puts a cell written by mistake back as it was just before (`before` unknown: left as written).
 * A note deleted went through the item read, which follows its note wherever its row went: it hit
 * the note meant, and a retry from a fresh read sees it gone; it is not added back by address.
 */
function putBack(w: CellWrite, before: CellState | undefined): CellSet {
  const wroteNote = w.notes?.notes !== undefined && w.notes.notes !== null;
  const out: CellSet = { sheet: w.sheet, cell: w.cell, row: w.row, col: w.col, hasNote: wroteNote ? w.notes!.notes !== null : !!before?.note };
  if (!before) return out;
  if (w.fill !== undefined) out.fill = before.fill;
  if (wroteNote) out.note = before.note;
  return out;
}

/** From what the first decision wrote to what the second wants, on the cells another user changed meanwhile. */
function fixesAfter(first: CellWrite[], second: CellWrite[], before: Map<string, CellState>, changed: Set<string>): CellSet[] {
  const wanted = new Map(second.map((w) => [cellKey(w.sheet, w.cell), w]));
  const out: CellSet[] = [];
  for (const w of first) {
    const key = cellKey(w.sheet, w.cell);
    const b = before.get(key);
    if (!b || !changed.has(key)) continue;
    const v = wanted.get(key);
    const fillNow = w.fill !== undefined ? w.fill : b.fill;
    const noteNow = w.notes?.notes !== undefined ? w.notes.notes : b.note;
    const fillWanted = v?.fill !== undefined ? v.fill : b.fill;
    const noteWanted = v?.notes?.notes !== undefined ? v.notes.notes : b.note;
    const set: CellSet = { sheet: w.sheet, cell: w.cell, row: w.row, col: w.col, hasNote: noteNow !== null };
    if (fillWanted !== fillNow) set.fill = fillWanted;
    if (noteWanted !== noteNow) set.note = noteWanted;
    if (set.fill !== undefined || set.note !== undefined) out.push(set);
  }
  return out;
}

/** The state's writes, with what besides the backup is kept; remembers what was written last. */
class StateWrites {
  last: WorkbookState | null = null;
  constructor(
    private readonly port: AnnotatePort,
    readonly rest: WorkbookState,
  ) {}

  of(backup: AnnotationBackup | null): WorkbookState {
    if (backup) return { ...this.rest, annotationBackup: backup };
    // What an adapter kept beside the backup goes with it (a clear leaves no state behind).
    return Object.fromEntries(Object.entries(this.rest).filter(([k]) => !BACKUP_COMPANIONS.includes(k))) as WorkbookState;
  }

  async write(backup: AnnotationBackup | null): Promise<void> {
    this.last = this.of(backup);
    await this.port.writeState(this.last);
  }
}

/**
 * The old result sheet goes (or stays, to be replaced under the same name); a new name is put in the
 * state before the sheet exists, so that a clear removes it whatever fails next; then `sheet`, when
 * given (null: written later, with the council's columns). Returns the naming backup, if written.
 */
async function replaceResultSheet(port: AnnotatePort, states: StateWrites, input: AnnotateInput, resultName: string | null, sheet: ResultSheet | null): Promise<AnnotationBackup | null> {
  const ours = input.previous?.resultSheet ?? null;
  if (!input.resultSheet || !resultName) {
    if (ours) await port.removeSheet(ours);
    return null;
  }
  let naming: AnnotationBackup | null = null;
  if (ours !== resultName) {
    if (ours) await port.removeSheet(ours);
    naming = { version: 1, cells: input.previous?.cells ?? [], resultSheet: resultName, noteMode: input.previous?.noteMode ?? input.mode };
    await states.write(naming);
  }
  if (sheet) await port.writeResultSheet({ ...sheet, name: resultName });
  return naming;
}

/**
 * No backup to go by: notes of ours elsewhere are leftovers of a lost state, recognised by our head
 * line; their cells' fills are read (one more read, only then) to take our colours off too.
 */
async function recogniseElsewhere(port: AnnotatePort, notes: (CellRef & CellState)[], reach: NoteReach): Promise<CellWrite[]> {
  const found = recogniseMarks(notes, reach);
  if (!found.length) return [];
  const fills = await port.readFills(found);
  const byKey = new Map(notes.map((n) => [cellKey(n.sheet, n.cell), n]));
  return recogniseMarks(found.map((c) => ({ ...byKey.get(cellKey(c.sheet, c.cell))!, fill: fills.get(cellKey(c.sheet, c.cell)) ?? null })), reach);
}

/** The state after the writes: stored only when it changes (the same marks again: nothing to write). */
async function writeFinalState(states: StateWrites, input: AnnotateInput, decision: ReconcileDecision, stored: AnnotationBackup | null | undefined): Promise<WorkbookState> {
  const state = states.of(decision.backup);
  // Staging sheets an interrupted write left go with the next state write.
  const staging = !states.last && input.sheetNames.some(isStagingSheet);
  const changed = !sameBackup(stored, decision.backup) || staging || input.rewriteState;
  if (changed && JSON.stringify(states.last) !== JSON.stringify(state)) await states.write(decision.backup);
  return state;
}
