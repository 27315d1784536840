/**
 * What makes our marks ours, for every adapter: the state sheet's name and visibility, the note
 * modes, and the way our text is added to a cell's note so that the user's own note stays readable
 * while marked and comes back exactly on clear.
 */
import { MARK_FILL, STATE_SHEET } from './annotationPlan';

/** How notes are written: Excel notes (ExcelApi 1.18), threaded comments (1.10), or not at all. */
export type NoteMode = 'notes' | 'comments' | 'none';
export type NoteKind = Exclude<NoteMode, 'none'>;
export const NOTE_KINDS: readonly NoteKind[] = ['notes', 'comments'];

/** The ExcelApi requirement set each note kind needs (for the "which Excel can finish" message). */
export const NOTE_KIND_API: Record<NoteKind, string> = { notes: '1.18', comments: '1.10' };

/**
 * The state sheet is very hidden: Excel's Unhide menu does not list it, so it cannot be unhidden
 * and deleted by hand (only VBA or an add-in can). Both adapters write it so.
 */
export const STATE_SHEET_VISIBILITY = 'VeryHidden' as const;

/** Prefix of the sheet a new state is staged under before it replaces the old one. */
export const STATE_STAGING_PREFIX = `${STATE_SHEET}~`;

/**
 * A staging name of this write alone (two sessions saving at once never share one): the prefix and
 * a token. Excel caps sheet names at 31 characters.
 */
export function stagingSheetName(token: string): string {
  const clean = token.replace(/[^A-Za-z0-9]/g, '').slice(0, 31 - STATE_STAGING_PREFIX.length);
  return `${STATE_STAGING_PREFIX}${clean}`;
}

/** A staged state sheet (ours, of any session), never a user's table. */
export function isStagingSheet(name: string): boolean {
  return name.startsWith(STATE_STAGING_PREFIX);
}

/** The first line of our part of a note: it makes our text recognisable even without the state. */
export const NOTE_HEAD = '[Thi đua CCHC]';
/** Between the user's note and ours: an empty line. */
const GAP = '\n\n';

/** The note we write on a cell: the user's note (kept readable), then ours under our head line. */
export function composeNote(user: string | null, ours: string): string {
  return `${user ? `${user}${GAP}` : ''}${NOTE_HEAD}\n${ours}`;
}

/**
 * A note as found → the user's part and ours (null when absent). Our part is recognised by our head
 * line at the start of the note or after an empty line (the last one, if the user copied ours).
 */
export function splitNote(text: string | null): { user: string | null; ours: string | null } {
  if (text === null) return { user: null, ours: null };
  const t = text.replace(/\r\n?/g, '\n');
  const head = `${NOTE_HEAD}\n`;
  const at = t.lastIndexOf(`${GAP}${head}`);
  if (at >= 0) return { user: t.slice(0, at), ours: t.slice(at + GAP.length + head.length) };
  if (t.startsWith(head)) return { user: null, ours: t.slice(head.length) };
  return { user: text, ours: null };
}

/** A short fingerprint of our note text, kept in the backup to tell whether anyone edited it. */
export function noteHash(text: string): string {
  // FNV-1a, 32 bits: not a secret, only "is it still what we wrote".
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const OUR_FILLS = new Set(Object.values(MARK_FILL).filter((c): c is string => c !== null));

/** One of our exact mark colours (Excel's Bad / Neutral / Good fills). */
export function isOurFill(fill: string | null | undefined): boolean {
  return !!fill && OUR_FILLS.has(fill.toUpperCase());
}

export function sameFill(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? null)?.toUpperCase() === (b ?? null)?.toUpperCase();
}
