/** The human-readable output of `thidua check`: a table per kind, problems, quotas, ties. */
import { criterionCellText, CRITERION_IDS, KINDS, type Lang, criterionLabel, renderMessage, labels, shortAwardLabel, type Profile, type CheckResult, awardLabel, displayOrder, questionLines, quotaLines, verdictOf, text } from '../core';

function width(s: string): number {
  return [...s.normalize('NFC')].length;
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

function cut(s: string, w: number): string {
  const chars = [...s.normalize('NFC')];
  return chars.length <= w ? s : `${chars.slice(0, w - 1).join('')}…`;
}

function render(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  return rows.map((r) => r.map((cell, i) => pad(cell, widths[i])).join('  ').trimEnd());
}

export function humanReport(result: CheckResult, profile: Profile, lang: Lang, profileProblems: string[] = []): string {
  const t = text(lang).cli;
  // Short column titles for the criteria (the full labels are in the legend under the table).
  const short = text(lang).criteria.abbrev;
  const L = labels(lang);
  const out: string[] = [t.profileLine(profile.name)];
  if (profileProblems.length) out.push(t.profileProblemsInWorkbook, ...profileProblems.map((p) => `  - ${p}`));
  out.push('', `${t.tablesFound}:`);
  for (const tb of result.tables) {
    const cols = Object.entries(tb.columns).map(([f, c]) => `${f}=${c}`).join(', ');
    out.push(`  - ${t.tableLine(tb.sheet, L.kind[tb.kind], tb.headerRow, cols)}`);
  }
  for (const kind of KINDS) {
    const list = displayOrder(result.candidates.filter((c) => c.kind === kind));
    if (!list.length && !result.tables.some((tb) => tb.kind === kind)) continue;
    out.push('', `${t.kindTitle[kind]} (${list.length})`);
    if (!list.length) {
      out.push(t.noCandidates);
      continue;
    }
    const ids = CRITERION_IDS.filter((id) => list.some((c) => c.criteria.some((x) => x.id === id)));
    const head = [t.headers.rank, t.headers.name, ...ids.map((id) => short[id]), t.headers.result, t.headers.award];
    const rows = list.map((c) => [
      c.rank === null ? '-' : String(c.rank),
      cut(c.name, 36),
      ...ids.map((id) => criterionCellText(c.criteria.find((x) => x.id === id), lang) || '·'),
      L.outcome[verdictOf(c)],
      c.award ? shortAwardLabel(awardLabel(profile, c.award)) : c.tiedAtCutoff ? L.proposal.tied : c.overQuota ? L.proposal.overQuota : '',
    ]);
    out.push(...render([head, ...rows]));
    out.push(`  ${ids.map((id) => `${short[id]} = ${criterionLabel(id, lang)}`).join('; ')}`);
  }
  out.push('', `${t.problems}:`);
  if (!result.issues.length) out.push(`  ${t.noProblems}`);
  for (const i of result.issues) {
    const where = i.cell ? `${i.sheet}!${i.cell}` : i.sheet;
    const sev = t.severity[i.severity];
    out.push(`  [${sev}] ${where}: ${renderMessage(i, lang)}`);
  }
  out.push('', `${t.quotas}:`, ...quotaLines(result, profile, lang).map((l) => `  ${l}`));
  const ties = questionLines(result, profile, lang);
  if (ties.length) out.push('', `${t.ties}:`, ...ties.map((l) => `  ${l}`));
  return out.join('\n');
}
