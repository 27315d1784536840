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
import type { AnnotationBackup, MappingOverride, WorkbookState } from './state';

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
  /** Fills and notes as the core decided (note removals before additions, per cell kind). */
  writeCells(writes: CellWrite[]): Promise<void>;
  /** The whole state (the backup in it); no key left: the state sheet goes. */
  writeState(state: WorkbookState): Promise<void>;
  done(): Promise<void>;
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

  // Office.js does not roll a failed request back: the backup must cover every cell we may touch
  // *before* the first write.
  if (decision.cover) await states.write(decision.cover);
  await port.writeCells(writes);
  for (const name of staleResults) await port.removeSheet(name);
  const state = await writeFinalState(states, input, decision, decision.cover ?? naming ?? previous);
  await port.done();
  return { state, backup: decision.backup, report: decision.report, recognised };
}

/** The state's writes, with what besides the backup is kept; remembers what was written last. */
class StateWrites {
  last: WorkbookState | null = null;
  constructor(
    private readonly port: AnnotatePort,
    readonly rest: WorkbookState,
  ) {}

  of(backup: AnnotationBackup | null): WorkbookState {
    return backup ? { ...this.rest, annotationBackup: backup } : this.rest;
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
