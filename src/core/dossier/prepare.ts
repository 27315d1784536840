/**
 * The one preparation of every document set (dossier, Quyết định, Giấy khen) from a freshly read
 * workbook, shared by the CLI and the task pane so that they cannot disagree:
 * the facts saved in the workbook, then the facts given beside it (CLI --facts, --meeting), each
 * winning field by field; the check with the meeting's voters; then what the caller builds.
 *
 * Broken saved facts (only a hand edit can make them: the pane refuses to save them) are refused
 * in both, with every problem by path — unless the facts given beside the workbook replace every
 * broken field. A dossier of blanks where the user saved their facts would mislead.
 */
import { analyze, meetingOf, type Analysis, type CouncilMeeting, type Grid, type Lang, renderMessage, type Profile, type ProfileProblem, tablesRefused } from '..';
import { amountsOf, buildDecisions, decisionFor, type DecisionModel } from './decision';
import { mergeFacts, missingDecisionFacts, missingFacts, parseFacts, type Facts, type FactsProblem } from './facts';
import { chooseFrame, citationsFor } from './legalFrames';
import { buildDossier, type DossierModel } from './model';

export interface PrepareOptions {
  lang: Lang;
  /** A profile given by the caller (CLI --profile) wins over the one saved in the workbook. */
  profile?: Profile;
  /** A --profile file's JSON, merged over the preset's profile (problems: reason 'profileInvalid'). */
  profileInput?: unknown;
  /** CLI --preset; else the preset saved in the workbook; else ninh-hoa-2022. */
  preset?: string;
  /** Validated facts given beside the workbook, later ones winning (CLI --facts, then --meeting). */
  given?: (Facts | undefined)[];
}

export type Prepared<M = DossierModel> =
  | { ok: true; analysis: Analysis; facts: Facts; model: M; missing: string[] }
  | { ok: false; reason: 'noTables'; message?: string }
  | { ok: false; reason: 'profileInvalid'; problems: ProfileProblem[] }
  | { ok: false; reason: 'factsInvalid'; problems: FactsProblem[] }
  | { ok: false; reason: 'meetingRefused'; problems: FactsProblem[] };

export type Resolved = { ok: true; facts: Facts } | { ok: false; problems: FactsProblem[] };

/** The facts of the documents: saved, then given; broken saved facts only if nothing given mends them. */
export function resolveFacts(saved: unknown, given: (Facts | undefined)[], lang: Lang): Resolved {
  if (saved === undefined || saved === null) return { ok: true, facts: mergeFacts(...given) };
  const parsed = parseFacts(saved, 'facts', lang);
  if (parsed.ok) return { ok: true, facts: mergeFacts(parsed.facts, ...given) };
  if (!given.some(Boolean)) return { ok: false, problems: parsed.problems };
  // The given facts may replace the broken fields: judge what the documents would be made from.
  const raw = saved && typeof saved === 'object' && !Array.isArray(saved) ? (saved as Facts) : {};
  const merged = parseFacts(mergeFacts(raw, ...given), 'facts', lang);
  return merged.ok ? { ok: true, facts: merged.facts } : { ok: false, problems: merged.problems };
}

const first = (f: Facts): Facts => f;

/** The meeting's counts as facts (votes, members, method, decisions), for the documents. */
function countedFacts(m: CouncilMeeting | null | undefined): Facts | undefined {
  if (!m) return undefined;
  const meeting: Record<string, unknown> = {};
  if (m.membersPresent !== undefined) meeting.membersPresent = m.membersPresent;
  if (m.membersTotal !== undefined) meeting.membersTotal = m.membersTotal;
  if (m.method !== undefined) meeting.method = m.method;
  if (m.votes) meeting.votes = m.votes.map(({ candidate, agree, total }) => (total === undefined ? { candidate, agree } : { candidate, agree, total }));
  if (m.decisions) meeting.decisions = m.decisions.map(({ at: _at, ...d }) => d);
  return { meeting } as Facts;
}

/** The analysis and facts every document set starts from. */
export function prepare(grid: Grid, opts: PrepareOptions): Prepared<null> {
  const { lang, profile, profileInput, preset } = opts;
  // The meeting given beside the workbook (--facts, then --meeting) over the workbook's own: one
  // analysis applies it, the same as `thidua check --meeting` and the pane.
  const given = opts.given ?? [];
  const givenMeeting = given.some((f) => f?.meeting) ? meetingOf(mergeFacts(...given).meeting) : undefined;
  const analysis = analyze(grid, { lang, profile, profileInput, preset, meeting: givenMeeting, facts: mergeFacts(...given) });
  if (analysis.profileInputProblems.length) return { ok: false, reason: 'profileInvalid', problems: analysis.profileInputProblems };
  const resolved = resolveFacts(analysis.state.facts, given, lang);
  if (!resolved.ok) return { ok: false, reason: 'factsInvalid', problems: resolved.problems };
  if (analysis.result.meetingRefused) return { ok: false, reason: 'meetingRefused', problems: analysis.result.issues.filter((i) => i.code.startsWith('meeting.')).map((i) => ({ path: '', message: renderMessage(i, lang) })) };
  // The preset words the issuer and the council; every fact the user gave wins over it. The
  // counts the check applied (the sheet "Kiểm phiếu" included) are the ones the Biên bản cites.
  const facts = mergeFacts(first(analysis.preset.facts as Facts), resolved.facts, countedFacts(analysis.result.meeting));
  if (!analysis.result.tables.length) {
    const refused = tablesRefused(analysis.result);
    return refused ? { ok: false, reason: 'noTables', message: renderMessage(refused, lang) } : { ok: false, reason: 'noTables' };
  }
  return { ok: true, analysis, facts, model: null, missing: missingFacts(facts) };
}

/** The dossier (Tờ trình, Biên bản, Báo cáo thành tích) ready to render. */
export function prepareDossier(grid: Grid, opts: PrepareOptions): Prepared {
  const p = prepare(grid, opts);
  if (!p.ok) return p;
  return { ...p, model: buildDossier(p.analysis.result, p.analysis.profile, p.facts, opts.lang, { fallbackFrame: p.analysis.preset.frame }) };
}

/**
 * The Quyết định of every award with proposed candidates. Its căn cứ are those of the legal frame
 * in force on the decision's date (else the Tờ trình's date, else the preset's frame).
 */
export function prepareDecisions(grid: Grid, opts: PrepareOptions): Prepared<DecisionModel> {
  const p = prepare(grid, opts);
  if (!p.ok) return p;
  const { profile, preset } = p.analysis;
  const basesFor = (date: string | undefined) => citationsFor(chooseFrame(date ?? p.facts.date, profile.legalFrames, preset.frame).frame, 'quyetDinh');
  // Blank only what neither the facts, the grantor (issuer, symbol, signer) nor the reward table give.
  const awards = profile.awards.filter((a) => p.analysis.result.candidates.some((c) => c.award === a.id));
  const missing = new Set<string>();
  for (const a of awards.length ? awards : [undefined]) {
    const d = a ? decisionFor(p.facts, a.id, a) : p.facts.decision ?? {};
    const amounts = a ? amountsOf(d, a, p.facts) : undefined;
    const filled = { ...d, amounts: amounts && amounts.collective !== undefined && amounts.individual !== undefined ? { collective: amounts.collective, individual: amounts.individual } : undefined };
    for (const m of missingDecisionFacts({ ...p.facts, decision: filled })) missing.add(m);
  }
  return { ...p, model: buildDecisions(p.analysis.result, profile, p.facts, opts.lang, basesFor), missing: [...missing] };
}
