/**
 * What "Tạo hồ sơ" builds from a freshly read workbook, exactly as `thidua dossier` does
 * (src/cli/dossierCommand.ts): the facts saved in the workbook, analyze() with the meeting's
 * voters, then the dossier model. Pure (no DOM, no docx), so it is tested beside the CLI.
 */
import { analyze, meetingVoters, type Analysis } from '../../core/analyze';
import type { Grid } from '../../core/grid';
import type { Lang } from '../../core/ids';
import { mergeFacts, missingFacts, parseFacts, type Facts } from '../../dossier/facts';
import { buildDossier, type DossierModel } from '../../dossier/model';

export type Prepared =
  | { ok: true; analysis: Analysis; facts: Facts; model: DossierModel; missing: string[] }
  | { ok: false; reason: 'noTables' }
  | { ok: false; reason: 'factsInvalid'; problems: { path: string; message: string }[] };

export function prepareDossier(grid: Grid, lang: Lang): Prepared {
  const first = analyze(grid, { lang });
  let facts: Facts = {};
  if (first.state.facts !== undefined) {
    const parsed = parseFacts(first.state.facts, 'facts', lang);
    // The CLI goes on without broken saved facts; the pane's form refuses to save them, so
    // broken facts here were hand-edited: say so rather than print a dossier of blanks.
    if (!parsed.ok) return { ok: false, reason: 'factsInvalid', problems: parsed.problems };
    facts = parsed.facts;
  }
  // The preset words the issuer and the council; the workbook's facts win over it (as the CLI).
  const printed = mergeFacts(first.preset.facts as Facts, facts);
  const voters = meetingVoters(printed.meeting, first.profile.voteBase);
  const analysis = voters ? analyze(grid, { lang, meetingVoters: voters }) : first;
  if (!analysis.result.tables.length) return { ok: false, reason: 'noTables' };
  const model = buildDossier(analysis.result, analysis.profile, printed, lang, { fallbackFrame: analysis.preset.frame });
  return { ok: true, analysis, facts, model, missing: missingFacts(printed) };
}
