/**
 * Office.js adapter, writing side: brings the workbook from what it holds to what the plan wants,
 * in a constant number of syncs. Both "Đánh dấu" (marks + result sheet) and "Xóa đánh dấu" (no
 * marks) go through `reconcile`:
 *
 *   request 1–2 (the grid read): the existing notes / comments;
 *   request 3: fills of every cell involved (getCellProperties, one call per sheet column), where
 *              each note / comment sits, and the result sheet (it depends on nothing read here:
 *              a small state naming it is saved first, so that a clear removes it whatever fails);
 *   (only when the user had notes on cells we mark: their text, for the backup);
 *   request 4: the backup, then fills (same fill → one RangeAreas), notes, and the exact backup.
 *
 * Every call has an estimated size; the Syncer sends what is queued before a request or a response
 * would pass 4 MB (Excel on the web refuses 5 MB). At 10,000 rows request 3 carries ≈ 3 MB (the
 * result sheet) and request 4 ≈ 2.5 MB (6,900 notes), so the count stays 4 (bench/addin.bench.js).
 *
 * Office.js does not roll back a request that fails part-way, so the order is chosen for that:
 * the backup covers every cell before any is touched, a clear removes the backup only after
 * restoring, and the state sheet is replaced through a staging sheet (writeStateSheet). Whatever
 * action fails, "Xóa đánh dấu" can still bring the workbook back (test/excel/failure.test.ts).
 *
 * For each cell involved, "original" is what the user had: the previous backup's entry when the
 * cell was marked before (so re-annotating never backs up our own marks), else what is there now.
 * Only cells whose current state differs from the wanted one are written.
 */
import { MARK_FILL, STATE_SHEET, type AnnotationPlan, type CellMark, type ResultSheet, columnLetter, parseA1, stateRows, type AnnotationBackup, type BackedUpCell, type WorkbookState } from '../core';
import { noteModeUsable, supports, type NoteMode } from './capabilities';
import { jsonSize, type Syncer } from './syncer';

/** getRanges fails on address lists over ~8k characters; we stay well under. */
export const AREAS_ADDRESS_BUDGET = 7000;
/** Result-sheet rows written per values call (the syncer still splits by size). */
const ROWS_PER_WRITE = 500;
/** State-sheet cells per values call: 8 × 30,000 characters stays near 700 KB. */
const STATE_CELLS_PER_WRITE = 8;
const HEADER_FILL = '#D9E1F2';
/** Estimated response per cell of getCellProperties (fill colour + pattern). */
const CELL_PROPS_BYTES = 60;
/** Locating one existing note: one more action (getLocation, then load) sent, its address back. */
const NOTE_LOCATION_REQUEST = 200;
const NOTE_LOCATION_RESPONSE = 100;
/** Estimated response for the text of a user's note. */
const NOTE_READ_BYTES = 1000;

type NoteKind = Exclude<NoteMode, 'none'>;

/** Notes / comments present in the workbook, loaded alongside the grid. */
export interface ExistingNotes {
  collections: Map<NoteKind, Excel.NoteCollection | Excel.CommentCollection>;
}

/** Queues the load of every note kind this Excel supports (call inside readGrid's second request). */
export function queueExistingNotes(context: Excel.RequestContext): ExistingNotes {
  const map: ExistingNotes = { collections: new Map() };
  for (const kind of ['notes', 'comments'] as NoteKind[]) {
    if (!noteModeUsable(kind)) continue;
    const coll = kind === 'notes' ? context.workbook.notes : context.workbook.comments;
    // Only a small property here: contents and locations are read later, in size-bounded requests.
    coll.load('items/authorName');
    map.collections.set(kind, coll);
  }
  return map;
}

interface Involved {
  sheet: string;
  cell: string;
  row: number;
  col: number;
  fill?: string | null;
  notes: Partial<Record<NoteKind, { item?: Excel.Note | Excel.Comment }>>;
}

export interface ReconcileInput {
  /** Sheets present in the workbook now. */
  sheetNames: string[];
  previous: AnnotationBackup | undefined;
  marks: CellMark[];
  mode: NoteMode;
  existing: ExistingNotes;
  resultSheet: ResultSheet | null;
  /** The state to keep besides the backup (the backup is added when marks are written). */
  baseState: WorkbookState;
  /** Drop the backed-up cells of sheets that are gone instead of keeping them (default: keep). */
  dropMissing?: boolean;
}

const keyOf = (sheet: string, cell: string) => `${sheet}\u0000${cell.toUpperCase()}`;

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

/** Cells of one column → "C6:C20" runs, cells elsewhere → their own address. */
export function compress(cells: { row: number; col: number }[]): string[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].col === sorted[i].col && sorted[j + 1].row <= sorted[j].row + 1) j++;
    const L = columnLetter(sorted[i].col);
    out.push(sorted[j].row === sorted[i].row ? `${L}${sorted[i].row + 1}` : `${L}${sorted[i].row + 1}:${L}${sorted[j].row + 1}`);
    i = j + 1;
  }
  return out;
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
  /**
   * Sheets named in the previous backup that the workbook no longer has (renamed or deleted since
   * the annotation): their backed-up cells could not be restored and are kept in the backup.
   */
  missingSheets: string[];
}

export async function reconcile(syncer: Syncer, input: ReconcileInput): Promise<ReconcileOutcome> {
  const { context } = syncer;
  const present = new Set(input.sheetNames);
  const involved = new Map<string, Involved>();
  const add = (sheet: string, cell: string): void => {
    const pos = parseA1(cell);
    if (!pos || !present.has(sheet) || involved.has(keyOf(sheet, cell))) return;
    involved.set(keyOf(sheet, cell), { sheet, cell: cell.toUpperCase(), row: pos.row, col: pos.col, notes: {} });
  };
  for (const b of input.previous?.cells ?? []) add(b.sheet, b.cell);
  for (const m of input.marks) add(m.sheet, m.cell);
  // A sheet renamed or deleted since the last annotation: what we backed up there can't be put back
  // now. The entries are kept (never dropped: the user's original fills and notes are only there),
  // so that renaming the sheet back and clearing again restores them.
  const gone = (input.previous?.cells ?? []).filter((b) => !present.has(b.sheet));
  const missingSheets = input.dropMissing ? [] : [...new Set(gone.map((b) => b.sheet))];
  const orphans = input.dropMissing ? [] : gone;

  // Request 2: current fills (one getCellProperties per sheet column) and note locations.
  const sheets = new Map<string, Excel.Worksheet>();
  const sheetProxy = (name: string): Excel.Worksheet => {
    let ws = sheets.get(name);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(name);
      sheets.set(name, ws);
    }
    return ws;
  };
  const columns = new Map<string, { sheet: string; col: number; top: number; bottom: number }>();
  for (const c of involved.values()) {
    const k = `${c.sheet}\u0000${c.col}`;
    const g = columns.get(k);
    if (!g) columns.set(k, { sheet: c.sheet, col: c.col, top: c.row, bottom: c.row });
    else {
      g.top = Math.min(g.top, c.row);
      g.bottom = Math.max(g.bottom, c.row);
    }
  }
  // Reads are chunked like writes: each request's estimated response stays under the budget.
  const fillReads: { g: { sheet: string; col: number; top: number; bottom: number }; props: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
  for (const g of columns.values()) {
    const L = columnLetter(g.col);
    const address = `${L}${g.top + 1}:${L}${g.bottom + 1}`;
    await syncer.write(
      address.length + 100,
      () => {
        const props = sheetProxy(g.sheet).getRange(address).getCellProperties({ format: { fill: { color: true, pattern: true } } });
        fillReads.push({ g, props });
      },
      CELL_PROPS_BYTES * (g.bottom - g.top + 1),
    );
  }
  // Where each existing note / comment sits (not its text: most are ours, and their text is known).
  const locations: { kind: NoteKind; item: Excel.Note | Excel.Comment; where: Excel.Range }[] = [];
  for (const [kind, coll] of input.existing.collections) {
    for (const item of coll.items as (Excel.Note | Excel.Comment)[]) {
      await syncer.write(
        NOTE_LOCATION_REQUEST,
        () => {
          const where = item.getLocation();
          where.load('address');
          locations.push({ kind, item, where });
        },
        NOTE_LOCATION_RESPONSE,
      );
    }
  }
  // The result sheet depends on nothing read here: it goes with the reads, after a state that names
  // it (so that a clear removes it even if what follows fails). Request 4 is left to the notes.
  let stateSheets: StateSheets = { exists: present.has(STATE_SHEET), staging: present.has(STATE_SHEET_STAGING) };
  const { annotationBackup: _old, ...rest } = input.baseState;
  const dropSheet = async (name: string | null | undefined) => {
    if (!name || !present.has(name)) return;
    present.delete(name);
    await syncer.write(name.length, () => sheetProxy(name).delete());
  };
  let resultName: string | null = null;
  if (input.resultSheet) {
    const wanted = input.resultSheet.name;
    const ours = input.previous?.resultSheet ?? null;
    // A sheet of that name that is not ours is the user's: never removed, ours takes "… (2)" (as the CLI).
    const others = new Set(present);
    if (ours) others.delete(ours);
    const name = freeSheetName(wanted, others);
    resultName = name;
    if (ours !== name) await dropSheet(ours);
    if (input.previous?.resultSheet !== name) {
      const naming: AnnotationBackup = { version: 1, cells: input.previous?.cells ?? [], resultSheet: name, noteMode: input.previous?.noteMode ?? input.mode };
      stateSheets = await writeStateSheet(syncer, stateSheets, { ...rest, annotationBackup: naming });
    }
    await dropSheet(name);
    await writeResultSheet(syncer, name === wanted ? input.resultSheet : { ...input.resultSheet, name });
  } else await dropSheet(input.previous?.resultSheet);
  await syncer.flush();

  for (const { g, props } of fillReads) {
    const rows = props.value;
    for (const c of involved.values()) {
      if (c.sheet !== g.sheet || c.col !== g.col) continue;
      const fill = rows[c.row - g.top]?.[0]?.format?.fill;
      // Excel reports "no fill" as white with the pattern None.
      c.fill = !fill || fill.pattern === 'None' ? null : (fill.color ?? null);
    }
  }
  const kinds = [...input.existing.collections.keys()];
  for (const { kind, item, where } of locations) {
    const { sheet, cell } = unquoteSheet(where.address);
    const c = involved.get(keyOf(sheet, cell));
    if (c) c.notes[kind] = { item };
  }

  // What the user had, and what we want.
  const prevByKey = new Map((input.previous?.cells ?? []).map((b) => [keyOf(b.sheet, b.cell), b]));
  const markByKey = new Map(input.marks.filter((m) => involved.has(keyOf(m.sheet, m.cell))).map((m) => [keyOf(m.sheet, m.cell), m]));
  const backupCells: BackedUpCell[] = [];
  /** The user's own notes on cells we are about to mark: their text is read in the first write request. */
  const userNotes: { entry: BackedUpCell; item: Excel.Note | Excel.Comment }[] = [];
  const fillChanges = new Map<string, { sheet: string; fill: string | null; cells: Involved[] }>();
  const noteChanges: { kind: NoteKind; c: Involved; item?: Excel.Note | Excel.Comment; to: string | null }[] = [];
  for (const [key, c] of involved) {
    const prev = prevByKey.get(key);
    const originalFill = prev ? prev.fill : (c.fill ?? null);
    // A note of this kind that we wrote last time: its original text is in the backup.
    const ours = (kind: NoteKind) => prev !== undefined && input.previous?.noteMode === kind;
    const mark = markByKey.get(key);
    const wantFill = mark ? (MARK_FILL[mark.kind] ?? originalFill) : originalFill;
    // Excel keeps a note or a threaded comment on a cell, never both: where the other kind stays
    // (say a colleague's comment thread), our text is in the result sheet only.
    const stays = (kind: NoteKind): boolean => {
      const restored = ours(kind) ? prev!.note : undefined;
      return restored === undefined ? c.notes[kind]?.item !== undefined : restored !== null;
    };
    const other: NoteKind | null = input.mode === 'notes' ? 'comments' : input.mode === 'comments' ? 'notes' : null;
    const blocked = other !== null && input.existing.collections.has(other) && stays(other);
    if (mark) {
      const entry: BackedUpCell = { sheet: c.sheet, cell: c.cell, fill: originalFill, note: null };
      if (input.mode !== 'none') {
        if (ours(input.mode)) entry.note = prev!.note;
        else if (!blocked && c.notes[input.mode]?.item) userNotes.push({ entry, item: c.notes[input.mode]!.item! });
      }
      backupCells.push(entry);
    }
    if ((wantFill ?? null)?.toUpperCase() !== (c.fill ?? null)?.toUpperCase()) {
      const k = `${c.sheet}\u0000${wantFill ?? ''}`;
      const group = fillChanges.get(k) ?? { sheet: c.sheet, fill: wantFill, cells: [] };
      group.cells.push(c);
      fillChanges.set(k, group);
    }
    for (const kind of kinds) {
      // Marked: our note. Ours before: the original back. Otherwise the user's note stays as it is.
      const want = mark && kind === input.mode && !blocked ? mark.note : ours(kind) ? prev!.note : undefined;
      if (want === undefined) continue;
      const item = c.notes[kind]?.item;
      if (want === null && !item) continue;
      noteChanges.push({ kind, c, item, to: want });
    }
  }

  // The user's notes on cells we mark: their text is read before anything is written (+1 request,
  // only when there are such notes), so that the backup can be saved ahead of the writes.
  if (userNotes.length) {
    for (const u of userNotes) await syncer.write(0, () => u.item.load('content'), NOTE_READ_BYTES);
    await syncer.flush();
    for (const u of userNotes) u.entry.note = u.item.content;
  }
  const backup: AnnotationBackup | null =
    input.resultSheet || input.marks.length || orphans.length
      ? { version: 1, cells: [...backupCells, ...orphans], resultSheet: resultName, noteMode: input.mode }
      : null;
  const state: WorkbookState = backup ? { ...rest, annotationBackup: backup } : rest;

  // Office.js does not roll a failed request back: what ran before the failing action stays. So the
  // backup must cover every cell we may touch *before* the first write. When this annotation marks
  // cells the stored backup does not cover, a backup of both (ours + the previous entries of cells
  // about to be restored) goes first; the exact one is written last (a clear only removes it last).
  let firstState: WorkbookState | null = null;
  if (backup && backupCells.length && (!input.previous || input.previous.noteMode === input.mode)) {
    const covered = new Set(backup.cells.map((b) => keyOf(b.sheet, b.cell)));
    const stale = (input.previous?.cells ?? []).filter((b) => !covered.has(keyOf(b.sheet, b.cell)));
    firstState = { ...rest, annotationBackup: { ...backup, cells: [...backup.cells, ...stale] } };
    stateSheets = await writeStateSheet(syncer, stateSheets, firstState);
  }

  // Requests 3…: the writes.
  for (const group of fillChanges.values()) {
    for (const list of chunkAddresses(compress(group.cells))) {
      await syncer.write(list.length, () => {
        const areas = sheetProxy(group.sheet).getRanges(list);
        if (group.fill) areas.format.fill.color = group.fill;
        else areas.format.fill.clear();
      });
    }
  }
  // Removals first: a cell's comment must be gone before a note can take its place.
  noteChanges.sort((a, b) => Number(a.to !== null) - Number(b.to !== null));
  for (const change of noteChanges) {
    const coll = input.existing.collections.get(change.kind)!;
    const address = `${quoteSheet(change.c.sheet)}!${change.c.cell}`;
    await syncer.write(jsonSize(change.to) + address.length, () => {
      if (change.to === null) change.item!.delete();
      else if (change.item) change.item.content = change.to;
      else if (change.kind === 'notes') (coll as Excel.NoteCollection).add(address, change.to);
      else (coll as Excel.CommentCollection).add(address, change.to);
    });
  }
  if (!firstState || JSON.stringify(firstState) !== JSON.stringify(state)) await writeStateSheet(syncer, stateSheets, state);
  await syncer.flush();
  return { state, backup, missingSheets };
}

/** `wanted`, or "wanted (2)", "(3)"… — Excel compares sheet names without case. */
function freeSheetName(wanted: string, present: Set<string>): string {
  const taken = new Set([...present].map((n) => n.toLocaleLowerCase()));
  if (!taken.has(wanted.toLocaleLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLocaleLowerCase())) return name;
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
  if (rs.overview) await writeOverview(syncer, ws, rs.overview, lines.length + 2);
  // The result column coloured like the marks: one RangeAreas per colour.
  const resultCol = rs.header.length - 4;
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
      for (const list of chunkAddresses(compress(cells))) {
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

/**
 * Where a new state is written before it replaces the old one: if a request fails part-way, either
 * the old state sheet is still there, or the new one is complete under this name (readGrid reads it
 * in place of the missing state sheet; the next write removes it).
 */
export const STATE_SHEET_STAGING = `${STATE_SHEET}~`;

export interface StateSheets {
  /** The state sheet exists. */
  exists: boolean;
  /** A staging sheet left by an interrupted write exists. */
  staging: boolean;
}

/**
 * Rewrites the hidden state sheet (removed when nothing is left to keep): written in full under the
 * staging name, then the old sheet is deleted and the new one renamed, so that no failure part-way
 * loses the state (the backup of the user's fills and notes is only there). Returns what exists after.
 */
export async function writeStateSheet(syncer: Syncer, sheets: StateSheets, state: WorkbookState): Promise<StateSheets> {
  const all = syncer.context.workbook.worksheets;
  if (sheets.staging) await syncer.write(STATE_SHEET_STAGING.length, () => all.getItem(STATE_SHEET_STAGING).delete());
  const rows = stateRows(state);
  if (rows.length <= 1) {
    if (sheets.exists) await syncer.write(STATE_SHEET.length, () => all.getItem(STATE_SHEET).delete());
    return { exists: false, staging: false };
  }
  let ws!: Excel.Worksheet;
  await syncer.write(STATE_SHEET_STAGING.length, () => {
    ws = all.add(STATE_SHEET_STAGING);
    ws.visibility = 'Hidden';
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
    if (sheets.exists) all.getItem(STATE_SHEET).delete();
    ws.name = STATE_SHEET;
  });
  return { exists: true, staging: false };
}

export type { AnnotationPlan };
