/**
 * The core's decisions about marks and their backup, on hand-made workbooks (a tiny in-memory model
 * of cells: value, fill, note, comment) that rows move in as Excel moves them.
 */
import { analyze } from '../../src/core/analyze';
import { MARK_FILL } from '../../src/core/annotationPlan';
import { a1, type CellValue } from '../../src/core/grid';
import { composeNote, NOTE_HEAD, splitNote, type NoteMode } from '../../src/core/marks';
import { cellKey, prepareReconcile, recogniseMarks, type CellState, type NoteReach, type ReconcileReport } from '../../src/core/reconcile';
import { packBackup3, unpackBackup, type AnnotationBackup } from '../../src/core/state';
import { COLLECTIVE_HEADER, grid, sheet, unitRow } from './fixtures';

interface Cell {
  v: CellValue;
  fill?: string | null;
  note?: string | null;
  comment?: string | null;
}

const FULL: NoteReach = { notes: true, comments: true };
const NO_NOTES: NoteReach = { notes: false, comments: true };

/** One sheet "Tập thể" as rows of cells, and the stored backup. */
class Book {
  rows: Cell[][];
  backup: AnnotationBackup | undefined;
  constructor(values: CellValue[][]) {
    this.rows = values.map((r) => r.map((v) => ({ v })));
  }
  grid() {
    return grid(sheet('Tập thể', this.rows.map((r) => r.map((c) => c.v))));
  }
  at(cell: string): Cell {
    const m = /^([A-Z])(\d+)$/.exec(cell)!;
    const row = Number(m[2]) - 1;
    const col = m[1].charCodeAt(0) - 65;
    while (this.rows.length <= row) this.rows.push([]);
    const r = this.rows[row];
    while (r.length <= col) r.push({ v: null });
    return r[col];
  }
  /** What a clerk would compare: every cell's value, fill and note. */
  snapshot() {
    return this.rows.map((r) => r.map((c) => ({ v: c.v ?? null, fill: c.fill ?? null, note: c.note ?? null, comment: c.comment ?? null })));
  }
  insertRow(at: number) {
    this.rows.splice(at - 1, 0, COLLECTIVE_HEADER.map(() => ({ v: null })));
  }
  deleteRow(at: number) {
    this.rows.splice(at - 1, 1);
  }
  /** Sorts rows from..to (1-based, inclusive) by a column, as Excel's Sort moves whole rows. */
  sort(from: number, to: number, col: number, descending = false) {
    const block = this.rows.slice(from - 1, to);
    block.sort((a, b) => String(a[col]?.v ?? '').localeCompare(String(b[col]?.v ?? '')) * (descending ? -1 : 1));
    this.rows.splice(from - 1, block.length, ...block);
  }
}

function run(book: Book, opts: { annotate: boolean; mode?: NoteMode; reach?: NoteReach }): ReconcileReport {
  const reach = opts.reach ?? FULL;
  const g = book.grid();
  const marks = opts.annotate ? analyze(g, { lang: 'vi' }).plan.marks : [];
  const prep = prepareReconcile({
    grid: g,
    sheetNames: ['Tập thể'],
    previous: book.backup,
    marks,
    mode: opts.mode ?? 'notes',
    reach,
    resultSheet: opts.annotate ? 'Kết quả xét khen thưởng' : null,
  });
  const states = new Map<string, CellState>();
  for (const ref of prep.cells) {
    const c = book.at(ref.cell);
    states.set(cellKey(ref.sheet, ref.cell), { fill: c.fill ?? null, note: reach.notes ? (c.note ?? null) : null, comment: reach.comments ? (c.comment ?? null) : null });
  }
  const d = prep.decide(states);
  for (const w of d.writes) {
    const c = book.at(w.cell);
    if (w.fill !== undefined) c.fill = w.fill;
    if (w.notes?.notes !== undefined) {
      expect(reach.notes).toBe(true);
      c.note = w.notes.notes;
    }
    if (w.notes?.comments !== undefined) c.comment = w.notes.comments;
    // Excel's rule: one note or one comment per cell.
    expect(c.note && c.comment).toBeFalsy();
  }
  // Through the stored form, as the state sheet keeps it.
  book.backup = d.backup ? unpackBackup(JSON.parse(JSON.stringify(packBackup3(d.backup)))) : undefined;
  return d.report;
}

/** Ninh Hòa-like units: two fail SIPAS, one misses on-time, the rest pass. */
function sample(): Book {
  return new Book([
    ['DANH SÁCH TẬP THỂ'],
    [],
    COLLECTIVE_HEADER,
    unitRow(1, 'Phòng Nội vụ'),
    unitRow(2, 'Phòng Tư pháp', { sipas: 85 }),
    unitRow(3, 'UBND xã Ninh An', { onTime: null }),
    unitRow(4, 'UBND xã Ninh Bình', { sipas: 80 }),
    unitRow(5, 'Văn phòng HĐND và UBND'),
  ]);
}

/** The clerk's own fills and notes, on cells we mark and beside them. */
function withUserMarks(book: Book): Book {
  book.at('E5').fill = '#00B050';
  book.at('E5').note = 'Số liệu quý 3';
  book.at('F6').note = 'Chờ báo cáo';
  book.at('B7').fill = '#FFFF00';
  book.at('A1').note = 'Tiêu đề';
  return book;
}

test('annotate then clear gives the workbook back exactly; the user note stays readable while marked', () => {
  const book = withUserMarks(sample());
  const before = book.snapshot();
  const report = run(book, { annotate: true });
  expect(report.notesSkipped).toBe(0);
  expect(book.at('E5').fill).toBe(MARK_FILL.fail);
  // The clerk's note first, ours under our head line.
  expect(book.at('E5').note!.startsWith('Số liệu quý 3\n\n' + NOTE_HEAD + '\n')).toBe(true);
  expect(splitNote(book.at('E5').note!).user).toBe('Số liệu quý 3');
  expect(book.at('E7').note!.startsWith(NOTE_HEAD)).toBe(true);
  expect(book.backup!.cells.every((c) => c.anchor && c.ours)).toBe(true);
  const cleared = run(book, { annotate: false });
  expect(book.snapshot()).toEqual(before);
  expect(book.backup).toBeUndefined();
  expect(cleared).toMatchObject({ goneCandidates: [], lostCells: [], userFills: [], userNotes: [], missingSheets: [] });
});

test('re-annotating never backs up our own marks, and a changed value moves the marks', () => {
  const book = withUserMarks(sample());
  const before = book.snapshot();
  run(book, { annotate: true });
  run(book, { annotate: true });
  expect(splitNote(book.at('E5').note!).user).toBe('Số liệu quý 3');
  // The clerk corrects Ninh Bình's SIPAS: its red cell goes back to what it was.
  book.at('E7').v = 95;
  run(book, { annotate: true });
  expect(book.at('E7').fill ?? null).toBeNull();
  expect(book.at('E7').note ?? null).toBeNull();
  run(book, { annotate: false });
  const expected = before.map((r) => r.map((c) => ({ ...c })));
  expected[6][4].v = 95;
  expect(book.snapshot()).toEqual(expected);
});

test('a row inserted above marked units: the marks and the originals follow their unit', () => {
  const book = withUserMarks(sample());
  run(book, { annotate: true });
  book.insertRow(5);
  // Without the marks, the user's cells would have moved with their rows the same way.
  const plain = withUserMarks(sample());
  plain.insertRow(5);
  const report = run(book, { annotate: false });
  expect(report.goneCandidates).toEqual([]);
  expect(book.snapshot()).toEqual(plain.snapshot());
});

test('rows sorted by name: every original goes back to its own unit, never another row', () => {
  const book = withUserMarks(sample());
  run(book, { annotate: true });
  book.sort(4, 8, 1, true);
  const plain = withUserMarks(sample());
  plain.sort(4, 8, 1, true);
  run(book, { annotate: false });
  expect(book.snapshot()).toEqual(plain.snapshot());
});

test('a deleted row is reported by name; the entries are kept once, forgotten by the next clear', () => {
  const book = withUserMarks(sample());
  run(book, { annotate: true });
  book.deleteRow(7); // UBND xã Ninh Bình
  const plain = withUserMarks(sample());
  plain.deleteRow(7);
  const first = run(book, { annotate: false });
  expect(first.goneCandidates).toEqual([{ sheet: 'Tập thể', kind: 'collective', name: 'UBND xã Ninh Bình' }]);
  expect(first.forgotten).toBe(false);
  expect(book.snapshot()).toEqual(plain.snapshot());
  expect(book.backup!.resultSheet).toBeNull();
  expect(book.backup!.cells.every((c) => c.anchor!.name === 'UBND xã Ninh Bình')).toBe(true);
  const second = run(book, { annotate: false });
  expect(second.forgotten).toBe(true);
  expect(book.backup).toBeUndefined();
});

test('a renamed unit: its marks are not restored onto another row; renaming it back and clearing again restores them', () => {
  const book = withUserMarks(sample());
  const before = book.snapshot();
  run(book, { annotate: true });
  book.at('B5').v = 'Phòng Tư pháp thị xã';
  const report = run(book, { annotate: false });
  expect(report.goneCandidates.map((g) => g.name)).toEqual(['Phòng Tư pháp']);
  expect(book.at('E5').fill).toBe(MARK_FILL.fail);
  book.at('B5').v = 'Phòng Tư pháp';
  run(book, { annotate: false });
  expect(book.snapshot()).toEqual(before);
  expect(book.backup).toBeUndefined();
});

test('what the user changed after marking stays, and is reported', () => {
  const book = withUserMarks(sample());
  run(book, { annotate: true });
  book.at('E7').fill = '#0070C0'; // a new fill on a red cell
  const e5 = splitNote(book.at('E5').note!);
  book.at('E5').note = composeNote('Số liệu quý 3 (đã kiểm tra)', e5.ours!); // edits their part of the note
  book.at('F6').note = 'Đã có báo cáo'; // rewrites the whole note
  const report = run(book, { annotate: false });
  expect(book.at('E7').fill).toBe('#0070C0');
  expect(book.at('E5').note).toBe('Số liệu quý 3 (đã kiểm tra)');
  expect(book.at('E5').fill).toBe('#00B050');
  expect(book.at('F6').note).toBe('Đã có báo cáo');
  expect(report.userFills.map((c) => c.cell)).toEqual(['E7']);
  expect(report.userNotes.map((c) => c.cell).sort()).toEqual(['E5', 'F6']);
  expect(book.backup).toBeUndefined();
});

test('cleared in an Excel without notes: fills restored, the notes and their backup kept; finished in one with notes', () => {
  const book = withUserMarks(sample());
  const before = book.snapshot();
  run(book, { annotate: true, mode: 'notes' });
  const notes = book.backup!.cells.filter((c) => c.ours?.note).length;
  const partial = run(book, { annotate: false, reach: NO_NOTES });
  expect(partial.unreachable).toEqual({ notes });
  expect(book.at('E5').fill).toBe('#00B050');
  expect(book.at('E7').fill ?? null).toBeNull();
  expect(book.at('E7').note!.startsWith(NOTE_HEAD)).toBe(true);
  expect(book.backup!.cells).toHaveLength(notes);
  expect(book.backup!.cells.every((c) => c.ours?.fill === undefined)).toBe(true);
  // Annotated again in that old Excel: no comment goes where our old note still sits.
  run(book, { annotate: true, mode: 'comments', reach: NO_NOTES });
  expect(book.at('E7').comment ?? null).toBeNull();
  run(book, { annotate: false, reach: NO_NOTES });
  const done = run(book, { annotate: false, reach: FULL });
  expect(done.unreachable).toEqual({});
  expect(book.snapshot()).toEqual(before);
  expect(book.backup).toBeUndefined();
});

test('comments mode, then notes mode: the slot changes kind without ever holding both', () => {
  const book = withUserMarks(sample());
  book.at('E7').comment = 'Anh Nam: kiểm tra lại';
  const before = book.snapshot();
  run(book, { annotate: true, mode: 'comments' });
  expect(book.at('E7').comment!.startsWith('Anh Nam: kiểm tra lại\n\n' + NOTE_HEAD)).toBe(true);
  // A user's note on a cell where we write comments: ours is not written there.
  expect(book.at('E5').comment ?? null).toBeNull();
  run(book, { annotate: true, mode: 'notes' });
  expect(book.at('E7').comment).toBe('Anh Nam: kiểm tra lại');
  expect(book.at('E7').note ?? null).toBeNull();
  run(book, { annotate: false });
  expect(book.snapshot()).toEqual(before);
});

test('a backup of format 2 (by address) still clears', () => {
  const book = withUserMarks(sample());
  const before = book.snapshot();
  run(book, { annotate: true });
  // What an earlier version stored: whole notes of ours, entries by address.
  book.backup = unpackBackup({ version: 2, resultSheet: 'Kết quả xét khen thưởng', noteMode: 'notes', sheets: [{ sheet: 'Tập thể', cells: book.backup!.cells.map((c) => ({ cell: c.cell, fill: c.fill, note: c.note })) }] });
  run(book, { annotate: false });
  expect(book.snapshot()).toEqual(before);
});

test('without the state, our marks are still recognised: our note, and our colour only with it', () => {
  const book = withUserMarks(sample());
  book.at('C8').fill = MARK_FILL.proposed; // the user's own "Good" style, no note of ours
  run(book, { annotate: true });
  const cells = book.rows.flatMap((r, row) => r.map((c, col) => ({ sheet: 'Tập thể', cell: a1(row, col), row, col, fill: c.fill ?? null, note: c.note ?? null, comment: null })));
  const writes = recogniseMarks(cells, FULL);
  for (const w of writes) {
    const c = book.at(w.cell);
    if (w.fill !== undefined) c.fill = w.fill;
    if (w.notes?.notes !== undefined) c.note = w.notes.notes;
  }
  expect(book.at('E5').note).toBe('Số liệu quý 3');
  expect(book.at('E5').fill ?? null).toBeNull(); // under our red the user's green is lost without the state
  expect(book.at('C8').fill).toBe(MARK_FILL.proposed);
  expect(book.rows.flat().some((c) => c.note?.includes(NOTE_HEAD))).toBe(false);
});

test('the stored backup (format 3) is compact and round-trips', () => {
  const book = withUserMarks(sample());
  run(book, { annotate: true });
  const stored = packBackup3(book.backup!);
  expect(stored.version).toBe(3);
  const back = unpackBackup(JSON.parse(JSON.stringify(stored)))!;
  const key = (c: { sheet: string; cell: string }) => `${c.sheet}!${c.cell}`;
  const sorted = (b: AnnotationBackup) => [...b.cells].sort((x, y) => (key(x) < key(y) ? -1 : 1));
  expect(sorted(back)).toEqual(sorted(book.backup!));
  expect(unpackBackup({ ...stored, sheets: [{ sheet: 'x', kind: 'collective', rows: [{ n: 'a', m: [['B2', 'sipas', '??']] }] }] })).toBeUndefined();
});
