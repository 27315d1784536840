/**
 * The product's state kept inside the workbook, so that whoever opens the file gets the same
 * result: the profile, mapping overrides, document facts and the backup of what annotation
 * replaced. It lives on one hidden sheet (STATE_SHEET) as key / JSON rows, a design that both
 * the Office.js and the exceljs adapters can read and write (settings and custom XML parts are
 * not visible to exceljs).
 *
 * Layout: column A = key, columns B… = the JSON text cut into chunks (Excel caps a cell at
 * 32,767 characters). Row 1 is a fixed explanatory line.
 */
import { STATE_SHEET } from './annotationPlan';
import { a1, parseA1, cellRuns, type Grid, type SheetGrid } from './grid';
import { lazily } from './zod';
import { FIELDS, KINDS, type Field, type Kind } from './ids';
import type { CellAnchor } from './locate';
import { MARK_FILL } from './annotationPlan';
import type { NoteKind, NoteMode } from './marks';
import type { Message } from './result';
import type { MappingOverride } from './tables';

export type { MappingOverride };

export const STATE_CHUNK = 30000;
export const STATE_BANNER = 'Thi đua CCHC — dữ liệu của tiện ích (không sửa tay)';

export type StateKey = 'profile' | 'overrides' | 'facts' | 'annotationBackup' | 'votes' | 'preset' | 'certificateLayout';


/**
 * What annotation replaced, so that "Xóa đánh dấu" restores it exactly. This is the shape adapters
 * work with (one entry per cell); on the state sheet it is stored compactly (StoredBackup, format 2),
 * and the per-cell format 1 of earlier versions is still read.
 */
export interface AnnotationBackup {
  version: 1;
  cells: BackedUpCell[];
  /** Name of the result sheet we created (removed on clear). */
  resultSheet: string | null;
  /** How notes were written: Excel notes, threaded comments, or not at all. */
  noteMode: NoteMode;
  /** Format 3: the usual size of a note we wrote (bytes), to budget reading them back. */
  noteBytes?: number;
}

/** What we wrote over a cell's original (format 3): the fill colour, and a fingerprint of our note text. */
export interface OursOnCell {
  /** The fill we set; absent when we left the fill alone (an info mark) or it is restored already. */
  fill?: string;
  /** Our note (its kind and noteHash of our part); absent when none was written or it is removed already. */
  note?: { kind: NoteKind; hash: string };
}

export interface BackedUpCell {
  sheet: string;
  cell: string;
  /** Previous solid fill colour ("#RRGGBB"), or null for no fill. */
  fill: string | null;
  /** Previous note / comment text, or null for none. */
  note: string | null;
  /** The adapter's exact previous objects (e.g. exceljs gradient fills, rich-text notes), for an exact restore. */
  exact?: { fill?: unknown; note?: unknown };
  /**
   * Format 3: what the cell marks (candidate + field), so that it is found again wherever rows and
   * columns moved; `cell` is then only the address it had. Absent: found by its address.
   */
  anchor?: CellAnchor;
  /** Format 3: what we wrote there. Absent (formats 1–2): whatever the cell holds is taken as ours. */
  ours?: OursOnCell;
  /**
   * In a backup saved before the writes of a re-annotation only: what the previous annotation wrote
   * there, which the cell still holds if the writes never happened.
   */
  also?: OursOnCell;
}

export type WorkbookState = Partial<Record<StateKey, unknown>>;

/**
 * Keys an adapter keeps beside the backup, meaningful only with it (the CLI's patch writer: the
 * lengths of the styles part's lists before the first annotation, so that a clear takes away only
 * what was appended). Kept as written like any key of a later version; they go with the backup.
 */
export const BACKUP_COMPANIONS: readonly string[] = ['xlsxStyles'];

/**
 * The backup as stored (format 2): per sheet, the cells that had nothing to restore (no fill, no
 * note) as runs of A1 ranges, the cells that had only a solid fill grouped by colour, and the rest
 * (a note, an exceljs exact object) one by one. At 10,000 rows this is ~40 KB where one JSON object
 * per cell was ~1 MB of the 5 MB an Excel on the web request can carry.
 */
export interface StoredBackup {
  version: 2;
  resultSheet: string | null;
  noteMode: AnnotationBackup['noteMode'];
  sheets: StoredSheetBackup[];
}

export interface StoredSheetBackup {
  sheet: string;
  /** Cells with no fill and no note before: "F2:F40,H7". */
  blank?: string;
  /** Cells with a solid fill and no note before, by colour: { "#00B050": "C4:C6" }. */
  fills?: Record<string, string>;
  /** Every other cell as it was. */
  cells?: Omit<BackedUpCell, 'sheet'>[];
}

/** Cells → "C6:C20,D4" (runs of consecutive rows of a column). */
export function compactCells(cells: { row: number; col: number }[]): string {
  return cellRuns(cells).join(',');
}

/** "C6:C20,D4" → the cells' A1 addresses (rectangles are expanded row by row); null when malformed. */
export function expandCells(list: string): string[] | null {
  const out: string[] = [];
  for (const part of list.split(',')) {
    if (!part) continue;
    const [from, to = from] = part.split(':');
    const a = parseA1(from);
    const b = parseA1(to);
    if (!a || !b || b.row < a.row || b.col < a.col) return null;
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) out.push(a1(r, c));
  }
  return out;
}

/** The backup in its stored form (format 2). The order of the cells is not kept. */
export function packBackup(b: AnnotationBackup): StoredBackup {
  const bySheet = new Map<string, { blank: { row: number; col: number }[]; fills: Map<string, { row: number; col: number }[]>; cells: Omit<BackedUpCell, 'sheet'>[] }>();
  const seen = new Set<string>();
  for (const c of b.cells) {
    let g = bySheet.get(c.sheet);
    if (!g) bySheet.set(c.sheet, (g = { blank: [], fills: new Map(), cells: [] }));
    const pos = parseA1(c.cell);
    const key = `${c.sheet}\u0000${c.cell.toUpperCase()}`;
    // A cell listed twice (never written so, but kept as is) or an address we can't parse: one by one.
    const plain = pos && !seen.has(key) && c.note === null;
    seen.add(key);
    // The exceljs adapter keeps the exact objects too; "none and none" restores as blank does.
    const noExact = c.exact === undefined || Object.values(c.exact).every((x) => x === null || x === undefined);
    if (plain && c.fill === null && noExact) g.blank.push(pos);
    else if (plain && c.exact !== undefined) {
      const { sheet: _s, ...rest } = c;
      g.cells.push(rest);
    }
    else if (plain && typeof c.fill === 'string') {
      const list = g.fills.get(c.fill) ?? [];
      list.push(pos);
      g.fills.set(c.fill, list);
    } else {
      const { sheet: _s, ...rest } = c;
      g.cells.push(rest);
    }
  }
  const sheets: StoredSheetBackup[] = [];
  for (const [sheet, g] of bySheet) {
    const entry: StoredSheetBackup = { sheet };
    if (g.blank.length) entry.blank = compactCells(g.blank);
    if (g.fills.size) entry.fills = Object.fromEntries([...g.fills].map(([color, cells]) => [color, compactCells(cells)]));
    if (g.cells.length) entry.cells = g.cells;
    sheets.push(entry);
  }
  return { version: 2, resultSheet: b.resultSheet, noteMode: b.noteMode, sheets };
}

/**
 * The backup as stored from format 3 on (≈ 25 bytes a mark: at 10,000 rows it shares one Excel on
 * the web request with the notes), per sheet and table kind:
 *   t: the marked columns' fields (or "#" + header text for a column mapped to no field),
 *   c: the column each had (the address hint),
 *   r: one line per candidate, "name|row it had|marks" (the row left out when it is the previous
 *      line's + 1), lines joined by ";", a mark being the index
 *      in `t`, what we wrote (encodeOurs) and the original solid fill if any, e.g.
 *      "Phòng Tư pháp|5|2Fk3z1>00B050 0P";
 *   x: what is rare, by line number: the n-th of a repeated name, a name holding "|" or ";", the
 *      original notes, exceljs exact objects, what a previous annotation wrote, an address off the
 *      column of `c`;
 *   cells: cells on no candidate's row (and cells of formats 1–2), one by one.
 */
export interface StoredBackup3 {
  version: 3;
  resultSheet: string | null;
  noteMode: NoteMode;
  nb?: number;
  sheets: StoredSheet3[];
}

export interface StoredSheet3 {
  sheet: string;
  kind?: Kind;
  t?: string[];
  c?: string[];
  r?: string;
  x?: Record<string, StoredRowExtra>;
  cells?: { c: string; o?: string; a?: string; f?: string | null; t?: string | null; x?: BackedUpCell['exact'] }[];
}

export interface StoredRowExtra {
  /** 2 for the second row of that name… */
  i?: number;
  /** The name, when it cannot sit on the line. */
  n?: string;
  /** Per mark (index in `t`): the original note, when there was one. */
  o?: Record<string, string>;
  x?: Record<string, BackedUpCell['exact']>;
  /** Per mark: what the previous annotation wrote (a backup saved before the writes). */
  a?: Record<string, string>;
  /** Per mark: the address, when it is not in the column of `c`. */
  h?: Record<string, string>;
  /** Per mark: an original fill that is not "#RRGGBB" (kept as it was). */
  f?: Record<string, string>;
}

const FILL_CODE: Record<string, string> = Object.fromEntries(
  (Object.entries(MARK_FILL) as [string, string | null][]).filter(([, c]) => c).map(([k, c]) => [c!.toUpperCase(), k[0].toUpperCase()]),
);
const CODE_FILL: Record<string, string> = Object.fromEntries(Object.entries(FILL_CODE).map(([c, k]) => [k, c]));

/**
 * What we wrote → "F" (our red fill), "Uk3z1" (amber + a note of the backup's kind), "-Ck3z1" (no
 * fill, a threaded comment when the backup's kind is notes), "#112233" (another colour), "…*" (any
 * text: a whole note of formats 1–2).
 */
export function encodeOurs(o: OursOnCell, mode: NoteMode): string {
  const fill = o.fill ? (FILL_CODE[o.fill.toUpperCase()] ?? o.fill.toUpperCase()) : '-';
  if (!o.note) return fill;
  const kind = o.note.kind === mode ? '' : o.note.kind === 'notes' ? 'N' : 'C';
  return `${fill}${kind}${o.note.hash}`;
}

export function decodeOurs(code: string, mode: NoteMode): OursOnCell | undefined {
  const m = /^(#[0-9A-Fa-f]{6}|[A-Z]|-)(?:([NC])?([0-9a-z]{4}|\*))?$/.exec(code);
  if (!m) return undefined;
  const o: OursOnCell = {};
  if (m[1] !== '-') {
    const fill = m[1].startsWith('#') ? m[1] : CODE_FILL[m[1]];
    if (!fill) return undefined;
    o.fill = fill;
  }
  if (m[3]) {
    const kind: NoteMode = m[2] === 'N' ? 'notes' : m[2] === 'C' ? 'comments' : mode;
    if (kind === 'none') return undefined;
    o.note = { kind, hash: m[3] };
  }
  return o;
}

export function packBackup3(b: AnnotationBackup): StoredBackup3 {
  const mode = b.noteMode;
  const sheets = new Map<string, { s: StoredSheet3; lines: string[]; lineOf: Map<string, number>; lastRow: number }>();
  const sheetOf = (sheet: string, kind?: Kind) => {
    const k = `${sheet}\u0000${kind ?? ''}`;
    let g = sheets.get(k);
    if (!g) sheets.set(k, (g = { s: kind ? { sheet, kind } : { sheet }, lines: [], lineOf: new Map(), lastRow: -2 }));
    return g;
  };
  for (const c of b.cells) {
    const plainExact = c.exact === undefined || Object.values(c.exact).every((x) => x === null || x === undefined);
    const pos = parseA1(c.cell);
    if (c.anchor && c.ours && pos && (c.anchor.field || c.anchor.header !== undefined)) {
      const g = sheetOf(c.sheet, c.anchor.kind);
      const s = g.s;
      const tokenText = c.anchor.field ?? `#${c.anchor.header}`;
      const letter = c.cell.toUpperCase().replace(/\d+$/, '');
      const t = (s.t ??= []);
      const cols = (s.c ??= []);
      let token = t.indexOf(tokenText);
      if (token < 0) {
        token = t.push(tokenText) - 1;
        cols.push(letter);
      }
      const rk = `${c.anchor.name}\u0000${c.anchor.nth ?? 1}\u0000${pos.row}`;
      let line = g.lineOf.get(rk);
      const inline = !/[|;]/.test(c.anchor.name);
      if (line === undefined) {
        line = g.lines.push(`${inline ? c.anchor.name : ''}|${pos.row === g.lastRow + 1 ? '' : pos.row + 1}|`) - 1;
        g.lastRow = pos.row;
        g.lineOf.set(rk, line);
        const extra: StoredRowExtra = {};
        if (c.anchor.nth && c.anchor.nth > 1) extra.i = c.anchor.nth;
        if (!inline) extra.n = c.anchor.name;
        if (Object.keys(extra).length) (s.x ??= {})[line] = extra;
      }
      const extra = (): StoredRowExtra => ((s.x ??= {})[line!] ??= {});
      const k = String(token);
      if (cols[token] !== letter) (extra().h ??= {})[k] = c.cell.toUpperCase();
      const fillInline = c.fill === null || /^#[0-9A-Fa-f]{6}$/.test(c.fill);
      if (c.note !== null || !fillInline) (extra().o ??= {})[k] = c.note ?? '';
      if (!fillInline) (extra().f ??= {})[k] = c.fill!;
      if (!plainExact) (extra().x ??= {})[k] = c.exact;
      if (c.also) (extra().a ??= {})[k] = encodeOurs(c.also, mode);
      const text = g.lines[line];
      const orig = c.fill !== null && fillInline ? `>${c.fill.slice(1).toUpperCase()}` : '';
      g.lines[line] = `${text}${text.endsWith('|') ? '' : ' '}${token}${encodeOurs(c.ours, mode)}${orig}`;
    } else {
      const g = sheetOf(c.sheet);
      const e: NonNullable<StoredSheet3['cells']>[number] = { c: c.cell };
      if (c.ours) e.o = encodeOurs(c.ours, mode);
      if (c.also) e.a = encodeOurs(c.also, mode);
      if (c.fill !== null) e.f = c.fill;
      if (c.note !== null) e.t = c.note;
      if (!plainExact) e.x = c.exact;
      (g.s.cells ??= []).push(e);
    }
  }
  return {
    version: 3,
    resultSheet: b.resultSheet,
    noteMode: mode,
    ...(b.noteBytes ? { nb: b.noteBytes } : {}),
    sheets: [...sheets.values()].map(({ s, lines }) => (lines.length ? { ...s, r: lines.join(';') } : s)),
  };
}

function unpackBackup3(v: Partial<StoredBackup3>): AnnotationBackup | undefined {
  if (!Array.isArray(v.sheets) || !NOTE_MODES.includes(v.noteMode as string)) return undefined;
  const mode = v.noteMode as NoteMode;
  const cells: BackedUpCell[] = [];
  for (const s of v.sheets) {
    if (!s || typeof s.sheet !== 'string') return undefined;
    if (s.r !== undefined) {
      if (typeof s.r !== 'string' || (s.kind !== 'collective' && s.kind !== 'individual') || !Array.isArray(s.t) || !Array.isArray(s.c)) return undefined;
      const lines = s.r.split(';');
      let hint = 0;
      for (let li = 0; li < lines.length; li++) {
        const parts = lines[li].split('|');
        hint = parts[1] === '' ? hint + 1 : Number(parts[1]);
        if (parts.length !== 3 || !Number.isInteger(hint) || hint < 1) return undefined;
        const extra: StoredRowExtra = s.x?.[li] ?? {};
        const name = extra.n ?? parts[0];
        for (const mark of parts[2] ? parts[2].split(' ') : []) {
          const m = /^(\d+)([^>]+)(?:>([0-9A-F]{6}))?$/.exec(mark);
          const ours = m ? decodeOurs(m[2], mode) : undefined;
          const tokenText = m ? s.t[Number(m[1])] : undefined;
          if (!m || !ours || typeof tokenText !== 'string') return undefined;
          const k = m[1];
          const anchor: CellAnchor = { kind: s.kind, name };
          if (typeof extra.i === 'number' && extra.i > 1) anchor.nth = extra.i;
          if (tokenText.startsWith('#')) anchor.header = tokenText.slice(1);
          else anchor.field = tokenText as Field;
          const address = extra.h?.[k] ?? `${s.c[Number(k)]}${hint}`;
          if (!parseA1(address)) return undefined;
          const fill = m[3] ? `#${m[3]}` : (extra.f?.[k] ?? null);
          const note = extra.o?.[k] ?? null;
          const cell: BackedUpCell = { sheet: s.sheet, cell: address, fill, note: note === '' && extra.f?.[k] ? null : note, anchor, ours };
          if (extra.x?.[k]) cell.exact = extra.x[k];
          if (extra.a?.[k] !== undefined) {
            const also = decodeOurs(extra.a[k], mode);
            if (!also) return undefined;
            cell.also = also;
          }
          cells.push(cell);
        }
      }
    }
    for (const e of s.cells ?? []) {
      if (!e || typeof e.c !== 'string') return undefined;
      const cell: BackedUpCell = { sheet: s.sheet, cell: e.c, fill: e.f ?? null, note: e.t ?? null };
      if (e.x) cell.exact = e.x;
      if (e.o !== undefined) {
        const ours = decodeOurs(e.o, mode);
        if (!ours) return undefined;
        cell.ours = ours;
      }
      if (e.a !== undefined) {
        const also = decodeOurs(e.a, mode);
        if (!also) return undefined;
        cell.also = also;
      }
      cells.push(cell);
    }
  }
  const out: AnnotationBackup = { version: 1, cells, resultSheet: typeof v.resultSheet === 'string' ? v.resultSheet : null, noteMode: mode };
  if (typeof v.nb === 'number' && v.nb > 0) out.noteBytes = v.nb;
  return out;
}

const NOTE_MODES = ['notes', 'comments', 'none'];

/** The stored backup (format 2, or format 1 of earlier versions) → one entry per cell; undefined when malformed. */
export function unpackBackup(value: unknown): AnnotationBackup | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const old = value as { version?: unknown; cells?: unknown };
  if (old.version === 1) return Array.isArray(old.cells) ? (value as AnnotationBackup) : undefined;
  if (old.version === 3) return unpackBackup3(value as Partial<StoredBackup3>);
  const v = value as Partial<StoredBackup>;
  if (v.version !== 2 || !Array.isArray(v.sheets) || !NOTE_MODES.includes(v.noteMode as string)) return undefined;
  const cells: BackedUpCell[] = [];
  for (const s of v.sheets) {
    if (!s || typeof s.sheet !== 'string') return undefined;
    const blank = expandCells(s.blank ?? '');
    if (!blank) return undefined;
    for (const cell of blank) cells.push({ sheet: s.sheet, cell, fill: null, note: null });
    for (const [fill, list] of Object.entries(s.fills ?? {})) {
      const filled = expandCells(list);
      if (!filled) return undefined;
      for (const cell of filled) cells.push({ sheet: s.sheet, cell, fill, note: null });
    }
    for (const c of s.cells ?? []) cells.push({ sheet: s.sheet, ...c });
  }
  return { version: 1, cells, resultSheet: typeof v.resultSheet === 'string' ? v.resultSheet : null, noteMode: v.noteMode as AnnotationBackup['noteMode'] };
}

/** Whether the grid holds a backup: none, a readable one, or one that cannot be read (damaged). */
export function backupStatus(grid: Grid): 'none' | 'ok' | 'damaged' {
  const sheet = findStateSheet(grid);
  const line = sheet?.values.find((l) => l[0] === 'annotationBackup');
  if (!line) return 'none';
  return readState(grid).annotationBackup ? 'ok' : 'damaged';
}

export function findStateSheet(grid: Grid): SheetGrid | undefined {
  return grid.sheets.find((s) => s.name === STATE_SHEET);
}

/** One entry of the state sheet that was dropped, and why (the rest of the state is still used). */
export interface StateProblem {
  /** The state key, with the index of the dropped item ("overrides.0"). */
  path: string;
  why: 'json' | 'shape';
}

/** Every key (a Record, so that a new StateKey not listed here fails the type check). */
const STATE_KEYS: Record<StateKey, true> = { profile: true, overrides: true, facts: true, annotationBackup: true, votes: true, preset: true, certificateLayout: true };

/** A mapping override as the add-in saves it; anything else in the list is dropped alone. */
const schemas = lazily((z) => ({
  override: z
    .object({
      sheet: z.string(),
      ignore: z.boolean().optional(),
      kind: z.enum(KINDS as [Kind, ...Kind[]]).optional(),
      headerRow: z.number().int().positive().optional(),
      columns: z.partialRecord(z.enum(FIELDS), z.string().regex(/^[A-Za-z]{1,3}$/).nullable()).optional(),
    })
    .passthrough(),
  object: z.record(z.string(), z.unknown()),
}));

/**
 * Each key's value, checked for the shape its readers rely on. The profile and the facts are
 * checked in full by their own schemas where they are used (mergeProfile, parseFacts), which
 * report every problem by path; here they need only be objects.
 */
function parseEntry(key: StateKey, value: unknown, problems: StateProblem[]): unknown {
  switch (key) {
    case 'overrides': {
      if (!Array.isArray(value)) {
        problems.push({ path: key, why: 'shape' });
        return undefined;
      }
      const kept: MappingOverride[] = [];
      value.forEach((item, i) => {
        const r = schemas().override.safeParse(item);
        if (r.success) kept.push(r.data as MappingOverride);
        else problems.push({ path: `${key}.${i}`, why: 'shape' });
      });
      return kept;
    }
    case 'annotationBackup': {
      const backup = unpackBackup(value);
      if (!backup) problems.push({ path: key, why: 'shape' });
      return backup;
    }
    case 'profile':
    case 'facts': {
      const r = schemas().object.safeParse(value);
      if (!r.success) problems.push({ path: key, why: 'shape' });
      return r.success ? value : undefined;
    }
    case 'preset': {
      if (typeof value !== 'string') problems.push({ path: key, why: 'shape' });
      return typeof value === 'string' ? value : undefined;
    }
    default:
      return value;
  }
}

/** The dropped entries as messages (check, clear and the pane say them the same way). */
export function droppedEntryMessages(problems: readonly StateProblem[]): Message[] {
  return problems.map((d) => ({ code: 'state.entryDropped', params: { key: d.path, why: d.why, sheet: STATE_SHEET } }));
}

/**
 * Reads the state rows, parsed: a broken entry (not JSON, or not the shape its readers need —
 * e.g. `overrides: [null]` typed by hand) is dropped and reported, never thrown; the valid rest is
 * used. The backup's format 1/2/3 are read by unpackBackup.
 */
export function parseState(grid: Grid): { state: WorkbookState; problems: StateProblem[] } {
  const sheet = findStateSheet(grid);
  const state: WorkbookState = {};
  const problems: StateProblem[] = [];
  if (!sheet) return { state, problems };
  for (const line of sheet.values) {
    const key = line[0];
    if (typeof key !== 'string' || key === STATE_BANNER || !key) continue;
    const text = line
      .slice(1)
      .map((v) => (typeof v === 'string' ? v : ''))
      .join('');
    if (!text) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      problems.push({ path: key, why: 'json' });
      continue;
    }
    // A key of a later version is kept as it is (rewriting the state must not lose it).
    const parsed = Object.prototype.hasOwnProperty.call(STATE_KEYS, key) ? parseEntry(key as StateKey, value, problems) : value;
    if (parsed !== undefined) state[key as StateKey] = parsed;
  }
  return { state, problems };
}

/** The state, broken entries dropped (parseState also says which). */
export function readState(grid: Grid): WorkbookState {
  return parseState(grid).state;
}

/** The rows to write on the state sheet (A1 downwards), for the whole state. */
export function stateRows(state: WorkbookState): string[][] {
  const rows: string[][] = [[STATE_BANNER]];
  for (const [key, value] of Object.entries(state)) {
    if (value === undefined) continue;
    // The backup is stored compactly (format 3 once it knows what its cells mark, else 2); anything else as it is.
    const backup = key === 'annotationBackup' ? unpackBackup(value) : undefined;
    const v3 = backup?.cells.some((c) => c.ours || c.anchor) || backup?.noteBytes !== undefined;
    const text = JSON.stringify(backup ? (v3 ? packBackup3(backup) : packBackup(backup)) : value);
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += STATE_CHUNK) chunks.push(text.slice(i, i + STATE_CHUNK));
    rows.push([key, ...chunks]);
  }
  return rows;
}
