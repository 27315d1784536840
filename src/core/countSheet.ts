/**
 * The sheet "Kiểm phiếu": the council's vote count carried in the workbook, so that whoever opens
 * the file (the pane, `thidua check`, the dossier) applies the same votes. The pane writes it (one
 * row per candidate the council votes on, the members and the voting method above); the clerk
 * types the votes in; every adapter reads it back through readCountSheet.
 *
 * Layout (what countSheetPlan writes, and what readCountSheet looks for — labels are matched
 * without case or diacritics, so a clerk's own sheet of that name works too):
 *   A1 title · A2 "Hình thức biểu quyết" B2 · A3 "Số thành viên Hội đồng" B3 · A4 "Số thành viên có
 *   mặt" B4 · a header row with "Tên tập thể / Họ và tên" and "Số phiếu đồng ý" · one row per candidate.
 */
import { a1, cellAt, isCellError, type CellValue, type Grid, type SheetGrid } from './grid';
import type { Kind } from './ids';
import type { Candidate, Issue } from './result';
import { displayOrder } from './summary';
import type { CouncilMeeting, MeetingVote } from './meetingShape';
import { fold } from './text';

export const COUNT_SHEET = 'Kiểm phiếu';

export function isCountSheetName(name: string): boolean {
  return fold(name) === fold(COUNT_SHEET);
}

export const COUNT_LABELS = {
  title: 'KẾT QUẢ KIỂM PHIẾU HỌP XÉT KHEN THƯỞNG',
  method: 'Hình thức biểu quyết',
  total: 'Số thành viên Hội đồng',
  present: 'Số thành viên có mặt',
  no: 'STT',
  kind: 'Loại',
  name: 'Tên tập thể / Họ và tên',
  award: 'Hình thức đề nghị',
  agree: 'Số phiếu đồng ý',
  hint: 'Ghi số phiếu đồng ý của từng trường hợp; tỷ lệ tính trên tổng số thành viên Hội đồng, trừ khi Cấu hình chọn tính trên số thành viên có mặt.',
  kinds: { collective: 'Tập thể', individual: 'Cá nhân' } as Record<Kind, string>,
  defaultMethod: 'Bỏ phiếu kín',
};

const key = (v: CellValue): string => (typeof v === 'string' ? fold(v) : '');

function countOf(v: CellValue): { ok: true; value: number | undefined } | { ok: false } {
  if (v === null || v === '') return { ok: true, value: undefined };
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? { ok: true, value: v } : { ok: false };
  if (typeof v === 'string') {
    const t = v.trim();
    if (!t) return { ok: true, value: undefined };
    return /^\d+$/.test(t) ? { ok: true, value: Number(t) } : { ok: false };
  }
  return { ok: false };
}

function display(v: CellValue): string {
  if (isCellError(v)) return v.error;
  return String(v ?? '');
}

export interface CountSheetRead {
  /** The sheet's name, when the workbook has one. */
  sheet: string | null;
  /** What it says (only the parts it gives); undefined when there is no sheet or it is empty. */
  meeting: CouncilMeeting | undefined;
}

/** Reads the sheet "Kiểm phiếu" when there is one; its unreadable counts travel with the meeting (refused then). */
export function readCountSheet(grid: Grid): CountSheetRead {
  const sheet = grid.sheets.find((s) => isCountSheetName(s.name));
  if (!sheet) return { sheet: null, meeting: undefined };
  const problems: Issue[] = [];
  const meeting: CouncilMeeting = {};
  const top = sheet.originRow;
  const last = sheet.originRow + sheet.values.length - 1;
  let headerRow = -1;
  let nameCol = -1;
  let agreeCol = -1;
  for (let r = top; r <= last && headerRow < 0; r++) {
    const line = sheet.values[r - top] ?? [];
    for (let i = 0; i < line.length; i++) {
      const col = sheet.originCol + i;
      const k = key(line[i]);
      if (k === fold(COUNT_LABELS.agree)) agreeCol = col;
      if (k === fold(COUNT_LABELS.name) || k === 'ho va ten' || k === 'ten tap the' || k === 'ten') nameCol = col;
      const value = cellAt(sheet, r, col + 1);
      const where = { sheet: sheet.name, cell: a1(r, col + 1) };
      const count = (field: 'membersTotal' | 'membersPresent') => {
        const n = countOf(value);
        if (!n.ok) problems.push(badCount(where, value));
        else if (n.value !== undefined) {
          meeting[field] = n.value;
          meeting.at = { ...(meeting.at ?? {}), [field]: where };
        }
      };
      if (k === fold(COUNT_LABELS.method) && typeof value === 'string' && value.trim()) meeting.method = value.trim();
      else if (k === fold(COUNT_LABELS.total)) count('membersTotal');
      else if (k === fold(COUNT_LABELS.present)) count('membersPresent');
    }
    if (agreeCol >= 0 && nameCol >= 0) headerRow = r;
    else {
      agreeCol = -1;
      nameCol = -1;
    }
  }
  if (headerRow >= 0) {
    const votes: MeetingVote[] = [];
    for (let r = headerRow + 1; r <= last; r++) {
      const name = cellAt(sheet, r, nameCol);
      if (typeof name !== 'string' || !name.trim()) continue;
      const raw = cellAt(sheet, r, agreeCol);
      const at = { sheet: sheet.name, cell: a1(r, agreeCol) };
      const n = countOf(raw);
      if (!n.ok) problems.push(badCount(at, raw));
      else if (n.value !== undefined) votes.push({ candidate: name.trim(), agree: n.value, at });
    }
    if (votes.length) meeting.votes = votes;
  }
  if (problems.length) meeting.readProblems = problems;
  const empty = Object.keys(meeting).length === 0;
  return { sheet: sheet.name, meeting: empty ? undefined : meeting };
}

function badCount(at: { sheet: string; cell: string }, v: CellValue): Issue {
  return { severity: 'error', sheet: at.sheet, cell: at.cell, code: 'meeting.badCount', params: { where: `${at.sheet}!${at.cell}`, text: display(v) } };
}

/** The sheet as the pane writes it: rows of values from A1 (row 0 = the title). */
export interface CountSheetPlan {
  name: string;
  rows: (string | number | null)[][];
  /** 0-based row of the header. */
  headerRow: number;
  /** 0-based column of the votes (the cells the clerk fills). */
  agreeCol: number;
  widths: number[];
}

/**
 * The sheet for the candidates the council votes on (`list`, in display order), keeping the votes
 * already counted (`kept`: by name, from the sheet as it was) so that writing it again never loses
 * what the clerk typed.
 */
export function countSheetPlan(list: { kind: Kind; name: string; award: string }[], meeting: CouncilMeeting | undefined, kept: Map<string, number>): CountSheetPlan {
  const L = COUNT_LABELS;
  const rows: (string | number | null)[][] = [
    [L.title],
    [L.method, meeting?.method ?? L.defaultMethod],
    [L.total, meeting?.membersTotal ?? null],
    [L.present, meeting?.membersPresent ?? null],
    [L.hint],
    [L.no, L.kind, L.name, L.award, L.agree],
  ];
  list.forEach((c, i) => rows.push([i + 1, L.kinds[c.kind], c.name, c.award, kept.get(fold(c.name)) ?? null]));
  return { name: COUNT_SHEET, rows, headerRow: 5, agreeCol: 4, widths: [6, 10, 40, 30, 16] };
}

/** The votes typed in an existing count sheet, by folded name (kept when the sheet is written again). */
export function keptVotes(sheet: SheetGrid | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (!sheet) return out;
  const read = readCountSheet({ sheets: [sheet] });
  for (const v of read.meeting?.votes ?? []) out.set(fold(v.candidate), v.agree);
  return out;
}

/**
 * The candidates the council votes on, in display order: every one who meets every criterion but
 * the vote (the vote is what the council adds), pinned or not.
 */
export function councilBallot(result: { candidates: Candidate[] }): Candidate[] {
  const ready = result.candidates.filter((c) => !c.duplicate && !c.dissolved && c.criteria.length > 0 && c.criteria.every((x) => x.id === 'votes' || x.outcome === 'pass'));
  return displayOrder(ready);
}
