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
import { analyze, type Analysis } from '../core/analyze';
import type { Grid } from '../core/grid';
import type { Lang } from '../core/ids';
import type { Profile } from '../core/profile';
import { mergeFacts, missingFacts, parseFacts, type Facts, type FactsProblem } from './facts';
import { buildDossier, type DossierModel } from './model';

export interface PrepareOptions {
  lang: Lang;
  /** A profile given by the caller (CLI --profile) wins over the one saved in the workbook. */
  profile?: Profile;
  /** Validated facts given beside the workbook, later ones winning (CLI --facts, then --meeting). */
  given?: (Facts | undefined)[];
}

export type Prepared<M = DossierModel> =
  | { ok: true; analysis: Analysis; facts: Facts; model: M; missing: string[] }
  | { ok: false; reason: 'noTables' }
  | { ok: false; reason: 'factsInvalid'; problems: FactsProblem[] };

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

/** The analysis and facts every document set starts from. */
export function prepare(grid: Grid, opts: PrepareOptions): Prepared<null> {
  const { lang, profile } = opts;
  const first = analyze(grid, { lang, profile });
  const facts = resolveFacts(first.state.facts, opts.given ?? [], lang);
  if (!facts.ok) return { ok: false, reason: 'factsInvalid', problems: facts.problems };
  // analyze() already counted the voters saved in the workbook; judge again only if they changed.
  const voters = facts.facts.meeting?.membersPresent;
  const savedVoters = (first.state.facts as { meeting?: { membersPresent?: unknown } } | undefined)?.meeting?.membersPresent;
  const analysis = voters && voters !== savedVoters ? analyze(grid, { lang, profile, meetingVoters: voters }) : first;
  if (!analysis.result.tables.length) return { ok: false, reason: 'noTables' };
  return { ok: true, analysis, facts: facts.facts, model: null, missing: missingFacts(facts.facts) };
}

/** The dossier (Tờ trình, Biên bản, Báo cáo thành tích) ready to render. */
export function prepareDossier(grid: Grid, opts: PrepareOptions): Prepared {
  const p = prepare(grid, opts);
  if (!p.ok) return p;
  return { ...p, model: buildDossier(p.analysis.result, p.analysis.profile, p.facts, opts.lang) };
}
