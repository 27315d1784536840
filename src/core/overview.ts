/**
 * The picture at a glance: how many candidates of each kind meet the criteria, fail, lack data,
 * are over the quota or tied at the cut; how much of each award's quota is used (and which awards
 * have no quota at all); which criteria fail most. Pure, shared by the task pane (top of "Xét
 * tiêu chí"), the quick-check dialog and the result sheet the council reads.
 */
import { CRITERION_IDS, KINDS, type CriterionId, type Kind, type Lang } from './ids';
import { criterionLabel, labels, shortAwardLabel, text } from './messages/render';
import type { Profile } from './profile';
import type { CheckResult } from './result';
import type { ResultCell } from './annotationPlan';
import { verdictOf } from './summary';

export interface KindCounts {
  total: number;
  /** Meet every criterion (proposed, over the quota or tied included). */
  eligible: number;
  proposed: number;
  /** A criterion not met, or the same name twice. */
  failing: number;
  /** No criterion failed, but one could not be judged (missing or unreadable data). */
  missing: number;
  overQuota: number;
  tied: number;
}

export interface AwardUse {
  awardId: string;
  label: string;
  kind: Kind;
  used: number;
  quota: number;
  overflow: number;
  /** False when the profile gives this award no place for this kind (quota 0) and nobody holds one. */
  quotaSet: boolean;
}

export interface CriterionFailures {
  id: CriterionId;
  fail: number;
  unknown: number;
  /** Candidates judged on this criterion. */
  judged: number;
}

export interface Overview {
  kinds: Record<Kind, KindCounts>;
  awards: AwardUse[];
  /** Criteria with at least one fail or unknown, most failed first (then most unknown). */
  failing: CriterionFailures[];
  /** Questions the council still has to decide (shared initiatives, ties, pins over the quota). */
  questions: number;
}

const emptyCounts = (): KindCounts => ({ total: 0, eligible: 0, proposed: 0, failing: 0, missing: 0, overQuota: 0, tied: 0 });

export function overview(result: CheckResult, profile: Profile): Overview {
  const kinds: Record<Kind, KindCounts> = { collective: emptyCounts(), individual: emptyCounts() };
  const perCriterion = new Map<CriterionId, CriterionFailures>();
  for (const c of result.candidates) {
    const k = kinds[c.kind];
    k.total++;
    const v = verdictOf(c);
    if (v === 'eligible') k.eligible++;
    else if (v === 'unknown') k.missing++;
    else k.failing++;
    if (c.award) k.proposed++;
    if (c.overQuota) k.overQuota++;
    if (c.tiedAtCutoff) k.tied++;
    for (const x of c.criteria) {
      const entry = perCriterion.get(x.id) ?? { id: x.id, fail: 0, unknown: 0, judged: 0 };
      entry.judged++;
      if (x.outcome === 'fail') entry.fail++;
      else if (x.outcome === 'unknown') entry.unknown++;
      perCriterion.set(x.id, entry);
    }
  }
  const awards: AwardUse[] = [];
  for (const a of profile.awards) {
    for (const kind of KINDS) {
      const q = result.quotas.find((x) => x.awardId === a.id && x.kind === kind);
      const quota = q?.quota ?? a.quota[kind];
      const used = q?.used ?? 0;
      awards.push({ awardId: a.id, label: a.label, kind, used, quota, overflow: q?.overflow ?? 0, quotaSet: quota > 0 || used > 0 });
    }
  }
  const order = (id: CriterionId) => CRITERION_IDS.indexOf(id);
  const failing = [...perCriterion.values()]
    .filter((x) => x.fail + x.unknown > 0)
    .sort((a, b) => b.fail - a.fail || b.unknown - a.unknown || order(a.id) - order(b.id));
  return { kinds, awards, failing, questions: result.questions?.length ?? 0 };
}

export interface OverviewBlock {
  /** Rows of cells (label, then numbers per column), written below the result table. */
  rows: ResultCell[][];
  /** 0-based rows of `rows` holding the criteria table (header row first), for a chart; null when empty. */
  criteriaRows: { header: number; first: number; last: number } | null;
  /** Title of the chart of the criteria failed most. */
  chartTitle: string;
}

/** The overview as result-sheet rows: counts per kind, quota use per award, criteria failed most. */
export function overviewRows(ov: Overview, lang: Lang): OverviewBlock {
  const T = text(lang).overviewSheet;
  const L = labels(lang);
  const rows: ResultCell[][] = [[T.heading, L.kind.collective, L.kind.individual]];
  const keys = ['eligible', 'proposed', 'failing', 'missing', 'overQuota', 'tied', 'total'] as const;
  for (const key of keys) rows.push([T.rows[key], ov.kinds.collective[key], ov.kinds.individual[key]]);
  if (ov.questions) rows.push([T.questions(ov.questions)]);
  rows.push([]);
  rows.push([T.quotaHeading, L.kind.collective, L.kind.individual]);
  const awardIds = [...new Set(ov.awards.map((a) => a.awardId))];
  for (const id of awardIds) {
    const parts = KINDS.map((k) => ov.awards.find((a) => a.awardId === id && a.kind === k)!);
    rows.push([shortAwardLabel(parts[0].label), ...parts.map((a) => (a.quotaSet ? `${a.used}/${a.quota}${a.overflow ? ` (+${a.overflow})` : ''}` : T.noQuota))]);
  }
  rows.push([]);
  if (!ov.failing.length) {
    rows.push([T.criteriaHeading], [T.none]);
    return { rows, criteriaRows: null, chartTitle: T.criteriaHeading };
  }
  const header = rows.length;
  rows.push([T.criteriaHeading, T.fail, T.unknown]);
  for (const x of ov.failing) rows.push([criterionLabel(x.id, lang), x.fail, x.unknown]);
  return { rows, criteriaRows: { header, first: header + 1, last: rows.length - 1 }, chartTitle: T.criteriaHeading };
}
