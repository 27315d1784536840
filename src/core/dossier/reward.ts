/**
 * Tiền thưởng by law and date (templates/tien-thuong.json, data with a source for every value):
 * coefficient of the award and the grantor's tier × the mức lương cơ sở in force on the
 * decision's date, a tập thể's by the collective factor, rounded as the decree says. A value the
 * table marks unverified (or null) is never used: the amount stays blank and the warning names it.
 * Also the căn cứ thẩm quyền (templates/can-cu-tham-quyen.json). Pure.
 */
import rewardTable from '../../../templates/tien-thuong.json';
import competenceTable from '../../../templates/can-cu-tham-quyen.json';
import { fold } from '../text';
import { isoOf } from '../legalFrames';
import type { Tier } from './names';

export interface SourcedValue<T> { value: T; source: string; verified: boolean }
export interface BaseSalary { from: string; amount: number | null; source: string; verified: boolean }
export interface Coefficient { award: string; tier: Tier; value: number | null; cite: string; source: string; verified: boolean }
export interface RewardDecree {
  id: string;
  name: string;
  from: string;
  to: string | null;
  rounding: { step: number; direction: 'up' | 'nearest'; source: string; verified: boolean };
  collectiveFactor: { value: number; source: string; verified: boolean };
  coefficients: Coefficient[];
}
export interface RewardTable { version: 1; baseSalary: BaseSalary[]; decrees: RewardDecree[] }
export interface CompetenceLaw { from: string; to: string | null; citation: string; source: string }

export const REWARD_TABLE = rewardTable as unknown as RewardTable;
export const COMPETENCE_LAWS = (competenceTable as unknown as { laws: CompetenceLaw[] }).laws;

const within = (iso: string, from: string, to: string | null) => from <= iso && (to === null || iso <= to);

/** The Luật Tổ chức chính quyền địa phương line in force on the date (undefined before 2016 or undated). */
export function competenceCitation(date: string | undefined, laws: readonly CompetenceLaw[] = COMPETENCE_LAWS): string | undefined {
  const iso = isoOf(date);
  return iso ? laws.find((l) => within(iso, l.from, l.to))?.citation : undefined;
}

/** "giay-khen" / "bang-khen" from an award's label. */
export function awardKind(label: string): string | undefined {
  const f = fold(label);
  if (f.includes('giay khen')) return 'giay-khen';
  if (f.includes('bang khen')) return 'bang-khen';
  return undefined;
}

const KIND_NAMES: Record<string, string> = { 'giay-khen': 'Giấy khen', 'bang-khen': 'Bằng khen' };
const TIER_NAMES: Record<Tier, string> = { province: 'tỉnh', district: 'huyện', commune: 'xã' };

export interface Reward {
  individual?: number;
  collective?: number;
  /** "theo quy định tại điểm c khoản 1 và điểm b khoản 2 Điều 73 Nghị định số 91/2017/NĐ-CP …" */
  basis?: string;
  /** What could not be confirmed, for the user (Vietnamese; the table's own words). */
  missing: string[];
}

function roundAmount(v: number, step: number, direction: 'up' | 'nearest'): number {
  // 0.3 × 1 490 000 is 446 999.99… in binary: round to the đồng first.
  const exact = Math.round(v);
  return direction === 'up' ? Math.ceil(exact / step) * step : Math.round(exact / step) * step;
}

/**
 * The amounts of an award of `kind` granted at `tier`, for a decision dated `date`. Every value
 * used must be verified in the table; each one that is not is named in `missing`.
 */
export function rewardFor(kind: string | undefined, tier: Tier | undefined, date: string | undefined, table: RewardTable = REWARD_TABLE): Reward {
  const iso = isoOf(date);
  const missing: string[] = [];
  if (!iso) return { missing: ['ngày của Quyết định (decision.date)'] };
  if (!kind || !tier) return { missing: ['hình thức khen thưởng và cấp khen (không xác định được từ tên hình thức và người tặng)'] };
  const decree = table.decrees.find((d) => within(iso, d.from, d.to));
  if (!decree) return { missing: [`nghị định về tiền thưởng áp dụng ngày ${iso}`] };
  const salary = [...table.baseSalary].filter((s) => s.from <= iso).sort((a, b) => (a.from < b.from ? 1 : -1))[0];
  const coef = decree.coefficients.find((c) => c.award === kind && c.tier === tier);
  if (!salary) missing.push(`mức lương cơ sở áp dụng ngày ${iso}`);
  else if (!salary.verified || salary.amount === null) missing.push(`mức lương cơ sở từ ${salary.from} (${salary.source}) chưa được xác minh`);
  if (!coef || coef.value === null) missing.push(`hệ số tiền thưởng ${KIND_NAMES[kind] ?? kind} của cấp ${TIER_NAMES[tier]} theo ${decree.name} chưa được xác minh`);
  else if (!coef.verified) missing.push(`hệ số tiền thưởng: ${coef.source} chưa được xác minh`);
  if (!decree.rounding.verified) missing.push(`quy tắc làm tròn: ${decree.rounding.source}`);
  if (!decree.collectiveFactor.verified) missing.push(`mức thưởng tập thể: ${decree.collectiveFactor.source}`);
  if (missing.length || !salary || salary.amount === null || !coef || coef.value === null) return { missing };
  const individual = roundAmount(coef.value * salary.amount, decree.rounding.step, decree.rounding.direction);
  const collective = roundAmount(coef.value * decree.collectiveFactor.value * salary.amount, decree.rounding.step, decree.rounding.direction);
  return { individual, collective, basis: `theo quy định tại ${coef.cite} ${decree.name}`, missing };
}
