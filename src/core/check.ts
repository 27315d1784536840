/** The whole pure pipeline: grid → tables → candidates → outcomes → ranking. */
import { alreadyAwardedIssues, type AwardContext } from './awardRecord';
import { evaluate } from './evaluate';
import { applyLawChecks } from './lawChecks';
import { outsideCompetence, type CompetenceContext } from './competence';
import type { Grid } from './grid';
import { historyNearMisses, readHistory } from './history';
import { DEFAULT_PROFILE, type Profile } from './profile';
import { rankAndAward } from './rank';
import type { CheckResult, Issue } from './result';
import type { MappingOverride } from './state';
import { findTables, type DetectedTable } from './tables';
import { classifyRow } from './rows';
import { applyMeeting, nameKey, type CouncilMeeting, type CouncilQuestion } from './meeting';

export interface CheckOptions {
  profile?: Profile;
  overrides?: MappingOverride[];
  /** Voters at the review meeting, when vote rows carry no total. */
  meetingVoters?: number;
  /** Sheets the product wrote (the result sheet as the workbook state names it): never tables. */
  ourSheets?: string[];
  /** The year and movement judged (saved facts): a proposal for an award already received is warned. */
  awardContext?: AwardContext;
  /** The council meeting (votes, members, decisions): applied after the criteria, before the ranking. */
  meeting?: CouncilMeeting;
  /** A two-tier grantor (preset xa-phuong-2026): candidates outside its management are taken out. */
  competence?: CompetenceContext;
}

/**
 * Rows judged at once, all tables together (candidates, and rows with values but no name: each costs
 * a note or a result row). A district's units and people are a few thousand; each
 * row judged costs its note, its result row and its state (≈ 20 KB while annotating), so 60,000
 * rows of a 650 KB file took a gigabyte. Past it nothing is judged and the message says why.
 */
export const ROWS_JUDGED_MAX = 10_000;

export function check(grid: Grid, options: CheckOptions = {}): CheckResult {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const found = findTables(grid, options.overrides ?? [], options.ourSheets ?? []);
  const tooMany = tooManyRows(grid, found.tables);
  const tables = tooMany ? [] : found.tables;
  const issues = tooMany ? [...found.issues, tooMany] : found.issues;
  return judge(grid, tables, issues, profile, options);
}

/** Why no table was judged although tables were found (too many rows), or null. */
export function tablesRefused(result: Pick<CheckResult, 'issues'>): Issue | null {
  return result.issues.find((i) => i.code === 'limit.tableRows') ?? null;
}

/**
 * The tables' rows past ROWS_JUDGED_MAX: the refusal, on the largest table's sheet. Counted are the
 * rows that cost a note or a result row — candidates and rows with values but no name — not
 * headings, group titles, totals or blank rows.
 */
function tooManyRows(grid: Grid, tables: DetectedTable[]): Issue | null {
  const rows = tables.map((t) => {
    const sheet = grid.sheets.find((s) => s.name === t.sheet);
    let n = 0;
    if (sheet) {
      for (let r = t.firstDataRow - 1; r <= t.lastDataRow - 1; r++) {
        const kind = classifyRow(sheet, t, r);
        if (kind === 'candidate' || kind === 'nameless') n++;
      }
    }
    return n;
  });
  const total = rows.reduce((a, b) => a + b, 0);
  if (total <= ROWS_JUDGED_MAX) return null;
  const largest = tables[rows.indexOf(Math.max(...rows))];
  const list = tables.map((t, i) => `${t.sheet}: ${rows[i]}`).join('; ');
  return { severity: 'error', sheet: largest.sheet, cell: null, code: 'limit.tableRows', params: { rows: total, limit: ROWS_JUDGED_MAX, tables: list } };
}

function judge(grid: Grid, tables: DetectedTable[], issues: Issue[], profile: Profile, options: CheckOptions): CheckResult {
  const found: Issue[] = [...issues];
  const candidates = evaluate(grid, tables, profile, found, { meetingVoters: options.meetingVoters });
  applyLawChecks(candidates, profile, found);
  if (options.competence) outsideCompetence(candidates, options.competence, found);
  const council = applyMeeting(candidates, profile, options.meeting, found);
  const { quotas, ties } = rankAndAward(candidates, profile, found, council.rank);
  const questions: CouncilQuestion[] = [
    ...council.openInitiatives.map((q) => ({ type: 'initiative' as const, ...q })),
    ...ties.map((t) => ({ type: 'tie' as const, ...t })),
    ...quotas.filter((q) => q.overflow > 0).map((q) => ({ type: 'overflow' as const, kind: q.kind, awardId: q.awardId, count: q.used, quota: q.quota })),
  ];
  const decisions = council.decisions.concat(
    candidates.filter((c) => c.councilPlaced).map((c) => ({ type: 'place' as const, candidate: c.name, kind: c.kind, award: c.award })),
    candidates.filter((c) => c.councilDropped).map((c) => ({ type: 'drop' as const, candidate: c.name, kind: c.kind, reason: dropReason(options.meeting, c.name) })),
  );
  const history = readHistory(grid);
  found.push(...history.issues, ...historyNearMisses(history.history, candidates));
  found.push(...alreadyAwardedIssues(history.history, candidates, profile, options.awardContext ?? {}));
  return {
    profileName: profile.name,
    tables: tables.map(({ fieldCols: _c, positionAndUnit: _p, ...info }) => info),
    candidates,
    issues: found,
    quotas,
    ties,
    history: history.history,
    questions,
    decisions,
    meeting: council.applied ? options.meeting ?? null : null,
    meetingRefused: !!options.meeting && !council.applied,
  };
}

function dropReason(meeting: CouncilMeeting | undefined, name: string): string | undefined {
  const key = nameKey(name);
  const d = meeting?.decisions?.find((x) => x.type === 'drop' && nameKey(x.candidate) === key);
  return d && d.type === 'drop' ? d.reason : undefined;
}
