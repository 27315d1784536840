/** The review list's filters: all / eligible / failing / data problems (addin.md). */
import { parseA1, type Candidate, type Issue, verdictOf } from '../core';

export type Filter = 'all' | 'eligible' | 'failing' | 'problems';
export const FILTERS: readonly Filter[] = ['all', 'eligible', 'failing', 'problems'];

/** Data problems reported on the candidate's own row (duplicates, unreadable values, pins). */
export function issuesOfCandidate(c: Candidate, issues: Issue[]): Issue[] {
  return issues.filter((i) => i.sheet === c.sheet && i.cell !== null && parseA1(i.cell)?.row === c.row - 1);
}

export function hasDataProblem(c: Candidate, issues: Issue[]): boolean {
  return c.duplicate || c.criteria.some((x) => x.outcome === 'unknown') || issuesOfCandidate(c, issues).length > 0;
}

export function matchesFilter(c: Candidate, filter: Filter, issues: Issue[]): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'eligible':
      return verdictOf(c) === 'eligible';
    case 'failing':
      // Not eligible because a criterion is not met (missing data alone is "data problems").
      return c.criteria.some((x) => x.outcome === 'fail') || c.duplicate;
    case 'problems':
      return hasDataProblem(c, issues);
  }
}
