/**
 * The council meeting applied to the evaluation, one function for every adapter (check, the pane,
 * the dossier, the Quyết định, the Giấy khen): the votes (a criterion with the profile's
 * voteThreshold, and the first ranking key) and the council's decisions — who owns an initiative
 * claimed twice, who takes a tied or last place, who is dropped over the quota.
 *
 * A meeting with an impossible count (more votes or members present than the council has, a
 * candidate voted twice, a name that is no candidate) is refused as a whole: none of it is applied,
 * and every problem names where it is (the JSON path, or the cell of the sheet "Kiểm phiếu").
 */
import type { Kind } from './ids';
import type { Profile } from './profile';
import type { Candidate, CriterionResult, Issue, Message } from './result';
import { sharedInitiativeGroups, initiativeKey } from './lawChecks';
import { someOthers } from './text';
import { comparePoints } from './values';
import { meetingVoters } from './votes';

export type { MeetingPlace, MeetingVote, CouncilDecision, CouncilMeeting, AppliedDecision, CouncilQuestion } from './meetingShape';
import type { MeetingPlace, MeetingVote, CouncilDecision, CouncilMeeting, AppliedDecision } from './meetingShape';

/** The decisions that shape the ranking: by candidate. */
export interface RankDecisions {
  place: Map<Candidate, string | undefined>;
  drop: Set<Candidate>;
}

export interface MeetingOutcome {
  /** False when the meeting was refused (problems in `issues`); nothing of it was applied. */
  applied: boolean;
  decisions: AppliedDecision[];
  rank: RankDecisions;
  /** Shared initiatives the council has not decided (one entry per group whose members could be proposed). */
  openInitiatives: { initiative: string; names: string[] }[];
}

/** Names as the meeting writes them: Unicode form, spaces, letter case. */
export function nameKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
}

function place(at: MeetingPlace | undefined, path: string): { sheet: string; cell: string | null; where: string } {
  return at ? { sheet: at.sheet, cell: at.cell, where: `${at.sheet}!${at.cell}` } : { sheet: '', cell: null, where: path };
}

function problem(at: MeetingPlace | undefined, path: string, code: Message['code'], params: Message['params']): Issue {
  const p = place(at, path);
  return { severity: 'error', sheet: p.sheet, cell: p.cell, code, params: { ...params, where: p.where } };
}

/** Every impossible count or unknown name of the meeting, each naming where it is. */
export function meetingProblems(meeting: CouncilMeeting, candidates: Candidate[]): Issue[] {
  const out: Issue[] = [...(meeting.readProblems ?? [])];
  const total = meeting.membersTotal;
  const present = meeting.membersPresent;
  if (present !== undefined && total !== undefined && present > total) {
    out.push(problem(meeting.at?.membersPresent, 'meeting.membersPresent', 'meeting.presentOverTotal', { present, total }));
  }
  const byName = candidateIndex(candidates);
  const seen = new Map<string, number>();
  (meeting.votes ?? []).forEach((v, i) => {
    const path = `meeting.votes[${i}]`;
    const key = nameKey(v.candidate);
    const found = byName.get(key);
    if (!found) out.push(problem(v.at, `${path}.candidate`, 'meeting.unknownCandidate', { name: v.candidate }));
    else if (found.length > 1) out.push(problem(v.at, `${path}.candidate`, 'meeting.ambiguousCandidate', { name: v.candidate }));
    const first = seen.get(key);
    if (first !== undefined) out.push(problem(v.at, `${path}.candidate`, 'meeting.duplicateVote', { name: v.candidate, first: (meeting.votes![first].at ? `${meeting.votes![first].at!.sheet}!${meeting.votes![first].at!.cell}` : `meeting.votes[${first}]`) }));
    else seen.set(key, i);
    if (total !== undefined && v.agree > total) out.push(problem(v.at, `${path}.agree`, 'meeting.votesOverMembers', { name: v.candidate, agree: v.agree, total }));
    if (v.total !== undefined && total !== undefined && v.total > total) out.push(problem(v.at, `${path}.total`, 'meeting.votersOverMembers', { name: v.candidate, voters: v.total, total }));
    if (v.total !== undefined && v.agree > v.total) out.push(problem(v.at, `${path}.agree`, 'meeting.votesOverVoters', { name: v.candidate, agree: v.agree, voters: v.total }));
  });
  (meeting.decisions ?? []).forEach((d, i) => {
    const path = `meeting.decisions[${i}]`;
    const who = d.type === 'initiative' ? d.owner : d.candidate;
    const found = byName.get(nameKey(who));
    if (!found) out.push(problem(d.at, `${path}.${d.type === 'initiative' ? 'owner' : 'candidate'}`, 'meeting.unknownCandidate', { name: who }));
    else if (found.length > 1) out.push(problem(d.at, `${path}.${d.type === 'initiative' ? 'owner' : 'candidate'}`, 'meeting.ambiguousCandidate', { name: who }));
  });
  return out;
}

function candidateIndex(candidates: Candidate[]): Map<string, Candidate[]> {
  const byName = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (c.duplicate) continue;
    const key = nameKey(c.name);
    const list = byName.get(key);
    if (list) list.push(c);
    else byName.set(key, [c]);
  }
  return byName;
}

function otherwiseEligible(c: Candidate, except: string): boolean {
  return !c.duplicate && !c.dissolved && c.criteria.length > 0 && c.criteria.every((x) => x.id === except || x.outcome === 'pass');
}

function votesCriterion(c: Candidate, agree: number, total: number, profile: Profile, at: MeetingPlace | undefined): CriterionResult | null {
  const share = Math.round(((agree * 100) / total) * 1e9) / 1e9;
  c.facts.votesAgree = agree;
  c.facts.votesTotal = total;
  c.facts.voteShare = share;
  if (profile.voteThreshold === null) return null;
  const cmp = comparePoints(share, profile.voteThreshold);
  const pass = profile.voteInclusive ? cmp >= 0 : cmp > 0;
  return {
    id: 'votes', outcome: pass ? 'pass' : 'fail', value: share, sheet: at?.sheet ?? c.sheet, cell: at?.cell ?? null, inherited: false,
    reason: { code: pass ? 'crit.votes.pass' : 'crit.votes.fail', params: { agree, total, value: share, threshold: profile.voteThreshold, op: profile.voteInclusive ? '≥' : '>' } },
  };
}

function setCriterion(c: Candidate, x: CriterionResult): void {
  const i = c.criteria.findIndex((y) => y.id === x.id);
  if (i >= 0) c.criteria[i] = x;
  else c.criteria = [...c.criteria, x];
}

/**
 * Applies the meeting to the evaluated candidates, in place: votes, then the owners of shared
 * initiatives, then eligibility again. The place and drop decisions are returned for the ranking.
 * `issues` receives the meeting's problems (then nothing is applied) and loses the warnings of
 * initiatives the council has settled.
 */
export function applyMeeting(candidates: Candidate[], profile: Profile, meeting: CouncilMeeting | undefined, issues: Issue[]): MeetingOutcome {
  const outcome: MeetingOutcome = { applied: false, decisions: [], rank: { place: new Map(), drop: new Set() }, openInitiatives: [] };
  const groups = sharedInitiativeGroups(candidates);
  const refused = meeting ? meetingProblems(meeting, candidates) : [];
  if (refused.length) issues.push(...refused);
  const m = meeting && !refused.length ? meeting : undefined;
  const byName = candidateIndex(candidates);
  const one = (name: string) => byName.get(nameKey(name))?.[0];

  if (m) {
    outcome.applied = true;
    const voters = meetingVoters(m, profile.voteBase);
    const counted = new Set<Candidate>();
    for (const v of m.votes ?? []) {
      const c = one(v.candidate)!;
      counted.add(c);
      // A vote column of the workbook wins (criteria.md: the row's own count).
      if (c.facts.voteShare !== undefined && c.criteria.some((x) => x.id === 'votes' && x.sheet === c.sheet && x.cell)) continue;
      if (c.facts.voteShare !== undefined && profile.voteThreshold === null) continue;
      const total = v.total ?? voters;
      if (!total) {
        if (profile.voteThreshold !== null) setCriterion(c, { id: 'votes', outcome: 'unknown', value: null, sheet: v.at?.sheet ?? c.sheet, cell: v.at?.cell ?? null, inherited: false, reason: { code: 'crit.votes.noTotal', params: {} } });
        continue;
      }
      const x = votesCriterion(c, v.agree, total, profile, v.at);
      if (x) setCriterion(c, x);
    }
    // With a threshold, a candidate the council did not vote on cannot be proposed: said, not guessed.
    if (profile.voteThreshold !== null && (m.votes?.length ?? 0) > 0) {
      for (const c of candidates) {
        if (counted.has(c) || c.criteria.some((x) => x.id === 'votes')) continue;
        if (!otherwiseEligible(c, 'votes')) continue;
        setCriterion(c, { id: 'votes', outcome: 'unknown', value: null, sheet: c.sheet, cell: null, inherited: false, reason: { code: 'crit.votes.none', params: {} } });
      }
    }
  }

  // Shared initiatives: the council's owner keeps it; the others lose it as a criterion.
  const decided = new Set<Candidate>();
  for (const group of groups) {
    const d = m?.decisions?.find((x): x is Extract<CouncilDecision, { type: 'initiative' }> => x.type === 'initiative' && initiativeKey(x.initiative) === group.key && group.members.some((c) => nameKey(c.name) === nameKey(x.owner)));
    if (d) {
      const owner = group.members.find((c) => nameKey(c.name) === nameKey(d.owner))!;
      const others = group.members.filter((c) => c !== owner);
      for (const c of others) {
        const x = c.criteria.find((y) => y.id === 'initiative');
        if (x) setCriterion(c, { ...x, outcome: 'fail', value: false, pending: undefined, reason: { code: 'crit.initiative.owned', params: { text: c.facts.initiative ?? '', owner: owner.name } } });
      }
      for (const c of group.members) decided.add(c);
      outcome.decisions.push({ type: 'initiative', initiative: owner.facts.initiative?.trim() ?? d.initiative, owner: owner.name, others: others.map((c) => c.name) });
      continue;
    }
    for (const c of group.members) {
      const x = c.criteria.find((y) => y.id === 'initiative');
      const others = someOthers(group.members, c, (o) => o.name, '; ');
      if (x && x.outcome === 'pass') setCriterion(c, { ...x, pending: { code: 'crit.initiative.shared', params: { others } } });
    }
    // A question only where it decides something: a claimant who meets every criterion.
    if (group.members.some((c) => otherwiseEligible(c, ''))) {
      outcome.openInitiatives.push({ initiative: group.members[0].facts.initiative!.trim(), names: group.members.map((c) => c.name) });
    }
  }
  if (decided.size) {
    // The reuse warning asked the council to decide: it has.
    for (let i = issues.length - 1; i >= 0; i--) {
      const is = issues[i];
      if (is.code === 'initiative.reused' && [...decided].some((c) => c.sheet === is.sheet && c.name === is.params.name)) issues.splice(i, 1);
    }
  }

  for (const c of candidates) c.eligible = c.criteria.length > 0 && c.criteria.every((x) => x.outcome === 'pass') && !c.dissolved;

  for (const d of m?.decisions ?? []) {
    if (d.type === 'initiative') continue;
    const c = one(d.candidate)!;
    if (d.type === 'place') outcome.rank.place.set(c, d.award);
    else outcome.rank.drop.add(c);
  }
  return outcome;
}

const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * The meeting of facts saved in the workbook (the pane's form) or given beside it, taken as far as
 * it is well formed (the documents validate the facts themselves, with every problem by path).
 */
export function savedMeeting(facts: unknown): CouncilMeeting | undefined {
  const m = facts && typeof facts === 'object' ? (facts as { meeting?: unknown }).meeting : undefined;
  return meetingOf(m);
}

/** A meeting object (the facts' `meeting`) as the core reads it. */
export function meetingOf(m: unknown): CouncilMeeting | undefined {
  if (!m || typeof m !== 'object' || Array.isArray(m)) return undefined;
  const o = m as Record<string, unknown>;
  const out: CouncilMeeting = { ...o };
  out.membersPresent = int(o.membersPresent);
  out.membersTotal = int(o.membersTotal);
  out.method = str(o.method);
  if (Array.isArray(o.votes)) {
    out.votes = o.votes.flatMap((v): MeetingVote[] => {
      const x = v as Record<string, unknown>;
      const candidate = str(x?.candidate);
      const agree = int(x?.agree);
      return candidate && agree !== undefined ? [{ candidate, agree, ...(int(x.total) !== undefined ? { total: int(x.total) } : {}) }] : [];
    });
  } else delete out.votes;
  if (Array.isArray(o.decisions)) out.decisions = o.decisions.flatMap((d) => decisionOf(d));
  else delete out.decisions;
  return out;
}

function decisionOf(d: unknown): CouncilDecision[] {
  const x = (d ?? {}) as Record<string, unknown>;
  if (x.type === 'initiative' && str(x.initiative) && str(x.owner)) return [{ type: 'initiative', initiative: str(x.initiative)!, owner: str(x.owner)! }];
  if (x.type === 'place' && str(x.candidate)) return [{ type: 'place', candidate: str(x.candidate)!, ...(str(x.award) ? { award: str(x.award) } : {}) }];
  if (x.type === 'drop' && str(x.candidate)) return [{ type: 'drop', candidate: str(x.candidate)!, ...(str(x.reason) ? { reason: str(x.reason) } : {}) }];
  return [];
}
