/**
 * The one place that decides about marks and the backup of what they covered, for every adapter
 * (Office.js, the CLI's xlsx writer). "Đánh dấu" and "Xóa đánh dấu" are the same question: from what
 * the workbook holds now, the stored backup and the new plan (none for a clear), what to write where,
 * what to keep in the backup, and what to tell the user.
 *
 * Two steps, so that an adapter reads only the cells that matter:
 *   const r = prepareReconcile({ grid, sheetNames, previous, marks, … });   // r.cells: read these
 *   const d = r.decide(states);                                              // d.writes, d.backup, d.report
 *
 * Rules:
 * - Each backed-up cell is found by what it marks (sheet, table kind, candidate name as read, field),
 *   through the core's own table detection of the fresh read; its address is only a hint. A cell of
 *   no candidate is found at its address, and only when it still holds exactly our mark there.
 * - A candidate whose row is gone is reported by name; nothing is restored onto another row. Its
 *   entries are kept once (renaming the candidate back and clearing again restores them); a clear of
 *   a backup that a clear left (no result sheet) forgets them.
 * - A cell whose fill or note the user changed after marking keeps the user's (reported); our part
 *   of a note is still taken out when it is intact.
 * - A note of a kind this Excel cannot reach (notes below ExcelApi 1.18, threaded comments below
 *   1.10) is left with its backup: the backup is removed only when everything in it is restored.
 * - The user's own note stays readable while marked: ours is added under our head line
 *   (composeNote), and taken out exactly on clear.
 */
import { MARK_FILL, type CellMark } from './annotationPlan';
import { parseA1, type Grid } from './grid';
import type { Kind } from './ids';
import { MarkIndex, type CellAnchor } from './locate';
import { composeNote, isOurFill, noteHash, NOTE_KINDS, sameFill, splitNote, type NoteKind, type NoteMode } from './marks';
import type { AnnotationBackup, BackedUpCell, MappingOverride, OursOnCell } from './state';

/** A cell to read (0-based row / col). */
export interface CellRef {
  sheet: string;
  cell: string;
  row: number;
  col: number;
}

/** What a cell holds now, as plain data. */
export interface CellState {
  /** Solid fill colour "#RRGGBB", or null for no fill. */
  fill: string | null;
  /** Text of the cell's note; null when none (or when this host cannot see notes). */
  note: string | null;
  /** Text of the cell's threaded comment; null when none (or unseen). */
  comment: string | null;
  /** The adapter's exact objects (exceljs rich fills / notes), kept with the backup for an exact restore. */
  exact?: { fill?: unknown; note?: unknown };
}

/** Which note kinds this host can read and write (Office.js: notes 1.18, comments 1.10). */
export type NoteReach = Record<NoteKind, boolean>;

export interface ReconcileInput {
  /** The workbook as just read. */
  grid: Grid;
  /** Every sheet of the workbook now (including ones the grid skips). */
  sheetNames: string[];
  /** The stored backup (any format), if any. */
  previous: AnnotationBackup | undefined;
  /** The new plan's marks, on the grid just read; [] to clear. */
  marks: CellMark[];
  /** How the new marks' notes are written. */
  mode: NoteMode;
  reach: NoteReach;
  /** The result sheet the adapter writes (null: none, or removed). */
  resultSheet: string | null;
  overrides?: MappingOverride[];
  /** Our result sheet's name as the state records it (never a table). */
  ourSheets?: string[];
}

export interface CellWrite extends CellRef {
  /** The fill to set (null: no fill); absent: leave it. */
  fill?: string | null;
  /** Per kind, the note text to set (added when the cell has none) or null to remove it; absent kinds: leave. */
  notes?: Partial<Record<NoteKind, string | null>>;
  /** Exact objects of the original, to restore (exceljs). */
  exact?: { fill?: unknown; note?: unknown };
}

export interface GoneCandidate {
  sheet: string;
  kind: Kind;
  name: string;
}

export interface ReconcileReport {
  /** Sheets of the backup no longer in the workbook (renamed or deleted). */
  missingSheets: string[];
  /** Candidates whose row is gone (deleted, or renamed) — what was backed up there is not put back. */
  goneCandidates: GoneCandidate[];
  /** Marks of no candidate that are not where they were (their cell moved or changed). */
  lostCells: CellRef[];
  /** True when the entries above were forgotten (a second clear); false when kept for next time. */
  forgotten: boolean;
  /** Cells whose fill the user changed after marking: the user's fill stays. */
  userFills: CellRef[];
  /** Cells whose note the user changed after marking: the user's text stays. */
  userNotes: CellRef[];
  /** Notes / comments of ours this Excel cannot reach: left, with their backup. */
  unreachable: Partial<Record<NoteKind, number>>;
  /** New marks whose note could not be written (the cell holds the other kind, or an unreachable one). */
  notesSkipped: number;
}

export interface ReconcileDecision {
  /** Fills and notes to write; the adapter sends note removals before additions. */
  writes: CellWrite[];
  /**
   * The backup to store when the writes are done (null: none left, remove it). Deleted only when
   * everything it held was restored.
   */
  backup: AnnotationBackup | null;
  /**
   * A backup to store *before* the first write when the stored one does not cover every cell about
   * to be written (a failure part-way must leave a workbook that clears): null when not needed.
   */
  cover: AnnotationBackup | null;
  report: ReconcileReport;
}

export interface PreparedReconcile {
  /** Every cell whose note the decision needs. */
  cells: CellRef[];
  /**
   * The cells whose fill the decision needs (a subset of `cells`: where we put or put a fill);
   * the others' fill may be given as null.
   */
  fillCells: CellRef[];
  /** Given the states of those cells (keyed by cellKey), the decision. */
  decide(states: Map<string, CellState>): ReconcileDecision;
}

export const cellKey = (sheet: string, cell: string): string => `${sheet}!${cell.toUpperCase()}`;

/** A note hash that accepts any text: the whole note was ours (formats 1–2 did not add to the user's). */
export const ANY = '*';

const EMPTY: CellState = { fill: null, note: null, comment: null };

interface Located {
  entry: BackedUpCell;
  at: CellRef;
  /** Found by address only: it counts only if the cell still holds exactly what we wrote. */
  byAddress: boolean;
}

function refOf(sheet: string, cell: string): CellRef | null {
  const p = parseA1(cell);
  return p ? { sheet, cell: cell.toUpperCase(), row: p.row, col: p.col } : null;
}

/** The user's text in a note slot of kind `kind`, given the state and whether our text should be there. */
function slotText(s: CellState, kind: NoteKind): string | null {
  return kind === 'notes' ? s.note : s.comment;
}

function matches(o: OursOnCell | undefined, also: OursOnCell | undefined, pick: (x: OursOnCell) => boolean): boolean {
  return (!!o && pick(o)) || (!!also && pick(also));
}

/** The backup's entries placed on the fresh read: found (by what they mark, or at their address), not found, or on a sheet gone. */
interface Placed {
  located: Located[];
  unfound: BackedUpCell[];
  missing: BackedUpCell[];
  gone: Map<string, GoneCandidate>;
}

function placeBackup(previous: AnnotationBackup | undefined, present: Set<string>, index: MarkIndex): Placed {
  const placed: Placed = { located: [], unfound: [], missing: [], gone: new Map() };
  const claimed = new Set<string>();
  for (const entry of previous?.cells ?? []) {
    if (!present.has(entry.sheet)) {
      placed.missing.push(entry);
      continue;
    }
    let at: CellRef | null = null;
    let byAddress = false;
    if (entry.anchor && entry.ours && index.hasTable(entry.sheet)) {
      const pos = index.find(entry.sheet, entry.anchor);
      if (pos) at = { sheet: pos.sheet, cell: pos.cell, row: pos.row, col: pos.col };
      else {
        const a = entry.anchor;
        placed.gone.set(`${entry.sheet}\u0000${a.kind}\u0000${a.name}`, { sheet: entry.sheet, kind: a.kind, name: a.name });
      }
    } else {
      at = refOf(entry.sheet, entry.cell);
      // Formats 1–2 knew no better than the address; format 3 checks the mark is still there.
      byAddress = entry.ours !== undefined;
    }
    if (!at || claimed.has(cellKey(at.sheet, at.cell))) {
      placed.unfound.push(entry);
      continue;
    }
    claimed.add(cellKey(at.sheet, at.cell));
    placed.located.push({ entry, at, byAddress });
  }
  return placed;
}

export function prepareReconcile(input: ReconcileInput): PreparedReconcile {
  const present = new Set(input.sheetNames);
  const index = new MarkIndex(input.grid, input.overrides ?? [], input.ourSheets ?? []);
  const placed = placeBackup(input.previous, present, index);
  const marks = input.marks.filter((m) => present.has(m.sheet));
  const cells = new Map<string, CellRef>();
  for (const l of placed.located) cells.set(cellKey(l.at.sheet, l.at.cell), l.at);
  for (const m of marks) cells.set(cellKey(m.sheet, m.cell), { sheet: m.sheet, cell: m.cell.toUpperCase(), row: m.row, col: m.col });

  const fillKeys = new Set<string>();
  for (const l of placed.located) if (l.entry.ours === undefined || l.entry.ours.fill !== undefined || l.entry.also?.fill !== undefined) fillKeys.add(cellKey(l.at.sheet, l.at.cell));
  for (const m of marks) if (MARK_FILL[m.kind]) fillKeys.add(cellKey(m.sheet, m.cell));
  return {
    cells: [...cells.values()],
    fillCells: [...cells.entries()].filter(([k]) => fillKeys.has(k)).map(([, c]) => c),
    decide: (states) => decide({ input, index, placed: { ...placed, unfound: [...placed.unfound] }, marks, cells }, states),
  };
}

/** What `decide` works from: the input, the table index, the backup placed, the marks and the cells read. */
interface Prepared {
  input: ReconcileInput;
  index: MarkIndex;
  placed: Placed;
  marks: CellMark[];
  cells: Map<string, CellRef>;
}

function emptyReport(leftover: boolean, missing: BackedUpCell[]): ReconcileReport {
  return {
    // A second clear forgets them silently, as it always did.
    missingSheets: leftover ? [] : [...new Set(missing.map((e) => e.sheet))],
    goneCandidates: [],
    lostCells: [],
    forgotten: leftover,
    userFills: [],
    userNotes: [],
    unreachable: {},
    notesSkipped: 0,
  };
}

/** The backup's entries still standing: a cell found by address only counts when it still holds our mark. */
function confirmed(p: Prepared, state: (r: CellRef) => CellState, report: ReconcileReport): Map<string, Located> {
  const prevAt = new Map<string, Located>();
  for (const l of p.placed.located) {
    const s = state(l.at);
    if (l.byAddress && !holdsOurs(l.entry, s, p.input.reach)) {
      // Holding what it had before the marking (never written, or put back by hand): done.
      if (holdsOriginal(l.entry, s, p.input.reach)) continue;
      p.placed.unfound.push(l.entry);
      report.lostCells.push({ ...l.at });
      continue;
    }
    prevAt.set(cellKey(l.at.sheet, l.at.cell), l);
  }
  return prevAt;
}

/** What the decision gathers over the cells. */
interface Gathered {
  writes: CellWrite[];
  /** Entries of the marked cells; entries left for unreachable notes; the cover's entries. */
  fresh: BackedUpCell[];
  kept: BackedUpCell[];
  coverNew: BackedUpCell[];
  /** A cover is needed only when a write puts on a cell something the stored backup does not describe. */
  needCover: boolean;
  noteChars: number;
  noteCount: number;
  unreachable: Record<NoteKind, number>;
}

function decide(p: Prepared, states: Map<string, CellState>): ReconcileDecision {
  const { input } = p;
  const previous = input.previous;
  // A backup a clear left behind (no result sheet): entries still not found are forgotten this time.
  const leftover = !!previous && previous.resultSheet === null && input.marks.length === 0;
  const state = (r: CellRef) => states.get(cellKey(r.sheet, r.cell)) ?? EMPTY;
  const report = emptyReport(leftover, p.placed.missing);
  const prevAt = confirmed(p, state, report);
  report.goneCandidates = [...p.placed.gone.values()];
  const markAt = new Map(p.marks.map((m) => [cellKey(m.sheet, m.cell), m]));
  const g: Gathered = { writes: [], fresh: [], kept: [], coverNew: [], needCover: false, noteChars: 0, noteCount: 0, unreachable: { notes: 0, comments: 0 } };
  for (const [key, ref] of p.cells) decideCell(p, g, report, ref, state(ref), prevAt.get(key)?.entry, markAt.get(key));
  for (const k of NOTE_KINDS) if (g.unreachable[k]) report.unreachable[k] = g.unreachable[k];

  const { unfound, missing } = p.placed;
  const carried = leftover ? [] : [...unfound, ...missing];
  report.forgotten = leftover && unfound.length > 0;
  const cellsLeft = [...g.fresh, ...g.kept, ...carried];
  const backup: AnnotationBackup | null =
    input.resultSheet || cellsLeft.length ? { version: 1, cells: cellsLeft, resultSheet: input.resultSheet, noteMode: p.marks.length ? input.mode : (previous?.noteMode ?? input.mode) } : null;
  // How long our notes are: the next action's reads are budgeted by it (UTF-8: up to 2 bytes a
  // Vietnamese letter, and JSON's quotes).
  if (backup && g.noteCount) backup.noteBytes = Math.ceil((g.noteChars / g.noteCount) * 1.5) + 20;
  else if (backup && previous?.noteBytes) backup.noteBytes = previous.noteBytes;
  // Before the writes of an annotation: the new entries (accepting the previous marks), the
  // previous entries of cells about to be restored as they were, and everything carried over.
  let cover: AnnotationBackup | null = null;
  if (p.marks.length && backup && g.needCover) {
    const restoring = [...prevAt.values()].filter((l) => !markAt.has(cellKey(l.at.sheet, l.at.cell))).map((l) => ({ ...l.entry, cell: l.at.cell }));
    cover = { ...backup, cells: [...g.coverNew, ...restoring, ...unfound, ...missing] };
  }
  return { writes: g.writes, backup, cover, report };
}

/** The note slot of a cell (one note or one threaded comment): the user's text in it, and whether our previous text is there. */
interface Slot {
  prevNote: OursOnCell['note'];
  prevKind: NoteKind | null;
  user: { kind: NoteKind; text: string; exact?: unknown } | null;
  /** Our previous note is of a kind this Excel cannot reach: it stays, with its backup. */
  pending: boolean;
  /** The kind holding our previous text now (to take out). */
  ourOld: NoteKind | null;
}

function noteSlot(p: Prepared, report: ReconcileReport, ref: CellRef, s: CellState, prev: BackedUpCell | undefined, mark: CellMark | undefined): Slot {
  const { reach } = p.input;
  const previous = p.input.previous;
  const legacy = !!prev && prev.ours === undefined;
  const prevNote: OursOnCell['note'] = prev ? (legacy ? (previous!.noteMode === 'none' ? undefined : { kind: previous!.noteMode, hash: ANY }) : (prev.ours?.note ?? prev.also?.note)) : undefined;
  const slot: Slot = { prevNote, prevKind: prevNote?.kind ?? null, user: null, pending: false, ourOld: null };
  const prevKind = slot.prevKind;
  if (prev && prevKind && !reach[prevKind]) {
    // Not reachable in this Excel: the note stays, so does its backup, and nothing takes the slot.
    slot.pending = true;
    return slot;
  }
  if (!prev || !prevKind) {
    for (const kind of NOTE_KINDS) {
      const cur = reach[kind] ? slotText(s, kind) : null;
      if (cur === null) continue;
      // Our text on a cell the backup does not know (a lost state): taken out, never doubled.
      const split = splitNote(cur);
      if (split.ours !== null) slot.ourOld = kind;
      if (split.user !== null) slot.user = { kind, text: split.user, exact: split.ours === null ? s.exact?.note : undefined };
    }
    return slot;
  }
  const cur = slotText(s, prevKind);
  const split = splitNote(cur);
  const hashes = [legacy ? prevNote : prev.ours?.note, prev.also?.note].filter((n) => !!n && n.kind === prevKind).map((n) => n!.hash);
  const whole = hashes.includes(ANY);
  const ourIntact = split.ours !== null && hashes.includes(noteHash(split.ours));
  let text: string | null;
  if (cur === null) text = prev.ours?.note || legacy ? prev.note : null;
  else if (whole) text = prev.note;
  else if (ourIntact && (split.user ?? null) === (prev.note ?? null)) text = prev.note;
  else if (ourIntact) {
    text = split.user;
    if (!mark) report.userNotes.push({ ...ref });
  } else {
    // Our text is not there as we wrote it: the user rewrote the note (or it was never
    // written: then it is the original). It stays as it is.
    text = cur;
    if (!mark && cur !== (prev.note ?? null)) report.userNotes.push({ ...ref });
  }
  if (cur !== null && (whole || split.ours !== null)) slot.ourOld = prevKind;
  if (text !== null) slot.user = { kind: prevKind, text, exact: text === prev.note ? prev.exact?.note : undefined };
  // The other kind may hold the user's own text (never ours): it stays.
  const other: NoteKind = prevKind === 'notes' ? 'comments' : 'notes';
  const otherText = reach[other] ? slotText(s, other) : null;
  if (!slot.user && otherText !== null) slot.user = { kind: other, text: otherText, exact: s.exact?.note };
  return slot;
}

/** The fill: what the user has under our mark (the backup's, when our fill is there), and what the cell should show. */
function fillOf(report: ReconcileReport, ref: CellRef, s: CellState, prev: BackedUpCell | undefined, mark: CellMark | undefined, write: CellWrite, exact: { fill?: unknown }) {
  const legacy = !!prev && prev.ours === undefined;
  let userFill: string | null = s.fill;
  let userFillExact: unknown = s.exact?.fill;
  let fromBackup = false;
  const ourFillThere = matches(prev?.ours, prev?.also, (o) => o.fill !== undefined && sameFill(o.fill, s.fill));
  if (prev && (legacy || ourFillThere)) {
    userFill = prev.fill;
    userFillExact = prev.exact?.fill;
    fromBackup = true;
  } else if (prev?.ours?.fill !== undefined && !mark && !sameFill(s.fill, prev.fill)) report.userFills.push({ ...ref });
  // A cell holding our note that the backup does not know (a lost state, a renamed sheet): its
  // fill may be ours, but the original is unknown, so it is kept as it is (never guessed away).
  const markFill = mark ? MARK_FILL[mark.kind] : null;
  const wantFill = markFill ?? userFill;
  if (!sameFill(wantFill, s.fill)) {
    write.fill = wantFill;
    if (!markFill && fromBackup && prev?.exact && 'fill' in prev.exact) exact.fill = prev.exact.fill;
  }
  return { userFill, userFillExact, markFill };
}

/** The notes to write: ours under the user's (when the slot is free for our kind), else the user's text back. */
function notesOf(p: Prepared, g: Gathered, report: ReconcileReport, s: CellState, slot: Slot, mark: CellMark | undefined, exact: { note?: unknown }) {
  const { reach, mode } = p.input;
  const wantKind: NoteKind | null = mark && mark.note && mode !== 'none' && reach[mode] ? mode : null;
  const blocked = wantKind !== null && (slot.pending || (slot.user !== null && slot.user.kind !== wantKind));
  const notes: Partial<Record<NoteKind, string | null>> = {};
  let ourNote: OursOnCell['note'];
  if (wantKind && !blocked) {
    const text = composeNote(slot.user?.text ?? null, mark!.note);
    g.noteChars += text.length;
    g.noteCount++;
    if (slot.ourOld && slot.ourOld !== wantKind) notes[slot.ourOld] = null;
    if (slotText(s, wantKind) !== text) notes[wantKind] = text;
    ourNote = { kind: wantKind, hash: noteHash(mark!.note) };
  } else {
    if (mark && mark.note && mode !== 'none') report.notesSkipped++;
    // No note of ours here: the slot gets the user's text back (or nothing). A note that is not
    // ours is never removed.
    for (const kind of NOTE_KINDS) {
      if (!reach[kind] || (slot.pending && kind === slot.prevKind)) continue;
      const cur = slotText(s, kind);
      const want = slot.user?.kind === kind ? slot.user.text : slot.ourOld === kind ? null : cur;
      if (want === cur) continue;
      notes[kind] = want;
      if (want !== null && slot.user?.exact !== undefined && slot.user.exact !== null) exact.note = slot.user.exact;
    }
  }
  return { notes, ourNote };
}

/** One cell: its writes, and what the backup keeps for it. */
function decideCell(p: Prepared, g: Gathered, report: ReconcileReport, ref: CellRef, s: CellState, prev: BackedUpCell | undefined, mark: CellMark | undefined): void {
  const write: CellWrite = { ...ref };
  const exact: { fill?: unknown; note?: unknown } = {};
  const slot = noteSlot(p, report, ref, s, prev, mark);
  const fill = fillOf(report, ref, s, prev, mark, write, exact);
  const { notes, ourNote } = notesOf(p, g, report, s, slot, mark, exact);
  if (Object.keys(notes).length) write.notes = notes;
  if (Object.keys(exact).length) write.exact = exact;
  if (write.fill !== undefined || write.notes) g.writes.push(write);
  if (slot.pending) g.unreachable[slot.prevKind!]++;
  if (mark) markedEntry(p, g, ref, s, prev, write, slot, fill, ourNote);
  else if (prev && slot.pending) {
    // Only the unreachable note is left to restore.
    const anchor = prev.anchor ?? p.index.anchorAt(ref.sheet, ref.row, ref.col);
    const rest: BackedUpCell = { sheet: prev.sheet, cell: ref.cell, fill: prev.fill, note: prev.note, ours: { note: slot.prevNote } };
    if (prev.exact?.note !== undefined) rest.exact = { note: prev.exact.note };
    if (anchor) rest.anchor = anchor;
    g.kept.push(rest);
  }
}

/** The backup's entry for a marked cell (and the cover's, accepting the previous marks until the writes are done). */
function markedEntry(p: Prepared, g: Gathered, ref: CellRef, s: CellState, prev: BackedUpCell | undefined, write: CellWrite, slot: Slot, fill: { userFill: string | null; userFillExact: unknown; markFill: string | null }, ourNote: OursOnCell['note']): void {
  const entry: BackedUpCell = { sheet: ref.sheet, cell: ref.cell, fill: fill.userFill, note: slot.pending ? prev!.note : (slot.user?.text ?? null) };
  const ex: { fill?: unknown; note?: unknown } = {};
  if (fill.userFillExact !== undefined && fill.userFillExact !== null) ex.fill = fill.userFillExact;
  const noteExact = slot.pending ? prev?.exact?.note : slot.user?.exact;
  if (noteExact !== undefined && noteExact !== null) ex.note = noteExact;
  if (Object.keys(ex).length) entry.exact = ex;
  const markAnchor = p.index.anchorAt(ref.sheet, ref.row, ref.col);
  if (markAnchor) entry.anchor = markAnchor;
  const ours: OursOnCell = {};
  if (fill.markFill) ours.fill = fill.markFill;
  if (ourNote) ours.note = ourNote;
  else if (slot.pending) ours.note = slot.prevNote;
  entry.ours = ours;
  g.fresh.push(entry);
  if ((write.fill !== undefined || write.notes) && !(prev && sameEntry(prev, entry))) g.needCover = true;
  // Until the writes are done the cell may still hold the previous annotation's marks: the
  // backup saved before them accepts either.
  if (!prev) {
    g.coverNew.push(entry);
    return;
  }
  const legacy = prev.ours === undefined;
  const also: OursOnCell = {};
  const wasFill = legacy ? (s.fill ?? undefined) : prev.ours?.fill;
  if (wasFill && !sameFill(wasFill, ours.fill)) also.fill = wasFill;
  const prevNote = slot.prevNote;
  if (prevNote && !slot.pending && (prevNote.kind !== ours.note?.kind || prevNote.hash !== ours.note?.hash)) also.note = prevNote;
  g.coverNew.push(also.fill || also.note ? { ...entry, also } : entry);
}

function sameEntry(a: BackedUpCell, b: BackedUpCell): boolean {
  return entryKey(a) === entryKey(b);
}

function entryKey(c: BackedUpCell): string {
  const a = c.anchor;
  return JSON.stringify([c.sheet, c.cell.toUpperCase(), c.fill, c.note, c.ours?.fill ?? null, c.ours?.note ?? null, c.also ?? null, a ? [a.kind, a.name, a.nth ?? 1, a.field ?? null, a.header ?? null] : null, c.exact ?? null]);
}

/** Whether two backups hold the same (the order of cells aside): then it need not be written again. */
export function sameBackup(a: AnnotationBackup | null | undefined, b: AnnotationBackup | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  if (a.resultSheet !== b.resultSheet || a.noteMode !== b.noteMode || a.cells.length !== b.cells.length) return false;
  const keys = (x: AnnotationBackup) => x.cells.map(entryKey).sort().join('\n');
  return keys(a) === keys(b);
}

/** Does the cell hold exactly the original the entry backed up (fill, and the note where reachable)? */
function holdsOriginal(entry: BackedUpCell, s: CellState, reach: NoteReach): boolean {
  const ourFill = entry.ours === undefined || entry.ours.fill !== undefined || entry.also?.fill !== undefined;
  if (ourFill && !sameFill(entry.fill, s.fill)) return false;
  const kind = entry.ours?.note?.kind ?? entry.also?.note?.kind;
  return !kind || !reach[kind] || (slotText(s, kind) ?? null) === (entry.note ?? null);
}

/**
 * A cell found by its address only: does it still hold what we wrote — our fill or our note (a write
 * cut short may have put one and not the other)?
 */
function holdsOurs(entry: BackedUpCell, s: CellState, reach: NoteReach): boolean {
  const o = entry.ours ?? {};
  const also = entry.also;
  if (matches(o, also, (x) => x.fill !== undefined && sameFill(x.fill, s.fill))) return true;
  const notes = [o.note, also?.note].filter((n): n is NonNullable<typeof n> => !!n && reach[n.kind]);
  return notes.some((n) => {
    const split = splitNote(slotText(s, n.kind));
    return split.ours !== null && noteHash(split.ours) === n.hash;
  });
}

/**
 * The state is missing or unreadable: which of the given notes are ours (our head line), so that a
 * clear can still take our marks off. For each, the note to leave (the user's part, or none) and
 * whether the cell's fill is one of our exact colours (then removed too).
 */
export function recogniseMarks(cells: (CellRef & CellState)[], reach: NoteReach): CellWrite[] {
  const writes: CellWrite[] = [];
  for (const c of cells) {
    const write: CellWrite = { sheet: c.sheet, cell: c.cell, row: c.row, col: c.col };
    let ours = false;
    for (const kind of NOTE_KINDS) {
      if (!reach[kind]) continue;
      const split = splitNote(slotText(c, kind));
      if (split.ours === null) continue;
      ours = true;
      (write.notes ??= {})[kind] = split.user;
    }
    // A fill of our colours counts as ours only on a cell carrying our note: the same colours are
    // Excel's own Bad / Neutral / Good styles, which the user may use.
    if (ours && isOurFill(c.fill)) write.fill = null;
    if (ours) writes.push(write);
  }
  return writes;
}

/** The candidate a backed-up cell belongs to, for messages ("Phòng Tư pháp"). */
export function anchorLabel(a: CellAnchor): string {
  return a.nth && a.nth > 1 ? `${a.name} (${a.nth})` : a.name;
}

/** `wanted`, or "wanted (2)", "(3)"… not taken by another sheet (Excel compares names without case). */
export function freeSheetName(wanted: string, taken: Iterable<string>): string {
  const names = new Set([...taken].map((n) => n.toLocaleLowerCase()));
  if (!names.has(wanted.toLocaleLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!names.has(name.toLocaleLowerCase())) return name;
  }
}
