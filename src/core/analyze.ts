/**
 * One call for the adapters: the profile and overrides saved in the workbook, the check, and the
 * annotation plan. The add-in and the CLI both go through here, so they give the same answer.
 */
import type { AnnotationPlan } from './annotationPlan';
import { planAnnotations } from './annotate';
import { check } from './check';
import type { Grid } from './grid';
import type { Lang } from './ids';
import { DEFAULT_PROFILE, mergeProfile, type Profile, type ProfileProblem } from './profile';
import type { CheckResult } from './result';
import { readState, type MappingOverride, type WorkbookState } from './state';

export interface Analysis {
  profile: Profile;
  state: WorkbookState;
  result: CheckResult;
  plan: AnnotationPlan;
  /** Problems of a profile saved in the workbook (then the default profile is used). */
  profileProblems: ProfileProblem[];
}

export interface AnalyzeOptions {
  /** A profile given by the caller (CLI --profile) wins over the one saved in the workbook. */
  profile?: Profile;
  lang: Lang;
  meetingVoters?: number;
}

function meetingVotersFrom(state: WorkbookState): number | undefined {
  const facts = state.facts as { meeting?: { membersPresent?: unknown } } | undefined;
  const n = facts?.meeting?.membersPresent;
  return typeof n === 'number' && n > 0 ? n : undefined;
}

export function analyze(grid: Grid, opts: AnalyzeOptions): Analysis {
  const state = readState(grid);
  let profile = opts.profile;
  let profileProblems: ProfileProblem[] = [];
  if (!profile && state.profile !== undefined) {
    // The saved profile is a cli.md --profile JSON merged over the default: a complete profile
    // (what the add-in saves) gives itself back, a hand-written partial one works too.
    const parsed = mergeProfile(state.profile, DEFAULT_PROFILE, opts.lang);
    if (parsed.ok) profile = parsed.profile;
    else profileProblems = parsed.problems;
  }
  profile = profile ?? DEFAULT_PROFILE;
  const overrides = Array.isArray(state.overrides) ? (state.overrides as MappingOverride[]) : [];
  const written = (state.annotationBackup as { resultSheet?: unknown } | undefined)?.resultSheet;
  const ourSheets = typeof written === 'string' ? [written] : [];
  const result = check(grid, { profile, overrides, meetingVoters: opts.meetingVoters ?? meetingVotersFrom(state), ourSheets });
  const chosen = profile;
  let plan: AnnotationPlan | undefined;
  return {
    profile,
    state,
    result,
    profileProblems,
    // Built on first use: `thidua check` without --annotate never needs it.
    get plan() {
      plan ??= planAnnotations(result, chosen, opts.lang);
      return plan;
    },
  };
}
