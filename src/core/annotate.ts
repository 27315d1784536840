/**
 * Builds the annotation plan from a result: a mark and a note on every judged cell, and the rows
 * of the result sheet "Kết quả xét khen thưởng" that the council reads without the add-in.
 */
import { parseA1 } from './grid';
import { CRITERION_IDS, KINDS, type CriterionId, type Lang } from './ids';
import { formatPercent } from './messages/format';
import { criterionLabel, labels, renderMessage } from './messages/render';
import type { AnnotationPlan, CellMark, MarkKind, ResultCell, ResultSheet } from './annotationPlan';
import type { Profile } from './profile';
import { criterionMessage, type Candidate, type CheckResult, type CriterionResult } from './result';
import { awardLabel, displayOrder, questionLines, quotaLines, verdictOf } from './summary';
import { RESULT_SHEET_NAMES } from './tables';
import { overview, overviewRows } from './overview';
import { pageFooter } from './printLayout';
import { criteriaLines } from './dossier/wording';

const SEVERITY: Record<MarkKind, number> = { fail: 3, unknown: 2, proposed: 1, info: 0 };

class MarkBook {
  private readonly byCell = new Map<string, CellMark>();

  add(sheet: string, cell: string, kind: MarkKind, line: string): void {
    const pos = parseA1(cell);
    if (!pos) return;
    const key = `${sheet}\u0000${cell}`;
    const existing = this.byCell.get(key);
    if (!existing) {
      this.byCell.set(key, { sheet, cell, row: pos.row, col: pos.col, kind, note: line });
      return;
    }
    if (SEVERITY[kind] > SEVERITY[existing.kind]) existing.kind = kind;
    if (!existing.note.split('\n').includes(line)) existing.note += `\n${line}`;
  }

  list(): CellMark[] {
    return [...this.byCell.values()].sort((a, b) => (a.sheet === b.sheet ? a.row - b.row || a.col - b.col : a.sheet < b.sheet ? -1 : 1));
  }
}

export function criterionCellText(c: CriterionResult | undefined, lang: Lang): string {
  if (!c) return '';
  const sign = c.outcome === 'pass' ? '✓' : c.outcome === 'fail' ? '✗' : '?';
  // A criterion met with a question open on it (an initiative claimed twice) is never a plain ✓.
  if (c.pending) return `${labels(lang).council.pendingSign} ${typeof c.value === 'boolean' ? (c.value ? labels(lang).yes : labels(lang).no) : c.value ?? ''}`.trim();
  if (c.value === null || c.value === undefined) return sign;
  if (typeof c.value === 'number') return `${sign} ${formatPercent(c.value, lang)}`;
  if (typeof c.value === 'boolean') return `${sign} ${c.value ? labels(lang).yes : labels(lang).no}`;
  return `${sign} ${c.value}`;
}

/** The reasons a candidate is not (yet) proposed, one line each. */
export function reasonLines(c: Candidate, lang: Lang): string[] {
  const L = labels(lang);
  const lines = c.criteria
    .filter((x) => x.outcome !== 'pass' || x.pending)
    .map((x) => `${criterionLabel(x.id, lang)}${x.inherited ? ` (${L.inherited})` : ''}: ${renderMessage(x.outcome === 'pass' && x.pending ? x.pending : criterionMessage(x), lang)}`);
  if (c.councilDropped) lines.push(L.council.dropped);
  return lines;
}

/**
 * The name cell's mark: green for a proposed candidate, amber for a tie at the cut-off. A candidate
 * who is not proposed gets a note on the name (no fill) only for the reasons that have no cell of
 * their own on the row (e.g. a criterion taken from the person's unit): the others are explained on
 * their own red / amber cell, and every reason — and "over the quota" — is on the result sheet.
 * Notes stay few and short: Excel on the web caps a request at 5 MB, and the notes of 10,000 rows
 * must fit in one request for the add-in to stay at a constant number of round trips.
 */
function nameNote(c: Candidate, profile: Profile, lang: Lang): { kind: MarkKind; lines: string[] } | null {
  const L = labels(lang);
  if (c.award) return { kind: 'proposed', lines: [L.noteProposed(awardLabel(profile, c.award), c.rank ?? 0)] };
  if (c.tiedAtCutoff) return { kind: 'unknown', lines: [L.noteTied(c.rank ?? 0)] };
  if (c.overQuota || c.duplicate) return null;
  const marked = (x: CriterionResult) => !!x.cell && !x.inherited && x.sheet === c.sheet;
  const elsewhere = c.criteria.filter((x) => x.outcome !== 'pass' && !marked(x));
  if (!elsewhere.length) return null;
  const full = reasonLines({ ...c, criteria: elsewhere }, lang).map((r) => `- ${r}`);
  return { kind: 'info', lines: [L.noteNotEligible, ...full] };
}

/** `preparer`: who prepared the sheet (the council's secretary), printed in the page footer. */
/**
 * Cells marked at once. Each mark is a fill, a note and its drawing (≈ 1 KB written, several times
 * that while writing): 5,000 rows with every cell wrong made 60,000 notes and most of a gigabyte.
 * A workbook with more problems than this is fixed a column at a time; the report lists them all.
 */
export const MARKS_MAX = 10_000;

export function planAnnotations(result: CheckResult, profile: Profile, lang: Lang, opts: { preparer?: string } = {}): AnnotationPlan {
  const book = new MarkBook();
  for (const c of result.candidates) {
    // Cells judged on the candidate's own row carry their own verdict.
    for (const x of c.criteria) {
      if (x.outcome === 'pass' || !x.cell || x.inherited || x.sheet !== c.sheet) continue;
      book.add(x.sheet, x.cell, x.outcome === 'fail' ? 'fail' : 'unknown', `${criterionLabel(x.id, lang)}: ${renderMessage(criterionMessage(x), lang)}`);
    }
    const n = nameNote(c, profile, lang);
    for (const line of n?.lines ?? []) book.add(c.sheet, c.nameCell, n!.kind, line);
  }
  // Every data problem tied to a cell is explained on that cell.
  for (const issue of result.issues) {
    if (!issue.cell) continue;
    book.add(issue.sheet, issue.cell, issue.severity === 'error' ? 'unknown' : 'info', renderMessage(issue, lang));
  }
  const marks = book.list();
  const sheet = resultSheet(result, profile, lang, opts);
  if (marks.length <= MARKS_MAX) return { marks, resultSheet: sheet };
  sheet.footer.push('', labels(lang).print.unmarked(marks.length - MARKS_MAX, MARKS_MAX));
  return { marks: marks.slice(0, MARKS_MAX), resultSheet: sheet };
}

function usedCriteria(result: CheckResult): CriterionId[] {
  const used = new Set<CriterionId>();
  for (const c of result.candidates) for (const x of c.criteria) used.add(x.id);
  return CRITERION_IDS.filter((id) => used.has(id));
}

/**
 * The thresholds stated above the result sheet: in Vietnamese the plan's own words (as the Tờ trình
 * prints them); in English the same rules in the criteria's English names.
 */
export function sheetCriteria(kind: 'collective' | 'individual', profile: Profile, lang: Lang): string[] {
  if (lang === 'vi') return criteriaLines(kind, profile);
  const c = profile.criteria;
  const pct = (v: number) => `${formatPercent(v, 'en')}`;
  const rate = (r: { threshold: number; inclusive: boolean }) => (r.inclusive ? `at least ${pct(r.threshold)}` : `more than ${pct(r.threshold)}`);
  const rating = (atLeast: string) => (atLeast === profile.ratingLadder[profile.ratingLadder.length - 1] ? atLeast : `${atLeast} or better`);
  const out: string[] = [];
  if (kind === 'collective' && c.taskCompletion.enabled) out.push(`${criterionLabel('taskCompletion', 'en')} ${rate(c.taskCompletion)}`);
  if (kind === 'collective' && c.parIndex.enabled) out.push(`${criterionLabel('parIndex', 'en')} ${rating(c.parIndex.atLeast)}`);
  if (kind === 'individual' && c.unitParIndex.enabled) out.push(`${criterionLabel('unitParIndex', 'en')} ${rating(c.unitParIndex.atLeast)}`);
  if (c.sipas.enabled) out.push(`${criterionLabel('sipas', 'en')} ${rate(c.sipas)}`);
  if (c.onTime.enabled) out.push(`${criterionLabel('onTime', 'en')} ${rate(c.onTime)}`);
  if (c.initiative.enabled) out.push(c.initiative.requireRecognition ? 'an initiative recognised by the competent authority' : 'an initiative');
  if (c.compliance.enabled) out.push(criterionLabel('compliance', 'en'));
  if (profile.voteThreshold !== null) {
    const t = pct(profile.voteThreshold);
    const members = (profile.voteBase ?? 'total') === 'present' ? 'the council members present' : 'all council members';
    out.push(`${profile.voteInclusive ? `at least ${t}` : `more than ${t}`} of ${members} in favour (when the council has voted)`);
  }
  return out;
}

export function resultSheet(result: CheckResult, profile: Profile, lang: Lang, opts: { preparer?: string } = {}): ResultSheet {
  const L = labels(lang);
  const ids = usedCriteria(result);
  const header = [L.header.rank, L.header.kind, L.header.name, L.header.unit, ...ids.map((id) => criterionLabel(id, lang)), L.header.result, L.header.award, L.header.reasons, L.header.sheetRow];
  const rows: ResultCell[][] = [];
  const rowKinds: (MarkKind | null)[] = [];
  for (const c of displayOrder(result.candidates)) {
    const verdict = verdictOf(c);
    const proposal = c.award ? awardLabel(profile, c.award) : c.tiedAtCutoff ? L.proposal.tied : c.councilDropped ? L.council.dropped : c.overQuota ? L.proposal.overQuota : '';
    rows.push([
      c.rank,
      L.kind[c.kind],
      c.name,
      c.kind === 'individual' ? c.matchedUnit ?? c.facts.unit ?? '' : '',
      ...ids.map((id) => criterionCellText(c.criteria.find((x) => x.id === id), lang)),
      L.outcome[verdict],
      proposal,
      reasonLines(c, lang).join('\n'),
      `${c.sheet}!${c.nameCell}`,
    ]);
    rowKinds.push(c.award ? 'proposed' : c.tiedAtCutoff ? 'unknown' : verdict === 'fail' || verdict === 'duplicate' ? 'fail' : verdict === 'unknown' ? 'unknown' : null);
  }
  // The thresholds the council judges by, stated above the table.
  const criteria = KINDS.flatMap((k) => (result.candidates.some((c) => c.kind === k) ? [L.print.criteria(L.kindPlural[k], sheetCriteria(k, profile, lang).join('; '))] : []));
  // Below it: the quotas, then what the council must decide in a block of its own, then the legend.
  const questions = questionLines(result, profile, lang);
  const footer = [L.print.quotaHeading, ...quotaLines(result, profile, lang)];
  const footerBold = [0];
  if (questions.length) {
    footer.push('');
    footerBold.push(footer.length);
    footer.push(L.print.questionsHeading(questions.length), ...questions.map((q, i) => `${i + 1}. ${q}`));
  }
  footer.push('', L.legend);
  return {
    name: RESULT_SHEET_NAMES[lang],
    title: [L.resultTitle, `${L.profile}: ${profile.name}`, ...criteria],
    header,
    rows,
    rowKinds,
    footer,
    footerBold,
    // For A4 landscape at ≥ 9 pt (core/printLayout.ts): criteria cells are short ("✓ 96,4%"), reasons wrap.
    widths: [5, 7, 17, 12, ...ids.map(() => 9), 9, 13, 30, 12],
    pageFooter: pageFooter(L.print.preparer(opts.preparer ?? ''), L.print.page, L.print.printed),
    overview: { ...overviewRows(overview(result, profile), lang), col: 2 },
  };
}
