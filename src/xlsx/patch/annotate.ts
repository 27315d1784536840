/**
 * Annotating (or clearing) a package by patching it: marks and notes on the judged cells, our
 * result sheet and state sheet; every other part is copied as stored. The previous annotation's
 * backup says what each cell had before we marked it, so that re-annotating never backs up our
 * own marks and clearing puts back exactly what the user had.
 */
import { MARK_FILL, STATE_SHEET, type AnnotationPlan, type CellMark } from '../../core/annotationPlan';
import { a1, parseA1 } from '../../core/grid';
import { stateRows, unpackBackup, type AnnotationBackup, type BackedUpCell, type WorkbookState } from '../../core/state';
import { cellInfo, defaultXf, editCells, scanSheet, type CellEdit } from './cells';
import { applyNotes, commentText, readNotes, SEPARATOR, type NoteChange } from './notes';
import { Package } from './opc';
import { ourBorders, ourFonts, resultSheetXml, stateSheetXml } from './ourSheets';
import { EMPTY_STYLES, Styles, type FillWant } from './styles';
import { Workbook, WORKSHEET_TYPE } from './workbook';

/** Excel caps sheet names at 31 characters (and compares them case-insensitively). */
const SHEET_NAME_MAX = 31;

/** What this adapter keeps in a backed-up cell's `exact`: the user's fill and note as written. */
interface Exact {
  /** The fill element, when it is not a plain solid colour (pattern, gradient, theme colour). */
  fill?: unknown;
  /** The user's comment element. */
  note?: unknown;
}

/** The fill a backed-up cell had. `exact` written by the exceljs adapter of earlier versions holds objects. */
function wantOf(b: BackedUpCell): FillWant {
  const ex = (b.exact ?? {}) as Exact;
  if (typeof ex.fill === 'string') return { fillXml: ex.fill };
  if (ex.fill && typeof ex.fill === 'object') {
    const f = ex.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } };
    if (f.type === 'pattern' && f.pattern === 'solid' && f.fgColor?.argb) return { color: `#${f.fgColor.argb.slice(-6).toUpperCase()}` };
  }
  return { color: b.fill };
}

/** The note a backed-up cell had: its comment element, or only its text. */
function noteOf(b: BackedUpCell): { xml: string } | { text: string } | null {
  const ex = (b.exact ?? {}) as Exact;
  if (typeof ex.note === 'string' && ex.note.startsWith('<')) return { xml: ex.note };
  return b.note === null || b.note === undefined ? null : { text: b.note };
}

const keyOf = (sheet: string, cell: string) => `${sheet.toLowerCase()}\u0000${cell.toUpperCase()}`;

export interface PatchOutcome {
  /** The new package (zip chunks). */
  zip: Buffer[];
  state: WorkbookState;
  /** Sheets named by the previous backup that the workbook no longer has (their cells stay backed up). */
  missingSheets: string[];
  /** Marked cells that hold a threaded comment: filled, but their note left alone. */
  threaded: string[];
}

/**
 * Brings the package from what it holds to what `plan` wants (null: no marks, no result sheet —
 * a clear). Returns the new package and the state written into it.
 */
export function patchPackage(input: Buffer, plan: AnnotationPlan | null, state: WorkbookState): PatchOutcome {
  const pkg = new Package(input);
  const wb = new Workbook(pkg);
  const stylesPart = wb.ensureStylesPart(EMPTY_STYLES);
  const styles = new Styles(pkg.text(stylesPart));
  const previous = unpackBackup(state.annotationBackup);
  const sheets = wb.sheets();
  const sheetOf = (name: string) => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase() && s.part && s.type === WORKSHEET_TYPE);

  // Each cell involved, by sheet: what the previous backup says it had, and what we want now.
  type Involved = { sheet: string; cell: string; row: number; col: number; backup?: BackedUpCell; mark?: CellMark };
  const bySheet = new Map<string, Map<string, Involved>>();
  const orphans: BackedUpCell[] = [];
  const involve = (sheet: string, cell: string): Involved | null => {
    const entry = sheetOf(sheet);
    const pos = parseA1(cell);
    if (!entry || !pos) return null;
    let m = bySheet.get(entry.name);
    if (!m) bySheet.set(entry.name, (m = new Map()));
    const k = keyOf(entry.name, cell);
    let inv = m.get(k);
    if (!inv) m.set(k, (inv = { sheet: entry.name, cell: a1(pos.row, pos.col), row: pos.row, col: pos.col }));
    return inv;
  };
  for (const b of previous?.cells ?? []) {
    const inv = involve(b.sheet, b.cell);
    if (inv) inv.backup = b;
    else orphans.push(b);
  }
  for (const m of plan?.marks ?? []) {
    const inv = involve(m.sheet, m.cell);
    if (inv) inv.mark = m;
  }

  const backedUp: BackedUpCell[] = [];
  const threaded: string[] = [];
  for (const [sheetName, cells] of bySheet) {
    const part = sheetOf(sheetName)!.part!;
    let xml = pkg.text(part);
    const scan = scanSheet(xml, cells.values());
    const notes = readNotes(pkg, part);
    const edits: CellEdit[] = [];
    const noteChanges: NoteChange[] = [];
    for (const c of cells.values()) {
      const info = cellInfo(scan, c.row, c.col);
      const color = c.mark ? MARK_FILL[c.mark.kind] : null;
      // What the user had: the backup's entry when we marked this cell before, else what is there now.
      let baseXf = info.xf;
      let want: FillWant;
      let userNote: { xml: string } | { text: string } | null;
      if (c.backup) {
        want = wantOf(c.backup);
        baseXf = styles.restored(info.xf, want);
        userNote = noteOf(c.backup);
      } else {
        want = styles.fillOfXf(info.xf);
        const xmlNote = notes.comments.get(c.cell);
        userNote = xmlNote ? { xml: xmlNote } : null;
      }
      const finalXf = color ? styles.marked(baseXf, color) : baseXf;
      if (finalXf !== info.xf || (!info.hasCell && color)) {
        const isDefault = finalXf === defaultXf(scan, c.row, c.col);
        if (isDefault && (!info.hasCell || info.bare) && !color) {
          if (info.hasCell) edits.push({ row: c.row, col: c.col, remove: true });
        } else edits.push({ row: c.row, col: c.col, s: finalXf === 0 && info.s !== '0' ? null : String(finalXf) });
      }
      const isThreaded = notes.threaded.has(c.cell);
      if (isThreaded && c.mark) threaded.push(`${sheetName}!${c.cell}`);
      if (!isThreaded) {
        if (c.mark) {
          if (userNote && 'text' in userNote) noteChanges.push({ ref: c.cell, text: `${userNote.text}${SEPARATOR}${c.mark.note}` });
          else noteChanges.push({ ref: c.cell, ours: c.mark.note, user: userNote?.xml ?? null });
        } else if (userNote && 'xml' in userNote) noteChanges.push({ ref: c.cell, exact: userNote.xml });
        else if (userNote) noteChanges.push({ ref: c.cell, text: userNote.text });
        else noteChanges.push({ ref: c.cell, remove: true });
      }
      if (c.mark) {
        const entry: BackedUpCell = { sheet: sheetName, cell: c.cell, fill: 'color' in want ? want.color : null, note: userNote ? ('xml' in userNote ? commentText(userNote.xml) : userNote.text) : null };
        const exact: Exact = {};
        if ('fillXml' in want) exact.fill = want.fillXml;
        if (userNote && 'xml' in userNote) exact.note = userNote.xml;
        if (Object.keys(exact).length) entry.exact = exact;
        backedUp.push(entry);
      }
    }
    xml = editCells(xml, scan, edits);
    xml = applyNotes(pkg, part, xml, notes, noteChanges);
    pkg.setText(part, xml);
  }

  // The result sheet: ours from before is rewritten in place (or removed on clear); a user's sheet of that name is never touched.
  const prevResult = previous?.resultSheet ? sheetOf(previous.resultSheet) : undefined;
  let resultName: string | null = null;
  if (plan) {
    const taken = (n: string) => {
      const s = wb.find(n);
      return !!s && (!prevResult || s.name.toLowerCase() !== prevResult.name.toLowerCase());
    };
    const wanted = plan.resultSheet.name.slice(0, SHEET_NAME_MAX);
    resultName = wanted;
    for (let n = 2; taken(resultName); n++) resultName = wanted.slice(0, SHEET_NAME_MAX - ` (${n})`.length) + ` (${n})`;
    const content = resultSheetXml({ ...plan.resultSheet, name: resultName }, styles);
    if (prevResult) {
      pkg.setText(prevResult.part!, content);
      wb.setSheet(prevResult.name, { name: resultName });
    } else wb.addSheet(resultName, content, 'visible');
  } else if (prevResult) wb.removeSheet(prevResult.name);

  // The state: what was saved besides the backup, plus the new backup (none after a clear).
  const { annotationBackup: _old, ...base } = state;
  const cells = [...backedUp, ...orphans];
  const next: WorkbookState = plan || orphans.length ? { ...base, annotationBackup: { version: 1, cells, resultSheet: resultName, noteMode: 'notes' } satisfies AnnotationBackup } : base;
  const rows = stateRows(next);
  const stateEntry = wb.find(STATE_SHEET);
  if (rows.length <= 1) {
    if (stateEntry) wb.removeSheet(stateEntry.name);
  } else if (stateEntry?.part) {
    pkg.setText(stateEntry.part, stateSheetXml(rows));
    wb.setSheet(stateEntry.name, { state: 'veryHidden' });
  } else wb.addSheet(STATE_SHEET, stateSheetXml(rows), 'veryHidden');

  // Formats we appended and no cell uses any more go (from the end of the lists only).
  const ours = { fonts: ourFonts(styles.p), borders: ourBorders(styles.p) };
  if (styles.mayTrim(ours)) {
    const used = new Set<number>();
    for (const s of wb.sheets()) {
      if (!s.part || s.type !== WORKSHEET_TYPE) continue;
      const text = pkg.text(s.part);
      for (const m of text.matchAll(/<(?:\w+:)?(?:c|row)\s[^>]*?\bs\s*=\s*["'](\d+)["']/g)) used.add(Number(m[1]));
      for (const m of text.matchAll(/<(?:\w+:)?col\s[^>]*?\bstyle\s*=\s*["'](\d+)["']/g)) used.add(Number(m[1]));
    }
    styles.trim(used, ours);
  }
  pkg.setText(stylesPart, styles.toXml());
  return { zip: pkg.toZip(), state: next, missingSheets: [...new Set(orphans.map((o) => o.sheet))], threaded };
}

/** The file extension a package's type needs (.xlsx, .xlsm, .xltx, .xltm), null when unknown. */
export function packageExtension(input: Buffer): string | null {
  return new Workbook(new Package(input)).extension();
}
