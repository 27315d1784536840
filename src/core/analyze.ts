/**
 * One call for the adapters: the profile and overrides saved in the workbook, the check, and the
 * annotation plan. The add-in and the CLI both go through here, so they give the same answer.
 */
import type { AnnotationPlan } from './annotationPlan';
import { planAnnotations } from './annotate';
import { awardContextOf } from './awardRecord';
import type { CompetenceContext } from './competence';
import { communeIn } from './dossier/names';
import type { Facts } from './dossier/facts';
import { check } from './check';
import type { Grid } from './grid';
import type { Lang } from './ids';
import { mergeProfile, type Profile, type ProfileProblem } from './profile';
import { resolvePreset, type Preset } from './presets';
import { meetingVoters } from './votes';
import { savedMeeting, type CouncilMeeting } from './meeting';
import { readCountSheet } from './countSheet';

export { meetingVoters } from './votes';
import type { CheckResult, Message } from './result';
import { droppedEntryMessages, parseState, type MappingOverride, type WorkbookState } from './state';

export interface Analysis {
  profile: Profile;
  /** The preset (CLI --preset, else the one saved in the workbook, else ninh-hoa-2022). */
  preset: Preset;
  state: WorkbookState;
  result: CheckResult;
  plan: AnnotationPlan;
  /** Entries of the state sheet that were broken and dropped (the rest of the state is used). */
  stateProblems: Message[];
  /** Problems of a profile saved in the workbook (then the default profile is used). */
  profileProblems: ProfileProblem[];
  /** Problems of the caller's profileInput merged over the preset's profile (the CLI then stops). */
  profileInputProblems: ProfileProblem[];
}

export interface AnalyzeOptions {
  /** A profile given by the caller (CLI --profile) wins over the one saved in the workbook. */
  profile?: Profile;
  /** A --profile file's JSON (partial), merged over the preset's profile. */
  profileInput?: unknown;
  /** A preset id given by the caller (CLI --preset) wins over the one saved in the workbook. */
  preset?: string;
  lang: Lang;
  meetingVoters?: number;
  /**
   * The meeting given beside the workbook (CLI --meeting / --facts): merged, field by field, over
   * the one the workbook carries (the saved facts' meeting, then the sheet "Kiểm phiếu").
   */
  meeting?: CouncilMeeting;
  /** Facts given beside the workbook (CLI --facts): with the saved ones, they name a two-tier grantor's place. */
  facts?: unknown;
}

/** A two-tier grantor's commune or ward, from the preset's, the saved and the given facts (the last naming one wins). */
function competenceOf(twoTier: boolean | undefined, ...sources: unknown[]): CompetenceContext | undefined {
  if (!twoTier) return undefined;
  let place: CompetenceContext['place'];
  for (const s of sources) {
    if (!s || typeof s !== 'object') continue;
    const loc = communeIn(s as Facts);
    if (loc) place = loc;
  }
  return { place };
}

/** The meeting the checks apply: saved facts, then the sheet "Kiểm phiếu", then the given one; none when all are empty. */
export function workbookMeeting(grid: Grid, state: WorkbookState, given: CouncilMeeting | undefined): CouncilMeeting | undefined {
  const layers = [savedMeeting(state.facts), readCountSheet(grid).meeting, given].filter((m): m is CouncilMeeting => !!m);
  if (!layers.length) return undefined;
  const out: CouncilMeeting = {};
  for (const m of layers) {
    for (const [k, v] of Object.entries(m)) if (v !== undefined && k !== 'at' && k !== 'readProblems') out[k] = v;
    // A cell is named only for the counts that still come from it.
    const at = { ...(out.at ?? {}) };
    if (m.membersPresent !== undefined) at.membersPresent = m.at?.membersPresent;
    if (m.membersTotal !== undefined) at.membersTotal = m.at?.membersTotal;
    out.at = at;
    if (m.readProblems) out.readProblems = [...(out.readProblems ?? []), ...m.readProblems];
  }
  return out;
}

export function analyze(grid: Grid, opts: AnalyzeOptions): Analysis {
  const { state, problems: dropped } = parseState(grid);
  const savedProfile = state.profile as { preset?: unknown } | undefined;
  const inputProfile = opts.profileInput as { preset?: unknown } | undefined;
  const preset = resolvePreset(opts.preset, opts.profile?.preset, inputProfile?.preset, state.preset, savedProfile?.preset);
  let profile = opts.profile;
  let profileProblems: ProfileProblem[] = [];
  let profileInputProblems: ProfileProblem[] = [];
  if (!profile && opts.profileInput !== undefined) {
    const parsed = mergeProfile(opts.profileInput, preset.profile, opts.lang);
    if (parsed.ok) profile = parsed.profile;
    else profileInputProblems = parsed.problems;
  }
  if (!profile && state.profile !== undefined && opts.profileInput === undefined) {
    // The saved profile is a cli.md --profile JSON merged over the default: a complete profile
    // (what the add-in saves) gives itself back, a hand-written partial one works too.
    const parsed = mergeProfile(state.profile, preset.profile, opts.lang);
    if (parsed.ok) profile = parsed.profile;
    else profileProblems = parsed.problems;
  }
  profile = profile ?? preset.profile;
  const overrides = Array.isArray(state.overrides) ? (state.overrides as MappingOverride[]) : [];
  const written = (state.annotationBackup as { resultSheet?: unknown } | undefined)?.resultSheet;
  const ourSheets = typeof written === 'string' ? [written] : [];
  const meeting = workbookMeeting(grid, state, opts.meeting);
  const voters = opts.meetingVoters ?? meetingVoters(meeting, profile.voteBase);
  const result = check(grid, { profile, overrides, meetingVoters: voters, ourSheets, awardContext: awardContextOf(state.facts), meeting, competence: competenceOf(preset.twoTier, preset.facts, state.facts, opts.facts) });
  const chosen = profile;
  let plan: AnnotationPlan | undefined;
  return {
    profile,
    preset,
    state,
    result,
    profileProblems,
    profileInputProblems,
    stateProblems: droppedEntryMessages(dropped),
    // Built on first use: `thidua check` without --annotate never needs it.
    get plan() {
      plan ??= planAnnotations(result, chosen, opts.lang, { preparer: typeof meeting?.secretary === 'string' ? meeting.secretary : undefined });
      return plan;
    },
  };
}
