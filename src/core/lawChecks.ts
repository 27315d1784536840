/**
 * Rules of the law the criteria do not express, applied between evaluation and ranking:
 * - one initiative, one use (CV 5007/BNV-TĐKT ngày 05/9/2023, mục III.5 điểm c: "Một sáng kiến chỉ
 *   được sử dụng một lần khi làm tiêu chuẩn đề nghị khen thưởng"): the same initiative with the
 *   same recognition claimed by several candidates is a warning on each row, naming the others;
 * - units dissolved or merged in the reorganisation are not commended (TT 15/2025/TT-BNV): a
 *   "giải thể / sáp nhập" column or the profile's list takes them out, with the reason;
 * - the women's priority among equals (NĐ 152/2025/NĐ-CP): the ranking key `womenKey`.
 */
import type { Profile } from './profile';
import type { Candidate, Issue } from './result';
import { fold, someOthers } from './text';
import { comparePoints, parseYesNo } from './values';

/** Folded, punctuation and quotes dropped: "“Tổ công nghệ số cộng đồng”" = "to cong nghe so cong dong". */
function textKey(text: string): string {
  // fold() leaves only a–z, 0–9, "%" and single spaces: only a "%" needs more.
  const f = fold(text);
  return f.includes('%') ? f.replace(/[^a-z0-9]+/g, ' ').trim() : f;
}

/**
 * The recognition as a key: the decision's number and symbol when there is one ("QĐ số 52/QĐ-UBND
 * ngày …" → "52/qd-ubnd"), else the folded text (a bare "x" or "Có" is one same mark).
 */
function recognitionKey(text: string | undefined): string {
  // Not fold(): it drops the "/" of "52/QĐ-UBND".
  const f = (text ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  const m = /(\d+)\s*\/\s*([a-z0-9][a-z0-9-]*)/.exec(f);
  if (m) return `${m[1]}/${m[2]}`;
  const yes = parseYesNo(text ?? '', true);
  if (yes.ok === true) return yes.value ? 'yes' : 'no';
  return textKey(text ?? '');
}

/** Initiative cells that name no initiative. */
const NOT_AN_INITIATIVE = new Set(['khong', 'khong co', 'x', 'co']);

/** The initiative's name as a key (what "the same initiative" means for a decision of the council). */
export function initiativeKey(text: string): string {
  return textKey(text);
}

/** Candidates claiming the same initiative with the same recognition, in the order of each group's first candidate. */
export function sharedInitiativeGroups(candidates: Candidate[]): { key: string; members: Candidate[] }[] {
  // By initiative first: the recognition's key (a normalisation and a search) is only worth
  // computing where two candidates name the same initiative, which most never do.
  // A name's first candidate as is; an array only for the names claimed more than once.
  const byName = new Map<string, Candidate | Candidate[]>();
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (c.duplicate || !c.facts.initiative) continue;
    const name = textKey(c.facts.initiative);
    if (!name || NOT_AN_INITIATIVE.has(name)) continue;
    const known = byName.get(name);
    if (known === undefined) byName.set(name, c);
    else if (Array.isArray(known)) known.push(c);
    else byName.set(name, [known, c]);
  }
  // Same initiative and same recognition.
  const groups: { key: string; members: Candidate[] }[] = [];
  byName.forEach((sameName, name) => {
    if (!Array.isArray(sameName)) return;
    const byKey = new Map<string, Candidate[]>();
    for (const c of sameName) {
      const key = `${name}\u0000${recognitionKey(c.facts.initiativeRecognition)}`;
      const group = byKey.get(key);
      if (group) group.push(c);
      else byKey.set(key, [c]);
    }
    for (const g of byKey.values()) if (g.length > 1) groups.push({ key: name, members: g });
  });
  if (groups.length > 1) {
    // Positions only when there is something to order (most checks find no reuse at all).
    const order = new Map<Candidate, number>();
    candidates.forEach((c, i) => order.set(c, i));
    groups.sort((a, b) => order.get(a.members[0])! - order.get(b.members[0])!);
  }
  return groups;
}

export function reusedInitiatives(candidates: Candidate[], issues: Issue[]): void {
  for (const { members: group } of sharedInitiativeGroups(candidates)) {
    for (const c of group) {
      const cell = c.criteria.find((x) => x.id === 'initiative' && !x.inherited)?.cell ?? c.nameCell;
      const others = someOthers(group, c, (o) => `${o.name} (${o.sheet}!${o.nameCell})`, '; ');
      issues.push({ severity: 'warning', sheet: c.sheet, cell, code: 'initiative.reused', params: { name: c.name, initiative: c.facts.initiative!.trim(), others } });
    }
  }
}

/** A "giải thể / sáp nhập" cell that says so: any text but a "no" ("Không", "-", "0"). */
function marksDissolved(text: string | undefined): boolean {
  const t = (text ?? '').trim();
  if (!t || /^[-–—0]$/.test(t)) return false;
  const yn = parseYesNo(t, false);
  return !(yn.ok === true && !yn.value);
}

/** Unit names compared as the unit matching does (case, diacritics, "UBND", "Phòng", "xã", "phường"). */
function unitNameKey(name: string): string {
  return fold(name).replace(/^(uy ban nhan dan|ubnd)\s+/, '').replace(/^(phong|xa|phuong|thi tran)\s+/, '').trim();
}

export function dissolvedUnits(candidates: Candidate[], profile: Profile, issues: Issue[]): void {
  const listed = new Set((profile.dissolvedUnits ?? []).map(unitNameKey));
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (c.kind !== 'collective') continue;
    const inColumn = marksDissolved(c.facts.dissolved);
    const inList = listed.size > 0 && listed.has(unitNameKey(c.name));
    if (!inColumn && !inList) continue;
    c.dissolved = inColumn ? c.facts.dissolved!.trim() : 'profile';
    if (c.eligible) c.eligible = false;
    issues.push({
      severity: 'warning', sheet: c.sheet, cell: c.nameCell, code: inColumn ? 'unit.dissolved' : 'unit.dissolvedListed',
      params: { name: c.name, reason: inColumn ? c.facts.dissolved!.trim() : '' },
    });
  }
}

const WOMEN = new Set(['nu', 'n', 'female', 'f', 'woman']);

/**
 * 1 when the candidate has the women's priority (a woman; a collective with ≥ 70% women — 70,00%
 * counts), else 0. An unknown gender or share gives no priority.
 */
export function womenKey(c: Candidate): number {
  if (c.kind === 'individual') return WOMEN.has(fold(c.facts.gender ?? '')) ? 1 : 0;
  return c.facts.womenShare !== undefined && comparePoints(c.facts.womenShare, 70) >= 0 ? 1 : 0;
}

/** Every rule of this module, in place. */
export function applyLawChecks(candidates: Candidate[], profile: Profile, issues: Issue[]): void {
  reusedInitiatives(candidates, issues);
  dissolvedUnits(candidates, profile, issues);
}
