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
  /** Every cell whose fill and note the decision needs. */
  cells: CellRef[];
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

export function prepareReconcile(input: ReconcileInput): PreparedReconcile {
  const present = new Set(input.sheetNames);
  const index = new MarkIndex(input.grid, input.overrides ?? [], input.ourSheets ?? []);
  const previous = input.previous;
  // A backup a clear left behind (no result sheet): entries still not found are forgotten this time.
  const leftover = !!previous && previous.resultSheet === null && input.marks.length === 0;

  const located: Located[] = [];
  const claimed = new Set<string>();
  const missing: BackedUpCell[] = [];
  const unfound: BackedUpCell[] = [];
  const gone = new Map<string, GoneCandidate>();
  for (const entry of previous?.cells ?? []) {
    if (!present.has(entry.sheet)) {
      missing.push(entry);
      continue;
    }
    let at: CellRef | null = null;
    let byAddress = false;
    if (entry.anchor && entry.ours && index.hasTable(entry.sheet)) {
      const pos = index.find(entry.sheet, entry.anchor);
      if (pos) at = { sheet: pos.sheet, cell: pos.cell, row: pos.row, col: pos.col };
      else {
        const a = entry.anchor;
        gone.set(`${entry.sheet}\u0000${a.kind}\u0000${a.name}`, { sheet: entry.sheet, kind: a.kind, name: a.name });
      }
    } else {
      at = refOf(entry.sheet, entry.cell);
      // Formats 1–2 knew no better than the address; format 3 checks the mark is still there.
      byAddress = entry.ours !== undefined;
    }
    if (!at || claimed.has(cellKey(at.sheet, at.cell))) {
      unfound.push(entry);
      continue;
    }
    claimed.add(cellKey(at.sheet, at.cell));
    located.push({ entry, at, byAddress });
  }

  const marks = input.marks.filter((m) => present.has(m.sheet));
  const cells = new Map<string, CellRef>();
  for (const l of located) cells.set(cellKey(l.at.sheet, l.at.cell), l.at);
  for (const m of marks) cells.set(cellKey(m.sheet, m.cell), { sheet: m.sheet, cell: m.cell.toUpperCase(), row: m.row, col: m.col });

  return {
    cells: [...cells.values()],
    decide(states) {
      const state = (r: CellRef) => states.get(cellKey(r.sheet, r.cell)) ?? EMPTY;
      const report: ReconcileReport = {
        missingSheets: [...new Set(missing.map((e) => e.sheet))],
        goneCandidates: [],
        lostCells: [],
        forgotten: leftover,
        userFills: [],
        userNotes: [],
        unreachable: {},
        notesSkipped: 0,
      };
      const prevAt = new Map<string, Located>();
      for (const l of located) {
        const s = state(l.at);
        if (l.byAddress && !holdsOurs(l.entry, s, input.reach)) {
          unfound.push(l.entry);
          report.lostCells.push({ ...l.at });
          continue;
        }
        prevAt.set(cellKey(l.at.sheet, l.at.cell), l);
      }
      report.goneCandidates = [...gone.values()];
      const markAt = new Map(marks.map((m) => [cellKey(m.sheet, m.cell), m]));

      const writes: CellWrite[] = [];
      const kept: BackedUpCell[] = [];
      const fresh: BackedUpCell[] = [];
      const coverNew: BackedUpCell[] = [];
      const unreachable: Record<NoteKind, number> = { notes: 0, comments: 0 };
      for (const [key, ref] of cells) {
        const s = state(ref);
        const l = prevAt.get(key);
        const prev = l?.entry;
        const mark = markAt.get(key);
        const legacy = !!prev && prev.ours === undefined;
        const write: CellWrite = { ...ref };
        const exact: { fill?: unknown; note?: unknown } = {};

        // --- Note slot (a cell holds one note or one threaded comment): the user's text in it, and
        // whether our previous text is there.
        const prevNote: OursOnCell['note'] = prev
          ? legacy
            ? previous!.noteMode === 'none'
              ? undefined
              : { kind: previous!.noteMode, hash: ANY }
            : (prev.ours?.note ?? prev.also?.note)
          : undefined;
        const prevKind = prevNote?.kind ?? null;
        let user: { kind: NoteKind; text: string; exact?: unknown } | null = null;
        let pendingNote = false;
        let ourOld: NoteKind | null = null;
        if (prev && prevKind && !input.reach[prevKind]) {
          // Not reachable in this Excel: the note stays, so does its backup, and nothing takes the slot.
          pendingNote = true;
        } else if (prev && prevKind) {
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
            // Our text is not there as we wrote it: the user rewrote the note. It stays as it is.
            text = cur;
            if (!mark) report.userNotes.push({ ...ref });
          }
          if (cur !== null && (whole || split.ours !== null)) ourOld = prevKind;
          if (text !== null) user = { kind: prevKind, text, exact: text === prev.note ? prev.exact?.note : undefined };
          // The other kind may hold the user's own text (never ours): it stays.
          const other: NoteKind = prevKind === 'notes' ? 'comments' : 'notes';
          const otherText = input.reach[other] ? slotText(s, other) : null;
          if (!user && otherText !== null) user = { kind: other, text: otherText, exact: s.exact?.note };
        } else {
          for (const kind of NOTE_KINDS) {
            const cur = input.reach[kind] ? slotText(s, kind) : null;
            if (cur === null) continue;
            // Our text on a cell the backup does not know (a lost state): taken out, never doubled.
            const split = splitNote(cur);
            if (split.ours !== null) ourOld = kind;
            if (split.user !== null) user = { kind, text: split.user, exact: split.ours === null ? s.exact?.note : undefined };
          }
        }

        // --- Fill: what the user has under our mark, and what the cell should show.
        let userFill: string | null = s.fill;
        let userFillExact: unknown = s.exact?.fill;
        let fromBackup = false;
        const ourFillThere = matches(prev?.ours, prev?.also, (o) => o.fill !== undefined && sameFill(o.fill, s.fill));
        if (prev && (legacy || ourFillThere)) {
          userFill = prev.fill;
          userFillExact = prev.exact?.fill;
          fromBackup = true;
        } else if (prev?.ours?.fill !== undefined && !mark) report.userFills.push({ ...ref });
        else if (!prev && ourOld && isOurFill(s.fill)) userFill = null; // with our note of a lost state: our fill too
        const markFill = mark ? MARK_FILL[mark.kind] : null;
        const wantFill = markFill ?? userFill;
        if (!sameFill(wantFill, s.fill)) {
          write.fill = wantFill;
          if (!markFill && fromBackup && prev?.exact && 'fill' in prev.exact) exact.fill = prev.exact.fill;
        }

        const wantKind: NoteKind | null = mark && mark.note && input.mode !== 'none' && input.reach[input.mode] ? input.mode : null;
        const blocked = wantKind !== null && (pendingNote || (user !== null && user.kind !== wantKind));
        const notes: Partial<Record<NoteKind, string | null>> = {};
        let ourNote: OursOnCell['note'];
        if (wantKind && !blocked) {
          const text = composeNote(user?.text ?? null, mark!.note);
          if (ourOld && ourOld !== wantKind) notes[ourOld] = null;
          if (slotText(s, wantKind) !== text) notes[wantKind] = text;
          ourNote = { kind: wantKind, hash: noteHash(mark!.note) };
        } else {
          if (mark && mark.note && input.mode !== 'none') report.notesSkipped++;
          // No note of ours here: the slot gets the user's text back (or nothing). A note that is not
          // ours is never removed.
          for (const kind of NOTE_KINDS) {
            if (!input.reach[kind] || (pendingNote && kind === prevKind)) continue;
            const cur = slotText(s, kind);
            const want = user?.kind === kind ? user.text : ourOld === kind ? null : cur;
            if (want === cur) continue;
            notes[kind] = want;
            if (want !== null && user?.exact !== undefined && user.exact !== null) exact.note = user.exact;
          }
        }
        if (Object.keys(notes).length) write.notes = notes;
        if (Object.keys(exact).length) write.exact = exact;
        if (write.fill !== undefined || write.notes) writes.push(write);
        if (pendingNote) unreachable[prevKind!]++;

        // --- What the backup keeps for this cell.
        const anchor = prev?.anchor ?? index.anchorAt(ref.sheet, ref.row, ref.col);
        if (mark) {
          const entry: BackedUpCell = { sheet: ref.sheet, cell: ref.cell, fill: userFill, note: pendingNote ? prev!.note : (user?.text ?? null) };
          const ex: { fill?: unknown; note?: unknown } = {};
          if (userFillExact !== undefined && userFillExact !== null) ex.fill = userFillExact;
          const noteExact = pendingNote ? prev?.exact?.note : user?.exact;
          if (noteExact !== undefined && noteExact !== null) ex.note = noteExact;
          if (Object.keys(ex).length) entry.exact = ex;
          const markAnchor = index.anchorAt(ref.sheet, ref.row, ref.col);
          if (markAnchor) entry.anchor = markAnchor;
          const ours: OursOnCell = {};
          if (markFill) ours.fill = markFill;
          if (ourNote) ours.note = ourNote;
          else if (pendingNote) ours.note = prevNote;
          entry.ours = ours;
          fresh.push(entry);
          // Until the writes are done the cell may still hold the previous annotation's marks: the
          // backup saved before them accepts either.
          if (prev) {
            const also: OursOnCell = {};
            const wasFill = legacy ? (s.fill ?? undefined) : prev.ours?.fill;
            if (wasFill && !sameFill(wasFill, ours.fill)) also.fill = wasFill;
            if (prevNote && !pendingNote && (prevNote.kind !== ours.note?.kind || prevNote.hash !== ours.note?.hash)) also.note = prevNote;
            coverNew.push(also.fill || also.note ? { ...entry, also } : entry);
          } else coverNew.push(entry);
        } else if (prev && pendingNote) {
          // Only the unreachable note is left to restore.
          const rest: BackedUpCell = { sheet: prev.sheet, cell: ref.cell, fill: prev.fill, note: prev.note, ours: { note: prevNote } };
          if (prev.exact?.note !== undefined) rest.exact = { note: prev.exact.note };
          if (anchor) rest.anchor = anchor;
          kept.push(rest);
        }
      }
      for (const k of NOTE_KINDS) if (unreachable[k]) report.unreachable[k] = unreachable[k];

      const carried = leftover ? [] : [...unfound, ...missing];
      report.forgotten = leftover && unfound.length + missing.length > 0;
      const cellsLeft = [...fresh, ...kept, ...carried];
      const backup: AnnotationBackup | null =
        input.resultSheet || cellsLeft.length ? { version: 1, cells: cellsLeft, resultSheet: input.resultSheet, noteMode: marks.length ? input.mode : (previous?.noteMode ?? input.mode) } : null;
      // Before the writes of an annotation: the new entries (accepting the previous marks), the
      // previous entries of cells about to be restored as they were, and everything carried over.
      let cover: AnnotationBackup | null = null;
      if (marks.length && backup) {
        const restoring = [...prevAt.values()].filter((l) => !markAt.has(cellKey(l.at.sheet, l.at.cell))).map((l) => ({ ...l.entry, cell: l.at.cell }));
        cover = { ...backup, cells: [...coverNew, ...restoring, ...unfound, ...missing] };
      }
      return { writes, backup, cover, report };
    },
  };
}

/** A cell found by its address only: does it still hold exactly what we wrote? */
function holdsOurs(entry: BackedUpCell, s: CellState, reach: NoteReach): boolean {
  const o = entry.ours ?? {};
  const also = entry.also;
  if (o.fill !== undefined || also?.fill !== undefined) {
    if (!matches(o, also, (x) => x.fill !== undefined && sameFill(x.fill, s.fill))) return false;
  }
  const note = o.note ?? also?.note;
  if (note && reach[note.kind]) {
    const split = splitNote(slotText(s, note.kind));
    const hashes = [o.note, also?.note].filter((n) => !!n).map((n) => n!.hash);
    if (split.ours === null || !hashes.includes(noteHash(split.ours))) return false;
  }
  return o.fill !== undefined || also?.fill !== undefined || (!!note && reach[note.kind]);
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
