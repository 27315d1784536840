/**
 * Recording an issued decision in the award history (sheet "Lịch sử khen thưởng", core/history.ts):
 * which rows to append, below the last used row, in the sheet's own columns — or a new sheet with
 * the standard header. Pure: the CLI's package writer and the add-in's Office.js adapter both apply
 * the same plan. A decision already in the history (same number, same year) is refused, so that
 * recording twice never doubles anyone's awards.
 */
import { columnLetter } from './grid';
import { historyOf, HISTORY_HEADER, HISTORY_SHEET, type AwardHistory, type HistoryField } from './history';
import type { Profile } from './profile';
import type { Candidate, Issue } from './result';
import { fold } from './text';

/** One award of an issued decision, as the history keeps it. */
export interface AwardToRecord {
  year: number;
  name: string;
  /** An individual's unit (written only when the sheet has a "Đơn vị" column). */
  unit?: string;
  award: string;
  /** "1520/QĐ-UBND" */
  decisionNumber: string;
  /** "28/12/2022" */
  decisionDate: string;
  note?: string;
}

export interface RecordCell { col: string; value: string | number }
export interface RecordRow { row: number; cells: RecordCell[] }

export interface RecordPlan {
  sheet: string;
  /** The sheet does not exist yet: create it (visible, after the others) with the header row. */
  create: boolean;
  /** Rows to write, header first when created; 1-based rows, column letters. */
  rows: RecordRow[];
  /** How many awards (rows below the header). */
  count: number;
}

export type RecordDecision =
  | { ok: true; plan: RecordPlan }
  | { ok: false; reason: 'nothing' }
  | { ok: false; reason: 'alreadyRecorded'; decision: string; rows: number[] };

/** "Số: 1520/QĐ-UBND" ≡ "1520/QD-UBND" ≡ "1520 / qđ-ubnd". */
export function decisionKey(text: string): string {
  return fold(text.replace(/^\s*s[oố]\s*:?/i, '')).replace(/[^a-z0-9/]/g, '').replace(/^0+(?=\d)/, '');
}

const ORDER: HistoryField[] = ['year', 'name', 'award', 'decisionNumber', 'decisionDate', 'note'];

/**
 * The rows that record `awards` (all of one decision) in `history`; `sheetNames` are the workbook's
 * sheets (a new history sheet takes a free name).
 */
export function planRecord(history: AwardHistory | null, awards: AwardToRecord[], sheetNames: string[]): RecordDecision {
  if (!awards.length) return { ok: false, reason: 'nothing' };
  const key = decisionKey(awards[0].decisionNumber);
  const year = Number(/(\d{4})$/.exec(awards[0].decisionDate)?.[1]) || awards[0].year;
  const already = (history?.entries ?? []).filter(
    (e) => e.decisionNumber && decisionKey(e.decisionNumber) === key && (!e.decisionDate || e.decisionDate.year === year),
  );
  if (already.length) return { ok: false, reason: 'alreadyRecorded', decision: awards[0].decisionNumber, rows: already.map((e) => e.row) };

  const value = (a: AwardToRecord, f: HistoryField): string | number | undefined =>
    f === 'year' ? a.year : f === 'name' ? a.name : f === 'unit' ? a.unit : f === 'award' ? a.award : f === 'decisionNumber' ? a.decisionNumber : f === 'decisionDate' ? a.decisionDate : a.note;
  if (history) {
    const cols = history.columns;
    const rows = awards.map((a, i) => ({
      row: history.lastRow + 1 + i,
      cells: (Object.keys(cols) as HistoryField[])
        .map((f) => ({ col: cols[f]!, value: value(a, f) }))
        .filter((c): c is RecordCell => c.value !== undefined && c.value !== '')
        .sort((x, y) => colIndex(x.col) - colIndex(y.col)),
    }));
    return { ok: true, plan: { sheet: history.sheet, create: false, rows, count: awards.length } };
  }
  const taken = new Set(sheetNames.map((n) => n.toLowerCase()));
  let name: string = HISTORY_SHEET;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${HISTORY_SHEET} (${k})`;
  const header = { row: 1, cells: HISTORY_HEADER.map((h, i) => ({ col: columnLetter(i), value: h })) };
  const rows = awards.map((a, i) => ({
    row: 2 + i,
    cells: ORDER.map((f, c) => ({ col: columnLetter(c), value: value(a, f) })).filter((c): c is RecordCell => c.value !== undefined && c.value !== ''),
  }));
  return { ok: true, plan: { sheet: name, create: true, rows: [header, ...rows], count: awards.length } };
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The year and movement being judged (the dossier facts saved in the workbook). */
export interface AwardContext {
  year?: number;
  movement?: string;
}

/** The context from saved facts: their year, else the decision's or the Tờ trình's date. */
export function awardContextOf(facts: unknown): AwardContext {
  const f = (facts && typeof facts === 'object' ? facts : {}) as { year?: unknown; movement?: unknown; date?: unknown; decision?: { date?: unknown } };
  const yearOf = (d: unknown) => (typeof d === 'string' ? Number(/(\d{4})/.exec(d)?.[1]) || undefined : undefined);
  const year = typeof f.year === 'number' ? f.year : typeof f.year === 'string' && /^\d{4}$/.test(f.year) ? Number(f.year) : yearOf(f.decision?.date) ?? yearOf(f.date);
  return { year, movement: typeof f.movement === 'string' ? f.movement : undefined };
}

/**
 * A candidate proposed for an award the history says they already received for the same year
 * (and movement, when the entry's note names one): a warning on the history row, so the council
 * does not award twice.
 */
export function alreadyAwardedIssues(history: AwardHistory | null | undefined, candidates: Candidate[], profile: Profile, ctx: AwardContext): Issue[] {
  if (!history || ctx.year === undefined) return [];
  const issues: Issue[] = [];
  const movement = ctx.movement ? fold(ctx.movement) : '';
  for (const c of candidates) {
    if (!c.award) continue;
    const label = profile.awards.find((a) => a.id === c.award)?.label ?? c.award;
    const key = fold(label);
    for (const e of historyOf(history, c)) {
      if (e.year !== ctx.year || !e.award) continue;
      const award = fold(e.award);
      if (!(award === key || award.includes(key) || key.includes(award))) continue;
      if (movement && e.note && !fold(e.note).includes(movement)) continue;
      issues.push({ severity: 'warning', sheet: history.sheet, cell: e.nameCell, code: 'history.alreadyAwarded', params: { name: c.name, award: e.award, year: ctx.year, decision: e.decisionNumber ?? '……' } });
    }
  }
  return issues;
}
