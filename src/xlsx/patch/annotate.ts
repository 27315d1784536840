/**
 * Annotating (or clearing) a package by patching it. The core decides (core/reconcile.ts: which
 * cells, what each had, what to write, what the backup keeps); this module reads the cells' fills
 * and notes from the parts and writes the decision back into them — marks and notes on the judged
 * cells, our result sheet and state sheet — copying every other part as stored.
 */
import { MARK_FILL, STATE_SHEET, type AnnotationPlan, type Grid, NOTE_HEAD, splitNote, cellKey, freeSheetName, prepareReconcile, type CellState, type ReconcileReport, stateRows, unpackBackup, type MappingOverride, type WorkbookState } from '../../core';
import { cellInfo, defaultXf, editCells, scanSheet, type CellEdit } from './cells';
import { applyNotes, commentText, readNotes, userPartOf, type NoteChange } from './notes';
import type { Package } from '../package';
import { ourBorders, ourFonts, resultSheetXml, stateSheetXml } from './ourSheets';
import { EMPTY_STYLES, Styles, type FillWant } from './styles';
import { Workbook, WORKSHEET_TYPE } from './workbook';

/** Our part of a note as it follows the user's (core/marks.ts composeNote): an empty line, then our head line. */
const OUR_HEAD = `\n\n${NOTE_HEAD}\n`;

/** A fill to restore: this adapter's exact fill element, an exceljs object (earlier versions), or a colour. */
function wantOf(color: string | null, exact: unknown): FillWant {
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
}

/**
 * Brings the package from what it holds to what `plan` wants (null: no marks, no result sheet —
 * a clear). `pkg`, `grid` and `state` are the package as just read (`pkg` is edited here). Returns
 * the new package and state.
 */
export function patchPackage(pkg: Package, grid: Grid, plan: AnnotationPlan | null, state: WorkbookState): PatchOutcome {
  const wb = new Workbook(pkg);
  const stylesPart = wb.ensureStylesPart(EMPTY_STYLES);
  const styles = new Styles(pkg.text(stylesPart));
  const previous = unpackBackup(state.annotationBackup);
  const sheets = wb.sheets();
  const prevResult = previous?.resultSheet ? wb.find(previous.resultSheet) : undefined;
  // Our result sheet keeps its part; any other sheet of the wanted name is the user's and is never touched.
  const resultName = plan ? freeSheetName(plan.resultSheet.name.slice(0, 31), sheets.filter((s) => s.name !== prevResult?.name).map((s) => s.name)) : null;
  const prepared = prepareReconcile({
    grid,
    sheetNames: sheets.map((s) => s.name),
    previous,
    marks: plan?.marks ?? [],
    mode: 'notes',
    // Threaded comments (Excel 365) are not written by this adapter: their cells are left alone.
    reach: { notes: true, comments: false },
    resultSheet: resultName,
    overrides: Array.isArray(state.overrides) ? (state.overrides as MappingOverride[]) : [],
    ourSheets: previous?.resultSheet ? [previous.resultSheet] : [],
  });

  // Read what the decision needs: per sheet, one scan of its cells and its notes.
  type Sheet = { part: string; xml: string; scan: ReturnType<typeof scanSheet>; notes: ReturnType<typeof readNotes> };
  const bySheet = new Map<string, Sheet>();
  const states = new Map<string, CellState>();
  const worksheet = (name: string) => sheets.find((s) => s.name === name && s.part && s.type === WORKSHEET_TYPE);
  const groups = new Map<string, typeof prepared.cells>();
  for (const c of prepared.cells) {
    if (!worksheet(c.sheet)) continue;
    (groups.get(c.sheet) ?? groups.set(c.sheet, []).get(c.sheet)!).push(c);
  }
  for (const [name, cells] of groups) {
    const part = worksheet(name)!.part!;
    const xml = pkg.text(part);
    const sheet: Sheet = { part, xml, scan: scanSheet(xml, cells), notes: readNotes(pkg, part) };
    bySheet.set(name, sheet);
    for (const c of cells) {
      const info = cellInfo(sheet.scan, c.row, c.col);
      const fill = styles.fillOfXf(info.xf);
      const comment = sheet.notes.threaded.has(c.cell) ? undefined : sheet.notes.comments.get(c.cell);
      const s: CellState = { fill: 'color' in fill ? fill.color : null, note: comment ? commentText(comment) : null, comment: null };
      const exact: CellState['exact'] = {};
      if ('fillXml' in fill) exact.fill = fill.fillXml;
      if (comment) exact.note = comment;
      if (Object.keys(exact).length) s.exact = exact;
      states.set(cellKey(c.sheet, c.cell), s);
    }
  }
  const decision = prepared.decide(states);

  // Write the decision: formats (`s`) and notes, sheet by sheet.
  const marked = new Map((plan?.marks ?? []).map((m) => [cellKey(m.sheet, m.cell), MARK_FILL[m.kind]]));
  const writesBySheet = new Map<string, typeof decision.writes>();
  for (const w of decision.writes) if (bySheet.has(w.sheet)) (writesBySheet.get(w.sheet) ?? writesBySheet.set(w.sheet, []).get(w.sheet)!).push(w);
  const threaded: string[] = [];
  for (const [name, writes] of writesBySheet) {
    const sheet = bySheet.get(name)!;
    const edits: CellEdit[] = [];
    const noteChanges: NoteChange[] = [];
    for (const w of writes) {
      const info = cellInfo(sheet.scan, w.row, w.col);
      if (w.fill !== undefined) {
        const markColor = marked.get(cellKey(w.sheet, w.cell));
        const isMark = !!markColor && w.fill === markColor;
        const xf = isMark ? styles.marked(info.xf, w.fill!) : styles.restored(info.xf, wantOf(w.fill, w.exact?.fill));
        if (xf !== info.xf || (!info.hasCell && isMark)) {
          // A record we created that is back to the default look goes again (the file as it was).
          if (!isMark && xf === defaultXf(sheet.scan, w.row, w.col) && (!info.hasCell || info.bare)) {
            if (info.hasCell) edits.push({ row: w.row, col: w.col, remove: true });
          } else edits.push({ row: w.row, col: w.col, s: xf === 0 && info.s !== '0' ? null : String(xf) });
        }
      }
      const text = w.notes?.notes;
      if (text === undefined) continue;
      if (sheet.notes.threaded.has(w.cell)) {
        threaded.push(`${name}!${w.cell}`);
        continue;
      }
      const current = sheet.notes.comments.get(w.cell) ?? null;
      const user = current ? (userPartOf(current, OUR_HEAD) ?? current) : null;
      const exact = typeof w.exact?.note === 'string' && w.exact.note.startsWith('<') ? w.exact.note : null;
      if (text === null) noteChanges.push({ ref: w.cell, remove: true });
      else if (exact && commentText(exact) === text) noteChanges.push({ ref: w.cell, exact });
      else if (user && commentText(user) === text) noteChanges.push({ ref: w.cell, exact: user });
      else {
        const split = splitNote(text);
        // The user's note with ours under it: the user's comment element kept as written (runs, author).
        const base = split.user !== null ? [exact, user].find((x) => x && commentText(x) === split.user) : undefined;
        if (base && split.ours !== null) noteChanges.push({ ref: w.cell, user: base, head: OUR_HEAD, ours: split.ours });
        else noteChanges.push({ ref: w.cell, text });
      }
    }
    let xml = editCells(sheet.xml, sheet.scan, edits);
    xml = applyNotes(pkg, sheet.part, xml, sheet.notes, noteChanges);
    pkg.setText(sheet.part, xml);
  }

  // The result sheet: ours from before is rewritten in place (or removed on clear).
  if (plan && resultName) {
    const content = resultSheetXml({ ...plan.resultSheet, name: resultName }, styles);
    if (prevResult?.part) {
      pkg.setText(prevResult.part, content);
      wb.setSheet(prevResult.name, { name: resultName });
    } else wb.addSheet(resultName, content, 'visible');
  } else if (prevResult) wb.removeSheet(prevResult.name);

  // The state: what was saved besides the backup, plus the backup the core decided (none left: removed).
  const { annotationBackup: _old, ...base } = state;
  const next: WorkbookState = decision.backup ? { ...base, annotationBackup: decision.backup } : base;
  const rows = stateRows(next);
  const stateEntry = wb.find(STATE_SHEET);
  if (rows.length <= 1) {
    if (stateEntry) wb.removeSheet(stateEntry.name);
  } else if (stateEntry?.part) {
    pkg.setText(stateEntry.part, stateSheetXml(rows));
    wb.setSheet(stateEntry.name, { state: 'veryHidden' });
  } else wb.addSheet(STATE_SHEET, stateSheetXml(rows), 'veryHidden');

  // On a clear, formats we appended and no cell uses any more go (from the end of the lists only);
  // an annotation reuses what is there, so the lists never grow from one annotation to the next.
  const ours = { fonts: ourFonts(styles.p), borders: ourBorders(styles.p) };
  if (!plan && styles.mayTrim(ours)) {
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
  return { zip: pkg.toZip(), state: next, report: decision.report, threaded, extension: wb.extension() };
}
