/**
 * Annotating (or clearing) a package by patching it. The core decides (core/annotateDriver.ts and
 * core/reconcile.ts: which cells, what each had, what to write, what the backup keeps); this port
 * reads the cells' fills and notes from the parts and writes the decision back into them — marks
 * and notes on the judged cells, our result sheet and state sheet — copying every other part as
 * stored. The writes are gathered and applied by `done`, cells first (the result sheet's formats
 * come after the marks' in the styles part).
 */
import { MARK_FILL, STATE_SHEET, type AnnotationPlan, type Grid, NOTE_HEAD, splitNote, cellAt, cellKey, driveAnnotation, isResultSheetName, lastRow, oldResultRows, OLD_HEADER_COLS, OLD_HEADER_ROWS, parseA1, type AnnotatePort, type AnnotateRead, type AnnotateReadBack, type CellRef, type CellState, type CellValue, type CellWrite, type ReconcileReport, type ResultSheet, type SheetGrid, stateRows, unpackBackup, type MappingOverride, type WorkbookState } from '../../core';
import { cellInfo, defaultXf, editCells, scanSheet, type CellEdit, type CellInfo, type SheetScan } from './cells';
import { applyNotes, commentText, readNotes, userPartOf, type NoteChange, type SheetNotes } from './notes';
import type { Package } from '../package';
import { ourBorders, ourFonts, resultHeaderRow, resultSheetXml, stateSheetXml } from './ourSheets';
import { emptyStyles, listLengths, Styles, type FillWant, type ListLengths } from './styles';
import { Workbook, type StylesKeep } from './workbook';

/** The state key (core BACKUP_COMPANIONS) holding the styles' list lengths before the first annotation. */
const STYLES_KEY = 'xlsxStyles';

/** Our part of a note as it follows the user's (core/marks.ts composeNote): an empty line, then our head line. */
const OUR_HEAD = `\n\n${NOTE_HEAD}\n`;

/**
 * What a cell's format was, kept in the backup when a clear could not find it again by its look:
 * the producer's styles hold two formats alike (Excel never writes such, WPS, .NET writers and
 * excelize do), or the `s` attribute was written in another form than a clear writes it (`s="0"`),
 * or the cell's empty record was the producer's. `xf` the format, `s` the attribute as written
 * (null: none), `rec` whether the cell had a record, `fill` the fill element when not a plain colour.
 */
interface ExactFormat {
  xf: number;
  s: string | null;
  rec: boolean;
  fill?: string;
}

function isExactFormat(x: unknown): x is ExactFormat {
  return !!x && typeof x === 'object' && typeof (x as ExactFormat).xf === 'number' && typeof (x as ExactFormat).rec === 'boolean';
}

/** A fill to restore: this adapter's exact fill element (alone, or with the format), an exceljs object (earlier versions), or a colour. */
function wantOf(color: string | null, exact: unknown): FillWant {
  if (isExactFormat(exact)) return exact.fill !== undefined ? { fillXml: exact.fill } : { color };
  if (typeof exact === 'string' && exact.startsWith('<')) return { fillXml: exact };
  if (exact && typeof exact === 'object') {
    const f = exact as { type?: string; pattern?: string; fgColor?: { argb?: string } };
    if (f.type === 'pattern' && f.pattern === 'solid' && f.fgColor?.argb) return { color: `#${f.fgColor.argb.slice(-6).toUpperCase()}` };
  }
  return { color };
}

export interface PatchOutcome {
  /** The new package (zip chunks). */
  zip: Buffer[];
  state: WorkbookState;
  report: ReconcileReport;
  /** Marked cells that hold a threaded comment: filled, their conversation left alone. */
  threaded: string[];
  /** The file extension the package's type needs (.xlsx, .xlsm…), null when unknown. */
  extension: string | null;
  /** With no backup: marks of ours (notes, stale result sheets) recognised and taken off. */
  recognised: number;
}

/** A worksheet as read for the decision: its XML, the rows scanned, its notes. */
interface SheetRead {
  part: string;
  xml: string;
  scan: SheetScan;
  /** Rows the scan holds (a write elsewhere scans again). */
  rows: Set<number>;
  notes: SheetNotes;
}

/** The first rows of a sheet of the grid, from A1 (where our header is looked for). */
function topRows(sheet: SheetGrid | undefined): CellValue[][] | null {
  if (!sheet) return null;
  return Array.from({ length: OLD_HEADER_ROWS }, (_, r) => Array.from({ length: OLD_HEADER_COLS }, (_, c) => cellAt(sheet, r, c)));
}

class PatchPort implements AnnotatePort {
  private readonly read_ = new Map<string, SheetRead>();
  private readonly writes: CellWrite[] = [];
  private readonly removed: string[] = [];
  private result: ResultSheet | null = null;
  private state: WorkbookState | null = null;
  readonly threaded: string[] = [];

  constructor(
    private readonly pkg: Package,
    private readonly wb: Workbook,
    private readonly styles: Styles,
    private readonly grid: Grid,
    private readonly plan: AnnotationPlan | null,
    /** The styles' list lengths before the first annotation (null: not known). */
    private readonly floor: ListLengths | null,
  ) {}

  private worksheet(name: string) {
    return this.wb.sheets().find((s) => s.name === name && s.worksheet);
  }

  /** The sheet's XML scanned for these cells' rows (again only when a row was not scanned yet). */
  private sheet(name: string, cells: { row: number; col: number }[]): SheetRead | null {
    const got = this.read_.get(name);
    if (got && cells.every((c) => got.rows.has(c.row))) return got;
    const entry = this.worksheet(name);
    if (!entry) return null;
    const xml = got?.xml ?? this.pkg.text(entry.part!);
    const rows = new Set([...(got?.rows ?? []), ...cells.map((c) => c.row)]);
    const sheet: SheetRead = { part: entry.part!, xml, scan: scanSheet(xml, [...rows].map((row) => ({ row, col: 0 }))), rows, notes: got?.notes ?? readNotes(this.pkg, entry.part!) };
    this.read_.set(name, sheet);
    return sheet;
  }

  private fillOf(sheet: SheetRead, c: CellRef): { fill: string | null; exact?: string | ExactFormat } {
    const info = cellInfo(sheet.scan, c.row, c.col);
    const fill = this.styles.fillOfXf(info.xf);
    const exact = this.exactFormat(sheet.scan, info, fill);
    if (exact) return { fill: 'color' in fill ? fill.color : null, exact };
    return 'color' in fill ? { fill: fill.color } : { fill: null, exact: fill.fillXml };
  }

  /**
   * The cell's format, when a clear would not give it back as it is by the rules of fillEdit (the
   * first format of the same look, `s` written as the index or left out for 0, a bare record at
   * the default format removed): then the backup keeps it. Null when the rules give it back.
   */
  private exactFormat(scan: SheetScan, info: CellInfo, fill: FillWant): ExactFormat | null {
    const back = this.styles.restoreTarget(info.xf, fill);
    const removed = back === defaultXf(scan, info.row, info.col) && (!info.hasCell || info.bare);
    if (back === info.xf && (info.hasCell ? !removed && (back === 0 ? null : String(back)) === info.s : removed)) return null;
    const exact: ExactFormat = { xf: info.xf, s: info.s, rec: info.hasCell };
    if ('fillXml' in fill) exact.fill = fill.fillXml;
    return exact;
  }

  async read(req: AnnotateRead, meanwhile: () => Promise<void>): Promise<AnnotateReadBack> {
    const states = new Map<string, CellState>();
    for (const [name, cells] of bySheet(req.cells)) {
      const sheet = this.sheet(name, cells);
      if (!sheet) continue;
      for (const c of cells) {
        const { fill, exact: fillXml } = this.fillOf(sheet, c);
        const comment = sheet.notes.threaded.has(c.cell) ? undefined : sheet.notes.comments.get(c.cell);
        const s: CellState = { fill, note: comment ? commentText(comment) : null, comment: null };
        const exact: CellState['exact'] = {};
        if (fillXml !== undefined) exact.fill = fillXml;
        if (comment) exact.note = comment;
        if (Object.keys(exact).length) s.exact = exact;
        states.set(cellKey(c.sheet, c.cell), s);
      }
    }
    const old = req.oldResult ? this.grid.sheets.find((s) => s.name === req.oldResult!.sheet) : undefined;
    const back: AnnotateReadBack = {
      states,
      otherNotes: req.everyNote ? this.notesElsewhere(states) : [],
      oldResult: req.oldResult && old ? oldResultRows(req.oldResult.header, (r, c) => cellAt(old, r, c), lastRow(old)) : null,
      resultTitles: req.resultTitles ? this.wb.sheets().filter((s) => isResultSheetName(s.name)).map((s) => ({ sheet: s.name, value: this.cellA1(s.name) })) : [],
    };
    await meanwhile();
    return back;
  }

  private cellA1(name: string): CellValue {
    const sheet = this.grid.sheets.find((s) => s.name === name);
    return sheet ? cellAt(sheet, 0, 0) : null;
  }

  /** Notes on cells outside `involved`, in every worksheet that has notes (threaded comments left alone). */
  private notesElsewhere(involved: Map<string, CellState>): (CellRef & CellState)[] {
    const out: (CellRef & CellState)[] = [];
    for (const entry of this.wb.sheets()) {
      if (!entry.worksheet) continue;
      if (!this.read_.has(entry.name) && !this.pkg.rels(entry.part!).some((r) => r.type.endsWith('/comments'))) continue;
      const notes = this.read_.get(entry.name)?.notes ?? readNotes(this.pkg, entry.part!);
      for (const [ref, comment] of notes.comments) {
        const pos = parseA1(ref);
        if (!pos || notes.threaded.has(ref) || involved.has(cellKey(entry.name, ref))) continue;
        out.push({ sheet: entry.name, cell: ref, row: pos.row, col: pos.col, fill: null, note: commentText(comment), comment: null });
      }
    }
    return out;
  }

  async readFills(cells: CellRef[]): Promise<Map<string, string | null>> {
    const fills = new Map<string, string | null>();
    for (const [name, list] of bySheet(cells)) {
      const sheet = this.sheet(name, list);
      if (sheet) for (const c of list) fills.set(cellKey(c.sheet, c.cell), this.fillOf(sheet, c).fill);
    }
    return fills;
  }

  async removeSheet(name: string): Promise<void> {
    this.removed.push(name);
  }

  async writeResultSheet(sheet: ResultSheet): Promise<void> {
    this.result = sheet;
  }

  async writeCells(writes: CellWrite[]): Promise<void> {
    this.writes.push(...writes);
  }

  async writeState(state: WorkbookState): Promise<void> {
    this.state = state;
  }

  async done(): Promise<void> {
    for (const [name, writes] of bySheet(this.writes)) this.applyCells(name, writes);
    this.applySheets();
    if (this.state) this.applyState(this.state);
    if (!this.plan) this.trimStyles();
  }

  /** Formats (`s`) and notes of one sheet. */
  private applyCells(name: string, writes: CellWrite[]): void {
    const sheet = this.sheet(name, writes);
    if (!sheet) return;
    const marked = new Map((this.plan?.marks ?? []).map((m) => [cellKey(m.sheet, m.cell), MARK_FILL[m.kind]]));
    const edits: CellEdit[] = [];
    const noteChanges: NoteChange[] = [];
    for (const w of writes) {
      if (w.fill !== undefined) {
        const markColor = marked.get(cellKey(w.sheet, w.cell));
        const edit = this.fillEdit(sheet.scan, w, !!markColor && w.fill === markColor);
        if (edit) edits.push(edit);
      }
      const text = w.notes?.notes;
      if (text === undefined) continue;
      if (sheet.notes.threaded.has(w.cell)) {
        this.threaded.push(`${name}!${w.cell}`);
        continue;
      }
      noteChanges.push(noteChange(w, text, sheet.notes.comments.get(w.cell) ?? null));
    }
    let xml = editCells(sheet.xml, sheet.scan, edits);
    xml = applyNotes(this.pkg, sheet.part, xml, sheet.notes, noteChanges, this.wb.ns);
    this.pkg.setText(sheet.part, xml);
  }

  /** The cell's new format: our mark's, or the one the core restores (a record we created and no longer need goes). */
  private fillEdit(scan: SheetScan, w: CellWrite, isMark: boolean): CellEdit | null {
    const info = cellInfo(scan, w.row, w.col);
    const exact = isExactFormat(w.exact?.fill) ? w.exact.fill : null;
    if (!isMark && exact) {
      // The format the backup kept, while the styles still hold it as it was (else found by its look).
      const want = wantOf(w.fill!, exact);
      const xf = this.styles.sameLook(exact.xf, info.xf, want) ? exact.xf : this.styles.restored(info.xf, want);
      if (!exact.rec && xf === defaultXf(scan, w.row, w.col) && info.bare) return { row: w.row, col: w.col, remove: true };
      if (exact.rec && xf === exact.xf) return info.s === exact.s ? null : { row: w.row, col: w.col, s: exact.s };
      return { row: w.row, col: w.col, s: xf === 0 ? null : String(xf) };
    }
    const xf = isMark ? this.styles.marked(info.xf, w.fill!) : this.styles.restored(info.xf, wantOf(w.fill!, w.exact?.fill));
    if (xf === info.xf && (info.hasCell || !isMark)) return null;
    // A record we created that is back to the default look goes again (the file as it was).
    if (!isMark && xf === defaultXf(scan, w.row, w.col) && (!info.hasCell || info.bare)) return info.hasCell ? { row: w.row, col: w.col, remove: true } : null;
    return { row: w.row, col: w.col, s: xf === 0 && info.s !== '0' ? null : String(xf) };
  }

  /** Our result sheet rewritten in the part of the one it replaces (renamed), or added; removed sheets go. */
  private applySheets(): void {
    const removed = new Set(this.removed.map((n) => this.wb.find(n)?.name).filter((n): n is string => !!n));
    if (this.result) {
      const rs = this.result;
      const content = resultSheetXml(rs, this.styles, this.wb.ns);
      const target = this.wb.find(rs.name) ?? [...removed].map((n) => this.wb.find(n)).find((s) => s?.part);
      if (target?.part) {
        this.pkg.setText(target.part, content);
        this.wb.setSheet(target.name, { name: rs.name });
        removed.delete(target.name);
      } else this.wb.addSheet(rs.name, content, 'visible');
      // The header row repeats on every printed page.
      const header = resultHeaderRow(rs);
      this.wb.setPrintTitles(rs.name, header, header);
    }
    for (const name of removed) this.wb.removeSheet(name);
  }

  /** The state sheet: rewritten in place (very hidden), added, or removed when nothing is left to keep. */
  private applyState(state: WorkbookState): void {
    const rows = stateRows(state);
    const entry = this.wb.find(STATE_SHEET);
    if (rows.length <= 1) {
      if (entry) this.wb.removeSheet(entry.name);
    } else if (entry?.part) {
      this.pkg.setText(entry.part, stateSheetXml(rows, this.wb.ns));
      this.wb.setSheet(entry.name, { state: 'veryHidden' });
    } else this.wb.addSheet(STATE_SHEET, stateSheetXml(rows, this.wb.ns), 'veryHidden');
  }

  /**
   * On a clear, formats we appended and no cell uses any more go (from the end of the lists only);
   * an annotation reuses what is there, so the lists never grow from one annotation to the next.
   */
  private trimStyles(): void {
    const ours = { fonts: ourFonts(this.styles.p), borders: ourBorders(this.styles.p, this.styles.strict) };
    if (!this.styles.mayTrim(ours, this.floor)) return;
    const used = new Set<number>();
    for (const s of this.wb.sheets()) {
      if (!s.worksheet) continue;
      const text = this.pkg.text(s.part!);
      for (const m of text.matchAll(/<(?:\w+:)?(?:c|row)\s[^>]*?\bs\s*=\s*["'](\d+)["']/g)) used.add(Number(m[1]));
      for (const m of text.matchAll(/<(?:\w+:)?col\s[^>]*?\bstyle\s*=\s*["'](\d+)["']/g)) used.add(Number(m[1]));
    }
    this.styles.trim(used, ours, this.floor);
  }
}

function bySheet<T extends { sheet: string }>(list: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) (out.get(x.sheet) ?? out.set(x.sheet, []).get(x.sheet)!).push(x);
  return out;
}

/** Two note texts alike but for line ends (the core reads a note's user part with CR LF as LF). */
const sameText = (a: string, b: string) => a === b || a.replace(/\r\n?/g, '\n') === b.replace(/\r\n?/g, '\n');

/** The note change for a cell: `text` as the core wants it, keeping the user's comment element where it is theirs. */
function noteChange(w: CellWrite, text: string | null, current: string | null): NoteChange {
  const user = current ? (userPartOf(current, OUR_HEAD) ?? current) : null;
  const exact = typeof w.exact?.note === 'string' && w.exact.note.startsWith('<') ? w.exact.note : null;
  if (text === null) return { ref: w.cell, remove: true };
  if (exact && sameText(commentText(exact), text)) return { ref: w.cell, exact };
  if (user && sameText(commentText(user), text)) return { ref: w.cell, exact: user };
  const split = splitNote(text);
  // The user's note with ours under it: the user's comment element kept as written (runs, author).
  const base = split.user !== null ? [exact, user].find((x) => x && sameText(commentText(x), split.user!)) : undefined;
  if (base && split.ours !== null) return { ref: w.cell, user: base, head: OUR_HEAD, ours: split.ours };
  return { ref: w.cell, text };
}

/**
 * Brings the package from what it holds to what `plan` wants (null: no marks, no result sheet —
 * a clear). `pkg`, `grid` and `state` are the package as just read (`pkg` is edited here). Returns
 * the new package and state.
 */
export async function patchPackage(pkg: Package, grid: Grid, plan: AnnotationPlan | null, state: WorkbookState): Promise<PatchOutcome> {
  const wb = new Workbook(pkg);
  const empty = emptyStyles(wb.ns);
  const { part: stylesPart, keep: made } = wb.ensureStylesPart(empty);
  const styles = new Styles(pkg.text(stylesPart));
  const previous = unpackBackup(state.annotationBackup);
  // The lists' lengths before the first annotation are kept beside the backup (and go with it):
  // a clear then takes away only entries appended after them.
  const kept = state as Record<string, unknown>;
  const floor = listLengths(kept[STYLES_KEY]);
  const record = kept[STYLES_KEY] as { keep?: StylesKeep; emptyRoot?: unknown } | undefined;
  const extra = { ...(made?.rel ? { keep: made } : {}), ...(styles.emptyRoot ? { emptyRoot: styles.emptyRoot } : {}) };
  const input: WorkbookState = plan && !state.annotationBackup && !floor ? ({ ...state, [STYLES_KEY]: { ...styles.lengths(), ...extra } } as WorkbookState) : state;
  if (floor && typeof record?.emptyRoot === 'string' && /^<[\w:]+\b[^<>]*\/>$/.test(record.emptyRoot)) styles.emptyRoot ??= record.emptyRoot;
  if (plan) styles.complete();
  const port = new PatchPort(pkg, wb, styles, grid, plan, floor);
  const out = await driveAnnotation(port, {
    grid,
    sheetNames: wb.sheets().map((s) => s.name),
    state: input,
    oldResultTop: previous?.resultSheet ? topRows(grid.sheets.find((s) => s.name === previous.resultSheet)) : null,
    previous,
    marks: plan?.marks ?? [],
    resultSheet: plan?.resultSheet ?? null,
    mode: 'notes',
    // Threaded comments (Excel 365) are not written by this adapter: their cells are left alone.
    reach: { notes: true, comments: false },
    overrides: Array.isArray(state.overrides) ? (state.overrides as MappingOverride[]) : [],
  });
  const stylesXml = styles.toXml();
  // A styles part we added goes again when the clear leaves it as we added it.
  if (!plan && stylesXml === empty) wb.removeStylesPart(stylesPart, floor && record?.keep?.rel === true ? { rel: true, type: record.keep.type === true } : undefined);
  else pkg.setText(stylesPart, stylesXml);
  return { zip: pkg.toZip(), state: out.state, report: out.report, threaded: port.threaded, extension: wb.extension(), recognised: out.recognised };
}
