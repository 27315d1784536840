/** The human-readable output of `thidua check`: a table per kind, problems, quotas, ties. */
import { criterionCellText, CRITERION_IDS, KINDS, type CriterionId, type Lang, criterionLabel, renderMessage, labels, shortAwardLabel, type Profile, type CheckResult, awardLabel, displayOrder, quotaLines, tieLines, verdictOf } from '../core';
import { cliText } from './messages';

/** Short column titles for the criteria (the full labels are in the legend). */
const SHORT: Record<CriterionId, string> = {
  taskCompletion: 'NV', parIndex: 'PAR', unitParIndex: 'PAR', sipas: 'SIPAS', onTime: 'ĐH', initiative: 'SK', compliance: 'CH', votes: 'Phiếu',
};

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
  const t = cliText(lang);
  const L = labels(lang);
  const out: string[] = [t.profileLine(profile.name)];
  if (profileProblems.length) out.push(t.profileProblemsInWorkbook, ...profileProblems.map((p) => `  - ${p}`));
  out.push('', `${t.tablesFound}:`);
  for (const tb of result.tables) {
    const cols = Object.entries(tb.columns).map(([f, c]) => `${f}=${c}`).join(', ');
    out.push(`  - "${tb.sheet}" (${L.kind[tb.kind]}), dòng tiêu đề ${tb.headerRow}: ${cols}`.replace('dòng tiêu đề', lang === 'vi' ? 'dòng tiêu đề' : 'header row'));
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
    const head = [t.headers.rank, t.headers.name, ...ids.map((id) => SHORT[id]), t.headers.result, t.headers.award];
    const rows = list.map((c) => [
      c.rank === null ? '-' : String(c.rank),
      cut(c.name, 36),
      ...ids.map((id) => criterionCellText(c.criteria.find((x) => x.id === id), lang) || '·'),
      L.outcome[verdictOf(c)],
      c.award ? shortAwardLabel(awardLabel(profile, c.award)) : c.tiedAtCutoff ? L.proposal.tied : c.overQuota ? L.proposal.overQuota : '',
    ]);
    out.push(...render([head, ...rows]));
    out.push(`  ${ids.map((id) => `${SHORT[id]} = ${criterionLabel(id, lang)}`).join('; ')}`);
  }
  out.push('', `${t.problems}:`);
  if (!result.issues.length) out.push(`  ${t.noProblems}`);
  for (const i of result.issues) {
    const where = i.cell ? `${i.sheet}!${i.cell}` : i.sheet;
    const sev = i.severity === 'error' ? (lang === 'vi' ? 'LỖI' : 'ERROR') : lang === 'vi' ? 'lưu ý' : 'warning';
    out.push(`  [${sev}] ${where}: ${renderMessage(i, lang)}`);
  }
  out.push('', `${t.quotas}:`, ...quotaLines(result, profile, lang).map((l) => `  ${l}`));
  const ties = tieLines(result, profile, lang);
  if (ties.length) out.push('', `${t.ties}:`, ...ties.map((l) => `  ${l}`));
  return out.join('\n');
}
