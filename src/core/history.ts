/**
 * The optional sheet "Lịch sử khen thưởng": awards a tập thể or cá nhân has already received
 * (Năm · Tên tập thể/cá nhân · Danh hiệu/Hình thức · Số quyết định · Ngày · Ghi chú). It feeds
 * section III of the Báo cáo thành tích ("Các hình thức đã được khen thưởng") and is NEVER read as
 * a table of candidates (tables.ts skips it). Entries are matched to candidates the way an
 * individual's unit is matched to a unit row: tolerant of case, diacritics and "UBND"/"Phòng"
 * prefixes. Problems are warnings tied to the cell, like every other data problem.
 */
import { a1, cellAt, columnLetter, lastCol, lastRow, type CellValue, type Grid, type SheetGrid } from './grid';
import type { Kind } from './ids';
import type { Issue, MessageCode } from './messages/codes';
import { cleanName, editDistance, fold, hasPhrase } from './text';
import { cellText, isBlankCell } from './values';
import { unitKey } from './evaluate';
import { HISTORY_FIELDS, type AwardHistory, type DateParts, type HistoryEntry, type HistoryField } from './historyShape';

export { HISTORY_FIELDS, type AwardHistory, type DateParts, type HistoryEntry, type HistoryField };

/** The sheet's name as the user creates it (workbook.md); matched folded, "… (2)" included. */
import { HISTORY_SHEET, isHistorySheetName } from './sheetNames';
export { HISTORY_SHEET, isHistorySheetName };
/** The columns in the order the sample workbook (and the add-in, when it records awards) writes them. */
export const HISTORY_HEADER = ['Năm', 'Tên tập thể/cá nhân', 'Danh hiệu/Hình thức', 'Số quyết định', 'Ngày quyết định', 'Ghi chú'] as const;


/** Header rows are looked for within the first 20 rows, as for candidate tables. */
const SCAN_ROWS = 20;





/** Which history field a header names, or null. Order matters: "Số, ngày quyết định" is the decision. */
export function classifyHistoryHeader(text: string): HistoryField | null {
  const f = fold(text);
  if (!f) return null;
  if (hasPhrase(f, 'ghi chu')) return 'note';
  const hasDecision = hasPhrase(f, 'quyet dinh') || hasPhrase(f, 'qd') || hasPhrase(f, 'so ky hieu') || hasPhrase(f, 'so hieu');
  if (hasPhrase(f, 'ngay') && !(hasDecision && hasPhrase(f, 'so'))) return 'decisionDate';
  if (hasDecision) return 'decisionNumber';
  if (hasPhrase(f, 'danh hieu') || hasPhrase(f, 'hinh thuc')) return 'award';
  if (/^nam( khen thuong| duoc khen thuong| duoc khen)?$/.test(f) || f === 'year') return 'year';
  if (hasPhrase(f, 'ten') || hasPhrase(f, 'ho va ten') || hasPhrase(f, 'ho ten') || hasPhrase(f, 'ca nhan') || f === 'tap the') return 'name';
  if (hasPhrase(f, 'don vi') || hasPhrase(f, 'co quan')) return 'unit';
  return null;
}

interface Header { row: number; cols: Partial<Record<HistoryField, number>> }

function findHeader(sheet: SheetGrid): Header | null {
  const maxRow = Math.min(lastRow(sheet), sheet.originRow + SCAN_ROWS - 1);
  const maxCol = lastCol(sheet);
  for (let r = sheet.originRow; r <= maxRow; r++) {
    const cols: Partial<Record<HistoryField, number>> = {};
    for (let c = sheet.originCol; c <= maxCol; c++) {
      const v = cellAt(sheet, r, c);
      if (typeof v !== 'string') continue;
      const field = classifyHistoryHeader(v);
      if (field && cols[field] === undefined) cols[field] = c;
    }
    // A header names who and what, and at least one of when / which decision.
    if (cols.name !== undefined && cols.award !== undefined && (cols.year !== undefined || cols.decisionNumber !== undefined || cols.decisionDate !== undefined)) {
      return { row: r, cols };
    }
  }
  return null;
}

/** Excel's serial day 1 is 1900-01-01, with the 1900 leap-year bug: serial 60 does not exist. */
function fromSerial(serial: number): DateParts | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2958466) return undefined;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function validDate(year: number, month: number, day: number): DateParts | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

/** "15/11/2022", "15-11-2022", "15.11.2022", "2022-11-15", or a date serial. */
export function parseHistoryDate(v: CellValue): DateParts | undefined {
  if (typeof v === 'number') return fromSerial(v);
  const t = cellText(v);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (vn) return validDate(Number(vn[3]), Number(vn[2]), Number(vn[1]));
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return undefined;
}

function parseYear(v: CellValue): number | undefined {
  const n = typeof v === 'number' ? v : /^\d{4}$/.test(cellText(v)) ? Number(cellText(v)) : NaN;
  return Number.isInteger(n) && n >= 1945 && n <= 2100 ? n : undefined;
}

function readSheet(sheet: SheetGrid, header: Header, issues: Issue[]): AwardHistory {
  const entries: HistoryEntry[] = [];
  const at = (r: number, f: HistoryField): CellValue => (header.cols[f] === undefined ? null : cellAt(sheet, r, header.cols[f]!));
  const addr = (r: number, f: HistoryField) => a1(r, header.cols[f]!);
  const warn = (cell: string, code: MessageCode, params: Record<string, string | number>) => issues.push({ severity: 'warning', sheet: sheet.name, cell, code, params });
  for (let r = header.row + 1; r <= lastRow(sheet); r++) {
    const used = (Object.keys(header.cols) as HistoryField[]).filter((f) => !isBlankCell(at(r, f)));
    if (!used.length) continue;
    const name = cleanName(cellText(at(r, 'name')));
    const award = cleanName(cellText(at(r, 'award')));
    if (!name) {
      warn(addr(r, 'name'), 'history.noName', { row: r + 1 });
      continue;
    }
    const entry: HistoryEntry = { row: r + 1, nameCell: addr(r, 'name'), name };
    if (award) entry.award = award;
    else warn(addr(r, 'award'), 'history.noAward', { name });
    const unit = cleanName(cellText(at(r, 'unit')));
    if (unit) entry.unit = unit;
    const number = cleanName(cellText(at(r, 'decisionNumber')));
    if (number) entry.decisionNumber = number;
    const note = cleanName(cellText(at(r, 'note')));
    if (note) entry.note = note;
    const dateCell = at(r, 'decisionDate');
    if (!isBlankCell(dateCell)) {
      const date = parseHistoryDate(dateCell);
      if (date) entry.decisionDate = date;
      else {
        entry.decisionDateText = cellText(dateCell);
        warn(addr(r, 'decisionDate'), 'history.badDate', { text: cellText(dateCell) });
      }
    }
    const yearCell = at(r, 'year');
    if (!isBlankCell(yearCell)) {
      const year = parseYear(yearCell);
      if (year !== undefined) entry.year = year;
      else warn(addr(r, 'year'), 'history.badYear', { text: cellText(yearCell) });
    }
    if (entry.year === undefined && entry.decisionDate) entry.year = entry.decisionDate.year;
    entries.push(entry);
  }
  const columns: Partial<Record<HistoryField, string>> = {};
  for (const [f, c] of Object.entries(header.cols)) columns[f as HistoryField] = columnLetter(c as number);
  return { sheet: sheet.name, headerRow: header.row + 1, columns, lastRow: lastRow(sheet) + 1, entries };
}

/**
 * The award history of the workbook: the first sheet named "Lịch sử khen thưởng" with a header
 * the reader recognises. No such sheet is normal (history null, no issue).
 */
export function readHistory(grid: Grid): { history: AwardHistory | null; issues: Issue[] } {
  const issues: Issue[] = [];
  for (const sheet of grid.sheets) {
    if (!isHistorySheetName(sheet.name)) continue;
    const header = findHeader(sheet);
    if (!header) {
      if (sheet.values.some((line) => line.some((v) => !isBlankCell(v)))) {
        issues.push({ severity: 'warning', sheet: sheet.name, cell: null, code: 'history.noHeader', params: { columns: HISTORY_HEADER.join(', ') } });
      }
      continue;
    }
    return { history: readSheet(sheet, header, issues), issues };
  }
  return { history: null, issues };
}

/** Who a history entry may be: a candidate's kind, name and (for a person) unit. */
export interface HistorySubject {
  kind: Kind;
  name: string;
  matchedUnit?: string;
  facts?: { unit?: string };
}

function personKey(name: string): string {
  return fold(name);
}

/** True when the entry is about this candidate (unit keys for tập thể, name and unit for cá nhân). */
export function entryMatches(entry: HistoryEntry, who: HistorySubject): boolean {
  if (who.kind === 'collective') return !entry.unit && unitKey(entry.name) === unitKey(who.name);
  if (personKey(entry.name) !== personKey(who.name)) return false;
  const unit = who.matchedUnit ?? who.facts?.unit;
  return !entry.unit || !unit || unitKey(entry.unit) === unitKey(unit);
}

/** A candidate's past awards, oldest first (as section III lists them). */
export function historyOf(history: AwardHistory | null | undefined, who: HistorySubject): HistoryEntry[] {
  if (!history) return [];
  return history.entries
    .filter((e) => entryMatches(e, who))
    .sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.row - b.row);
}

/**
 * Entries naming nobody among the candidates but within a typo of one ("Phòng Tư phap" / "Phòng
 * Tư pháp" match already; "Phòng Tư phá" does not): a warning with the near name, so a past
 * award is not silently left out of a report. Entries far from every name are other people's.
 */
/**
 * Name comparisons spent looking for near misses (a few seconds): past it, entries are matched
 * exactly only. A district's history has a few thousand rows; this is for the file that has not.
 */
const NEAR_MISS_COMPARISONS = 20_000_000;

export function historyNearMisses(history: AwardHistory | null | undefined, candidates: HistorySubject[], sheetOf = history?.sheet ?? ''): Issue[] {
  if (!history) return [];
  const issues: Issue[] = [];
  // Each candidate's keys once (a history of 100,000 rows against 5,000 candidates compared pair by
  // pair, folding both names each time, ran for minutes).
  const units = new Set<string>();
  const people = new Map<string, string[]>();
  const near: { key: string; name: string; i: number }[] = [];
  for (const c of candidates) {
    if (c.kind === 'collective') {
      const key = unitKey(c.name);
      units.add(key);
      near.push({ key, name: c.name, i: near.length });
    } else {
      const key = personKey(c.name);
      const unit = c.matchedUnit ?? c.facts?.unit;
      const list = people.get(key) ?? [];
      list.push(unit ? unitKey(unit) : '');
      people.set(key, list);
      near.push({ key, name: c.name, i: near.length });
    }
  }
  const byLength = new Map<number, typeof near>();
  for (const n of near) {
    const list = byLength.get(n.key.length) ?? [];
    list.push(n);
    byLength.set(n.key.length, list);
  }
  let budget = NEAR_MISS_COMPARISONS;
  let skipped = 0;
  for (const e of history.entries) {
    const key = unitKey(e.name);
    if (!e.unit && units.has(key)) continue;
    const them = people.get(personKey(e.name));
    if (them) {
      const unit = e.unit ? unitKey(e.unit) : '';
      if (!unit || them.some((u) => !u || u === unit)) continue;
    }
    if (key.length < 6) continue;
    if (budget <= 0) {
      skipped++;
      continue;
    }
    // The first candidate (in their order) within two edits.
    let found: (typeof near)[number] | undefined;
    for (let d = -2; d <= 2; d++) {
      for (const n of byLength.get(key.length + d) ?? []) {
        if (found && n.i > found.i) break;
        budget--;
        if (editDistance(key, n.key, 2) <= 2) {
          found = n;
          break;
        }
      }
    }
    if (found) issues.push({ severity: 'warning', sheet: sheetOf, cell: e.nameCell, code: 'history.nameNearMiss', params: { name: e.name, suggestions: found.name } });
  }
  if (skipped) issues.push({ severity: 'warning', sheet: sheetOf, cell: null, code: 'history.nearMissSkipped', params: { rows: skipped } });
  return issues;
}
