/**
 * What recording the issued decision(s) in the award history means, for the CLI and the add-in
 * alike: every decision checked against the history first (one already there is refused), the
 * accepted ones in one plan (core/awardRecord.ts) that each adapter applies.
 */
import { planRecord, type RecordPlan, type Profile, type CheckResult } from '..';
import { issuedDecisions } from './decision';
import type { Facts } from './facts';

export interface Refused { decision: string; rows: number[] }

export type RecordOutcome =
  | { ok: true; plan: RecordPlan; recorded: { decision: string; count: number }[]; refused: Refused[] }
  | { ok: false; reason: 'incomplete'; missing: string[] }
  | { ok: false; reason: 'nothing' }
  | { ok: false; reason: 'alreadyRecorded'; refused: Refused[] };

export function planDecisionRecord(result: CheckResult, profile: Profile, facts: Facts, sheetNames: string[]): RecordOutcome {
  const issued = issuedDecisions(result, profile, facts);
  if (!issued.ok) return { ok: false, reason: 'incomplete', missing: issued.missing };
  if (!issued.decisions.length) return { ok: false, reason: 'nothing' };
  const history = result.history ?? null;
  const refused: Refused[] = [];
  const accepted = issued.decisions.filter((d) => {
    const r = planRecord(history, d.awards, sheetNames);
    if (!r.ok && r.reason === 'alreadyRecorded') refused.push({ decision: r.decision, rows: r.rows });
    return r.ok;
  });
  if (!accepted.length) return { ok: false, reason: 'alreadyRecorded', refused };
  const all = planRecord(history, accepted.flatMap((d) => d.awards), sheetNames);
  if (!all.ok) return { ok: false, reason: 'nothing' };
  return { ok: true, plan: all.plan, recorded: accepted.map((d) => ({ decision: d.number, count: d.awards.length })), refused };
}

/** "2–20, 25" */
export function rowRanges(rows: number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return out.join(', ');
}
