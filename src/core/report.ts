/**
 * The machine-readable result of `thidua check --json` (cli.md, a stable contract): field names
 * are fixed, messages rendered in the chosen language.
 */
import type { CriterionId, Field, Kind, Lang, Outcome } from './ids';
import { renderMessage } from './messages/render';
import { criterionMessage, type CheckResult, type CriterionValue } from './result';

export interface JsonReport {
  profile: string;
  tables: { sheet: string; kind: Kind; headerRow: number; columns: Partial<Record<Field, string>> }[];
  candidates: {
    kind: Kind;
    name: string;
    sheet: string;
    row: number;
    criteria: { id: CriterionId; outcome: Outcome; value: CriterionValue; cell: string | null; sheet: string; inherited: boolean; message: string }[];
    eligible: boolean;
    rank: number | null;
    award: string | null;
    overQuota: boolean;
    tiedAtCutoff: boolean;
    duplicate: boolean;
    unit: string | null;
    matchedUnit: string | null;
  }[];
  issues: { severity: 'error' | 'warning'; sheet: string; cell: string | null; code: string; message: string }[];
  quotas: { award: string; kind: Kind; used: number; quota: number; overflow: number }[];
  ties: { award: string; kind: Kind; rank: number; places: number; names: string[] }[];
}

type JsonCandidate = JsonReport['candidates'][number];

/**
 * One candidate as the report writes it. The CLI writes the same bytes without building this object
 * (src/cli/jsonOut.ts): a field changed here is changed there too (test/cli/jsonOut.test.ts holds
 * the two together).
 */
export function jsonCandidate(c: CheckResult['candidates'][number], lang: Lang): JsonCandidate {
  return {
    kind: c.kind,
    name: c.name,
    sheet: c.sheet,
    row: c.row,
    criteria: c.criteria.map((x) => ({
      id: x.id, outcome: x.outcome, value: x.value, cell: x.cell, sheet: x.sheet, inherited: x.inherited, message: renderMessage(criterionMessage(x), lang),
    })),
    eligible: c.eligible,
    rank: c.rank,
    award: c.award,
    overQuota: c.overQuota,
    tiedAtCutoff: c.tiedAtCutoff,
    duplicate: c.duplicate,
    unit: c.facts.unit ?? null,
    matchedUnit: c.matchedUnit ?? null,
  };
}

export function toJsonReport(result: CheckResult, lang: Lang): JsonReport {
  return {
    profile: result.profileName,
    tables: result.tables.map((t) => ({ sheet: t.sheet, kind: t.kind, headerRow: t.headerRow, columns: t.columns })),
    candidates: result.candidates.map((c) => jsonCandidate(c, lang)),
    issues: result.issues.map((i) => ({ severity: i.severity, sheet: i.sheet, cell: i.cell, code: i.code, message: renderMessage(i, lang) })),
    quotas: result.quotas.map((q) => ({ award: q.awardId, kind: q.kind, used: q.used, quota: q.quota, overflow: q.overflow })),
    ties: result.ties.map((t) => ({ award: t.awardId, kind: t.kind, rank: t.rank, places: t.places, names: t.names })),
  };
}
