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
import { findTables } from './tables';

export interface CheckOptions {
  profile?: Profile;
  overrides?: MappingOverride[];
  /** Voters at the review meeting, when vote rows carry no total. */
  meetingVoters?: number;
  /** Sheets the product wrote (the result sheet as the workbook state names it): never tables. */
  ourSheets?: string[];
  /** The year and movement judged (saved facts): a proposal for an award already received is warned. */
  awardContext?: AwardContext;
  /** A two-tier grantor (preset xa-phuong-2026): candidates outside its management are taken out. */
  competence?: CompetenceContext;
}

export function check(grid: Grid, options: CheckOptions = {}): CheckResult {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const { tables, issues } = findTables(grid, options.overrides ?? [], options.ourSheets ?? []);
  const found: Issue[] = [...issues];
  const candidates = evaluate(grid, tables, profile, found, { meetingVoters: options.meetingVoters });
  applyLawChecks(candidates, profile, found);
  if (options.competence) outsideCompetence(candidates, options.competence, found);
  const { quotas, ties } = rankAndAward(candidates, profile, found);
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
  };
}
