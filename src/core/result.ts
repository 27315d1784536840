/**
 * What the core decides: tables found, candidates with their outcomes, ranking, data problems.
 * Messages are data (code + params) and rendered per locale by messages/ (never inline).
 */
import type { AwardHistory } from './historyShape';
import type { CriterionId, Field, Kind, Outcome } from './ids';
import type { Issue, Message } from './messages/codes';
import type { AppliedDecision, CouncilMeeting, CouncilQuestion } from './meetingShape';

export type { Issue, Message, MessageCode, Severity } from './messages/codes';
export type { Params as MessageParams } from './messages/codes';

export interface TableInfo {
  sheet: string;
  kind: Kind;
  /** 1-based worksheet row of the (last) header row. */
  headerRow: number;
  /** How many header rows (1, or 2 for a parent/child header). */
  headerRows: number;
  /** 1-based rows of the first and last candidate-bearing rows scanned. */
  firstDataRow: number;
  lastDataRow: number;
  /** Field → column letter. */
  columns: Partial<Record<Field, string>>;
  /** Column letter → the header text as found (parent and child joined). */
  headers: Record<string, string>;
}

export type CriterionValue = number | string | boolean | null;

export interface CriterionResult {
  id: CriterionId;
  outcome: Outcome;
  /** Rate in percentage points, rating label, boolean, or null. */
  value: CriterionValue;
  /** Where the value was read (the unit's row for inherited values). */
  sheet: string;
  cell: string | null;
  /** True when an individual's value came from their unit's row. */
  inherited: boolean;
  /**
   * Why, as a message. Rate and rating reasons are shared by every row with the same rule and leave
   * the value out: render criterionMessage(c), which puts the criterion's value back.
   */
  reason: Message;
  /**
   * Met, but a question for the council stays open on it (an initiative claimed by another
   * candidate too): shown as "!", never as a green ✓, and said in the reasons.
   */
  pending?: Message;
}

/** The message of a criterion's outcome: its reason, with the criterion's value where the reason leaves it out. */
export function criterionMessage(c: CriterionResult): Message {
  const r = c.reason;
  if (r.params.value !== undefined || (typeof c.value !== 'number' && typeof c.value !== 'string')) return r;
  return { code: r.code, params: { ...r.params, value: c.value } };
}

/** The facts of a candidate that the dossier needs, as read from the row. */
export interface CandidateFacts {
  position?: string;
  unit?: string;
  birthYear?: string;
  gender?: string;
  hometown?: string;
  qualification?: string;
  achievement?: string;
  initiative?: string;
  initiativeRecognition?: string;
  /** Parsed indicators (percentage points / ladder label / score). */
  taskCompletion?: number;
  parRating?: string;
  parScore?: number;
  sipas?: number;
  onTime?: number;
  votesAgree?: number;
  votesTotal?: number;
  /** votesAgree / votesTotal in percentage points. */
  voteShare?: number;
  /** A collective's share of women, in percentage points (column "Tỷ lệ nữ"). */
  womenShare?: number;
  /** The "giải thể / sáp nhập" cell as written, when the unit is marked so. */
  dissolved?: string;
}

export interface Candidate {
  kind: Kind;
  name: string;
  sheet: string;
  /** 1-based worksheet row. */
  row: number;
  nameCell: string;
  facts: CandidateFacts;
  /** For individuals: the matched unit's name, when found. */
  matchedUnit?: string;
  criteria: CriterionResult[];
  eligible: boolean;
  /** Award pinned by "Hình thức đề nghị", as an award id. */
  pinnedAward: string | null;
  /** The same name twice in the table: never proposed. */
  duplicate: boolean;
  rank: number | null;
  award: string | null;
  overQuota: boolean;
  tiedAtCutoff: boolean;
  /** A unit dissolved or merged in the reorganisation: never proposed (TT 15/2025/TT-BNV); why. */
  dissolved?: string;
  /** The council took this candidate off (over the quota, or a tie it settled the other way). */
  councilDropped?: boolean;
  /** The council gave this candidate a tied or last place. */
  councilPlaced?: boolean;
}

export interface QuotaLine {
  awardId: string;
  kind: Kind;
  used: number;
  quota: number;
  /** Pinned candidates beyond the quota (reported, not hidden). */
  overflow: number;
}

export interface Tie {
  kind: Kind;
  /** The award whose last place is contested. */
  awardId: string;
  rank: number;
  /** Places still free in that award when the tie was met. */
  places: number;
  names: string[];
}

export interface CheckResult {
  profileName: string;
  tables: TableInfo[];
  candidates: Candidate[];
  issues: Issue[];
  quotas: QuotaLine[];
  ties: Tie[];
  /** The sheet "Lịch sử khen thưởng" (past awards, for the report's section III), when there is one. */
  history?: AwardHistory | null;
  /** What the council still has to decide (shared initiatives, ties at a cut, pins over the quota). */
  questions?: CouncilQuestion[];
  /** The council's decisions as applied (the Biên bản says "Hội đồng thống nhất …"). */
  decisions?: AppliedDecision[];
  /** The meeting that was applied (votes, members, method), or null: none, or refused (its problems are errors in `issues`). */
  meeting?: CouncilMeeting | null;
  /** True when a meeting was given but refused for impossible counts or unknown names. */
  meetingRefused?: boolean;
}
