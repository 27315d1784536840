/** Summaries of a result shared by the CLI, the result sheet and the task pane. */
import type { Kind, Lang } from './ids';
import { KINDS } from './ids';
import { labels, shortAwardLabel } from './messages/render';
import type { Profile } from './profile';
import type { Candidate, CheckResult } from './result';

export type Verdict = 'eligible' | 'fail' | 'unknown' | 'duplicate';

export function verdictOf(c: Candidate): Verdict {
  if (c.duplicate) return 'duplicate';
  if (c.eligible) return 'eligible';
  // Dissolved or merged (TT 15/2025/TT-BNV): not proposed whatever its figures; the reason is an issue on its name.
  if (c.dissolved) return 'fail';
  return c.criteria.some((x) => x.outcome === 'fail') ? 'fail' : 'unknown';
}

export function awardLabel(profile: Profile, id: string | null): string {
  return profile.awards.find((a) => a.id === id)?.label ?? '';
}

/**
 * "Giấy khen: 10/10 tập thể, 7/10 cá nhân" — one line per award. An award with a quota of 0 that
 * nobody holds says "chưa đặt chỉ tiêu" (no quota set) instead of reading like a result of 0/0.
 */
export function quotaLines(result: CheckResult, profile: Profile, lang: Lang): string[] {
  const L = labels(lang);
  return profile.awards.map((a) => {
    const parts: string[] = [];
    const unset: string[] = [];
    for (const k of KINDS as readonly Kind[]) {
      const q = result.quotas.find((x) => x.awardId === a.id && x.kind === k);
      const quota = q?.quota ?? a.quota[k];
      const used = q?.used ?? 0;
      if (quota === 0 && used === 0) unset.push(L.kindPlural[k]);
      else parts.push(L.quotaPart(used, quota, L.kindPlural[k], q?.overflow ?? 0));
    }
    if (unset.length === KINDS.length) return L.quotaLine(shortAwardLabel(a.label), L.noQuota(''));
    if (unset.length) parts.push(L.noQuota(unset.join(', ')));
    return L.quotaLine(shortAwardLabel(a.label), parts.join(', '));
  });
}

export function tieLines(result: CheckResult, profile: Profile, lang: Lang): string[] {
  const L = labels(lang);
  return result.ties.map((t) => L.tieLine(shortAwardLabel(awardLabel(profile, t.awardId)), L.kindPlural[t.kind], t.rank, t.places, t.names.join(', ')));
}

/**
 * What the council must still decide, one line each: initiatives claimed twice (whose is it?),
 * ties at a quota cut (who takes the place?), pins over the quota (who is dropped?).
 */
export function questionLines(result: CheckResult, profile: Profile, lang: Lang): string[] {
  const L = labels(lang);
  const questions = result.questions ?? result.ties.map((t) => ({ type: 'tie' as const, ...t }));
  return questions.map((q) => {
    switch (q.type) {
      case 'initiative':
        return L.council.questionInitiative(q.initiative, q.names.join(', '));
      case 'tie':
        return L.tieLine(shortAwardLabel(awardLabel(profile, q.awardId)), L.kindPlural[q.kind], q.rank, q.places, q.names.join(', '));
      case 'overflow':
        return L.council.questionOverflow(shortAwardLabel(awardLabel(profile, q.awardId)), L.kindPlural[q.kind].toLocaleLowerCase(lang), q.count, q.quota);
    }
  });
}

/** Candidates in display order: kind, then rank (unranked after), then worksheet order. */
export function displayOrder(candidates: Candidate[]): Candidate[] {
  const kindOrder = (k: Kind) => (k === 'collective' ? 0 : 1);
  return [...candidates].sort((a, b) => {
    if (a.kind !== b.kind) return kindOrder(a.kind) - kindOrder(b.kind);
    const ra = a.rank ?? Number.MAX_SAFE_INTEGER;
    const rb = b.rank ?? Number.MAX_SAFE_INTEGER;
    if (ra !== rb) return ra - rb;
    if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
    return a.row - b.row;
  });
}
