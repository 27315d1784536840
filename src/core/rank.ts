/**
 * Ranking and quotas (criteria.md): per kind, eligible candidates ordered by the profile's keys;
 * the higher award is filled first; pins from "Hình thức đề nghị" count against their award;
 * a tie straddling a quota cut is reported, never broken by name or row order.
 */
import type { Kind, RankingKey } from './ids';
import { KINDS } from './ids';
import type { Profile } from './profile';
import type { Candidate, Issue, QuotaLine, Tie } from './result';
import { comparePoints } from './values';
import { womenKey } from './lawChecks';
import type { RankDecisions } from './meeting';

/** The values compared for one key; a missing value ranks below any present one. */
function keyValues(c: Candidate, key: RankingKey, profile: Profile): number[] {
  const f = c.facts;
  const orMin = (v: number | undefined) => (v === undefined ? -Infinity : v);
  switch (key) {
    case 'votes':
      return [orMin(f.voteShare)];
    case 'parIndex':
      return [f.parRating ? profile.ratingLadder.indexOf(f.parRating) : -Infinity, orMin(f.parScore)];
    case 'sipas':
      return [orMin(f.sipas)];
    case 'onTime':
      return [orMin(f.onTime)];
    case 'taskCompletion':
      return [c.kind === 'collective' ? orMin(f.taskCompletion) : 0];
  }
}

function compareNumbers(a: number, b: number): number {
  if (a === b) return 0;
  if (a === -Infinity) return -1;
  if (b === -Infinity) return 1;
  return comparePoints(a, b);
}

/** Every key's values of a candidate, in the profile's order, in one array. */
function rankingVector(c: Candidate, profile: Profile): number[] {
  const out: number[] = [];
  for (const key of profile.rankingKeys) out.push(...keyValues(c, key, profile));
  // NĐ 152/2025 (article unconfirmed, see docs/profile.md): among candidates equal on every key, women and ≥ 70%-women collectives first.
  if (profile.womenPriority) out.push(womenKey(c));
  return out;
}

function compareVectors(va: number[], vb: number[]): number {
  for (let i = 0; i < va.length; i++) {
    const d = compareNumbers(vb[i], va[i]);
    if (d !== 0) return d;
  }
  return 0;
}

/** Descending comparison on every key in order; 0 means a true tie. */
export function compareCandidates(a: Candidate, b: Candidate, profile: Profile): number {
  return compareVectors(rankingVector(a, profile), rankingVector(b, profile));
}

/**
 * Groups of equal candidates, best first; the sort is stable but ties stay together as a group.
 * The keys are computed once per candidate (a sort compares each many times).
 */
function tieGroups(list: Candidate[], profile: Profile): Candidate[][] {
  const keyed = list.map((c) => ({ c, v: rankingVector(c, profile) }));
  keyed.sort((a, b) => compareVectors(a.v, b.v));
  const groups: { v: number[]; members: Candidate[] }[] = [];
  for (let i = 0; i < keyed.length; i++) {
    const k = keyed[i];
    const last = groups[groups.length - 1];
    if (last && compareVectors(last.v, k.v) === 0) last.members.push(k.c);
    else groups.push({ v: k.v, members: [k.c] });
  }
  return groups.map((g) => g.members);
}

export interface RankOutcome {
  quotas: QuotaLine[];
  ties: Tie[];
}

function quotaOf(profile: Profile, awardId: string, kind: Kind): number {
  return profile.awards.find((a) => a.id === awardId)?.quota[kind] ?? 0;
}

/**
 * Assigns rank, award, overQuota and tiedAtCutoff in place. The council's decisions (meeting.ts)
 * take part: a dropped candidate gets no award; a placed one takes its tied place (or, outside a
 * tie, the last place of the award, pinned — an overflow the council then settles by a drop).
 */
export function rankAndAward(candidates: Candidate[], profile: Profile, issues: Issue[], decisions?: RankDecisions): RankOutcome {
  const quotas: QuotaLine[] = [];
  const ties: Tie[] = [];
  const dropped = (c: Candidate) => !!decisions?.drop.has(c);
  const placedTo = (c: Candidate) => decisions?.place.get(c);
  const placed = (c: Candidate) => !!decisions?.place.has(c);
  for (const kind of KINDS) {
    const pool = candidates.filter((c) => c.kind === kind);
    for (let i = 0; i < pool.length; i++) {
      const c = pool[i];
      c.rank = null;
      c.award = null;
      c.overQuota = false;
      c.tiedAtCutoff = false;
      c.councilDropped = undefined;
      c.councilPlaced = undefined;
      if (c.pinnedAward && !c.eligible) {
        issues.push({ severity: 'warning', sheet: c.sheet, cell: c.nameCell, code: 'award.pinNotEligible', params: { name: c.name } });
      }
    }
    const ranked = pool.filter((c) => c.eligible && !c.duplicate);
    const groups = tieGroups(ranked, profile);
    let position = 1;
    for (const g of groups) {
      for (const c of g) c.rank = position;
      position += g.length;
    }
    for (const c of ranked) {
      if (!dropped(c)) continue;
      c.councilDropped = true;
      c.overQuota = true;
    }

    const used = new Map<string, number>();
    // Pins are the council's decision: they take their award first and count against its quota.
    for (const award of profile.awards) {
      const pinned = ranked.filter((c) => !dropped(c) && (c.pinnedAward === award.id || placedTo(c) === award.id));
      for (const c of pinned) {
        c.award = award.id;
        if (placedTo(c) === award.id) c.councilPlaced = true;
      }
      used.set(award.id, pinned.length);
    }
    const free = (awardId: string) => quotaOf(profile, awardId, kind) - (used.get(awardId) ?? 0);
    const give = (list: Candidate[], awardId: string) => {
      for (const c of list) c.award = awardId;
      used.set(awardId, (used.get(awardId) ?? 0) + list.length);
    };

    let awardIndex = 0;
    let blocked = false; // after a tie at a cut, the council must decide before anyone below is placed
    const queue = groups.map((g) => g.filter((c) => !c.award && !dropped(c)));
    for (let gi = 0; gi < queue.length; gi++) {
      const open = queue[gi];
      if (!open.length) continue;
      if (blocked) {
        for (const c of open) c.overQuota = true;
        continue;
      }
      while (awardIndex < profile.awards.length && free(profile.awards[awardIndex].id) <= 0) awardIndex++;
      if (awardIndex >= profile.awards.length) {
        for (const c of open) c.overQuota = true;
        continue;
      }
      const award = profile.awards[awardIndex];
      const places = free(award.id);
      if (open.length <= places) {
        give(open, award.id);
        continue;
      }
      const chosen = open.filter(placed);
      if (chosen.length && chosen.length <= places) {
        // The council settled the tie: its choice takes the places; the rest go on to the next award.
        give(chosen, award.id);
        for (const c of chosen) c.councilPlaced = true;
        queue.splice(gi + 1, 0, open.filter((c) => !chosen.includes(c)));
        continue;
      }
      for (const c of open) c.tiedAtCutoff = true;
      ties.push({ kind, awardId: award.id, rank: open[0].rank ?? 0, places, names: open.map((c) => c.name) });
      for (const c of open) {
        issues.push({ severity: 'warning', sheet: c.sheet, cell: c.nameCell, code: 'rank.tiedAtCutoff', params: { name: c.name, rank: c.rank ?? 0, places, count: open.length } });
      }
      blocked = true;
    }

    // "Takes the last place" outside a tie: the last award with places for this kind, as a pin.
    const last = [...profile.awards].reverse().find((a) => quotaOf(profile, a.id, kind) > 0);
    for (const c of ranked) {
      if (!placed(c) || c.award || dropped(c) || c.tiedAtCutoff || !last) continue;
      c.award = last.id;
      c.overQuota = false;
      c.councilPlaced = true;
      used.set(last.id, (used.get(last.id) ?? 0) + 1);
    }

    for (const award of profile.awards) {
      const quota = quotaOf(profile, award.id, kind);
      const count = used.get(award.id) ?? 0;
      const overflow = Math.max(0, count - quota);
      quotas.push({ awardId: award.id, kind, used: count, quota, overflow });
      if (overflow > 0) {
        issues.push({ severity: 'warning', sheet: pool[0]?.sheet ?? '', cell: null, code: 'award.pinOverflow', params: { award: award.label, kind, count, quota } });
      }
    }
  }
  return { quotas, ties };
}
