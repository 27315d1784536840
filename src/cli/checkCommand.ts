/** `thidua check <workbook.xlsx> [--profile p.json] [--json] [--annotate out.xlsx] [--lang en]` */
import * as path from 'path';
import { analyze } from '../core/analyze';
import { toJsonReport } from '../core/report';
import { renderMessage } from '../core/messages';
import { AnnotatedCopyError, writeAnnotatedCopy } from '../xlsx/annotateCopy';
import { langOf, parseArgs } from './args';
import type { CliIO } from './io';
import { loadProfile, loadWorkbook } from './load';
import { cliText } from './messages';
import { humanReport } from './table';

export async function runCheck(argv: string[], io: CliIO): Promise<number> {
  const lang = langOf(argv);
  const t = cliText(lang);
  const args = parseArgs(argv, { flags: ['json'], options: ['profile', 'annotate', 'lang'] });
  if (!args.ok) {
    io.err(`${t.badArgument(args.problem)}\n\n${t.usage}`);
    return 2;
  }
  const [workbookPath, ...extra] = args.positionals;
  if (!workbookPath || extra.length) {
    io.err(`${workbookPath ? t.badArgument(extra.join(' ')) : t.missingWorkbook}\n\n${t.usage}`);
    return 2;
  }
  const annotatePath = args.options.get('annotate');
  if (annotatePath && path.resolve(annotatePath) === path.resolve(workbookPath)) {
    io.err(t.annotateSameFile);
    return 2;
  }
  const profile = await loadProfile(args.options.get('profile'), lang);
  if (!profile.ok) {
    io.err(profile.message);
    return profile.exitCode;
  }
  const wb = await loadWorkbook(workbookPath, lang);
  if (!wb.ok) {
    io.err(wb.message);
    return wb.exitCode;
  }
  const analysis = analyze(wb.value.grid, { profile: profile.value, lang });
  if (!analysis.result.tables.length) {
    io.err(`${workbookPath}: ${renderMessage({ code: 'workbook.noTables', params: {} }, lang)}`);
    return 1;
  }
  if (args.flags.has('json')) io.out(JSON.stringify(toJsonReport(analysis.result, lang), null, 2));
  else io.out(humanReport(analysis.result, analysis.profile, lang, analysis.profileProblems.map((p) => `${p.path}: ${p.message}`)));
  if (annotatePath) {
    let written: { noteMode: string };
    try {
      written = await writeAnnotatedCopy(workbookPath, analysis.plan, { grid: wb.value.grid, state: analysis.state }, annotatePath);
    } catch (e) {
      if (e instanceof AnnotatedCopyError) {
        io.err(renderMessage(e.data, lang));
        return 1;
      }
      throw e;
    }
    // Keep stdout pure JSON with --json; the confirmation goes to stderr then.
    const lines = t.annotated(annotatePath, written.noteMode);
    if (args.flags.has('json')) io.err(lines);
    else io.out(`\n${lines}`);
  }
  return 0;
}
