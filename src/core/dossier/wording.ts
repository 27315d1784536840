/**
 * How the documents word each criterion: the plan's target ("trên 90%", "từ 90% trở lên") and
 * what a candidate achieved ("SIPAS 96,4%"). Built from the profile, so a changed profile changes
 * the documents; figures use the Vietnamese decimal comma.
 */
// From the modules, not the core's door: annotate.ts (behind that door) uses criteriaLines.
import type { CriterionId } from '../ids';
import type { Profile, RateRule } from '../profile';
import type { Candidate, CriterionResult } from '../result';
import { formatNumber } from '../messages/format';
import { isDecisionReference, parseYesNo } from '../values';

/**
 * A rate as printed: one decimal, more only when rounding would make a value that beat the
 * threshold look equal to it ("98,04%" never shown as "98%" against "trên 98%").
 */
export function figure(value: number, threshold?: number): string {
  for (const decimals of [1, 2, 3]) {
    const rounded = Math.round(value * 10 ** decimals) / 10 ** decimals;
    if (threshold === undefined || rounded !== threshold || value === threshold) return `${formatNumber(value, 'vi', decimals)}%`;
  }
  return `${formatNumber(value, 'vi', 4)}%`;
}

export function rateTarget(rule: RateRule): string {
  const t = `${formatNumber(rule.threshold, 'vi', 2)}%`;
  return rule.inclusive ? `từ ${t} trở lên` : `trên ${t}`;
}

export function ratingTarget(atLeast: string, profile: Profile): string {
  const top = profile.ratingLadder[profile.ratingLadder.length - 1];
  return atLeast === top ? `xếp loại ${atLeast}` : `xếp loại ${atLeast} trở lên`;
}

export function voteTarget(profile: Profile): string {
  if (profile.voteThreshold === null) return '';
  const t = `${formatNumber(profile.voteThreshold, 'vi', 2)}%`;
  return profile.voteInclusive ? `từ ${t} trở lên` : `trên ${t}`;
}

/** The indicator's name as the documents print it. */
export const INDICATOR_LABEL: Record<CriterionId, string> = {
  taskCompletion: 'Tỷ lệ hoàn thành nhiệm vụ, mục tiêu cải cách hành chính',
  parIndex: 'Chỉ số PAR Index',
  unitParIndex: 'Chỉ số PAR Index của đơn vị',
  sipas: 'Chỉ số SIPAS (mức độ hài lòng của người dân, tổ chức)',
  onTime: 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn',
  initiative: 'Sáng kiến, giải pháp cải cách hành chính',
  compliance: 'Chấp hành chủ trương, chính sách, pháp luật',
  votes: 'Tỷ lệ phiếu đồng ý của Hội đồng',
};

/** The plan's target for a criterion, in the plan's words. */
export function targetText(id: CriterionId, profile: Profile): string {
  const c = profile.criteria;
  switch (id) {
    case 'taskCompletion':
      return rateTarget(c.taskCompletion);
    case 'sipas':
      return rateTarget(c.sipas);
    case 'onTime':
      return rateTarget(c.onTime);
    case 'parIndex':
      return ratingTarget(c.parIndex.atLeast, profile);
    case 'unitParIndex':
      return ratingTarget(c.unitParIndex.atLeast, profile);
    case 'initiative':
      return c.initiative.requireRecognition ? 'có sáng kiến, giải pháp được cấp có thẩm quyền công nhận' : 'có sáng kiến, giải pháp';
    case 'compliance':
      return 'gương mẫu chấp hành';
    case 'votes':
      return voteTarget(profile);
  }
}

function thresholdOf(id: CriterionId, profile: Profile): number | undefined {
  if (id === 'taskCompletion' || id === 'sipas' || id === 'onTime') return profile.criteria[id].threshold;
  if (id === 'votes') return profile.voteThreshold ?? undefined;
  return undefined;
}

/** The value a candidate reached, as printed in the report's table ("96,4%", "Xuất sắc", "Có"). */
export function achievedText(c: CriterionResult, candidate: Candidate, profile: Profile): string {
  if (c.value === null || c.value === undefined) return '';
  if (typeof c.value === 'number') {
    if (c.id === 'votes' && candidate.facts.votesAgree !== undefined && candidate.facts.votesTotal !== undefined) {
      return `${candidate.facts.votesAgree}/${candidate.facts.votesTotal} (${figure(c.value, thresholdOf(c.id, profile))})`;
    }
    return figure(c.value, thresholdOf(c.id, profile));
  }
  if (typeof c.value === 'boolean') {
    if (c.id === 'initiative') return initiativeText(candidate) || (c.value ? 'Có' : 'Không');
    return c.value ? 'Đạt' : 'Không đạt';
  }
  return c.value;
}

export function quoted(text: string): string {
  return `“${text.trim()}”`;
}

/**
 * The recognition as printed: a decision reference as written ("QĐ số 1523/QĐ-UBND …"); a bare
 * mark ("x", "Có") says only that it was recognised.
 */
export function recognitionText(recognition: string | undefined): string {
  if (!recognition || !recognition.trim()) return '';
  if (isDecisionReference(recognition)) return recognition.trim();
  const yes = parseYesNo(recognition, true);
  return yes.ok === true && yes.value ? 'đã được cấp có thẩm quyền công nhận' : recognition.trim();
}

function initiativeText(candidate: Candidate): string {
  const f = candidate.facts;
  if (!f.initiative) return '';
  const r = recognitionText(f.initiativeRecognition);
  return r ? `${quoted(f.initiative)} (${r})` : quoted(f.initiative);
}

/** One phrase per criterion met, for the Danh sách's "tóm tắt thành tích". */
function summaryPhrase(c: CriterionResult, candidate: Candidate, profile: Profile): string | null {
  if (c.outcome !== 'pass') return null;
  const v = c.value;
  switch (c.id) {
    case 'taskCompletion':
      return typeof v === 'number' ? `Hoàn thành ${figure(v, thresholdOf(c.id, profile))} nhiệm vụ, mục tiêu cải cách hành chính` : null;
    case 'parIndex':
      return typeof v === 'string' ? `Chỉ số PAR Index xếp loại ${v}` : null;
    case 'unitParIndex':
      return typeof v === 'string' ? `đơn vị có Chỉ số PAR Index xếp loại ${v}` : null;
    case 'sipas':
      return typeof v === 'number' ? `Chỉ số SIPAS đạt ${figure(v, thresholdOf(c.id, profile))}` : null;
    case 'onTime':
      return typeof v === 'number' ? `tỷ lệ hồ sơ giải quyết đúng hạn ${figure(v, thresholdOf(c.id, profile))}` : null;
    case 'initiative': {
      const t = initiativeText(candidate);
      return t ? `sáng kiến ${t}` : null;
    }
    case 'compliance':
      return null;
    case 'votes':
      return typeof v === 'number' ? `được ${figure(v, thresholdOf(c.id, profile))} thành viên Hội đồng đồng ý` : null;
  }
}

/** "Hoàn thành 98,5% nhiệm vụ …; Chỉ số PAR Index xếp loại Xuất sắc; …." — sentence case. */
export function achievementSummary(candidate: Candidate, profile: Profile): string {
  const phrases = candidate.criteria.map((c) => summaryPhrase(c, candidate, profile)).filter((p): p is string => !!p);
  if (!phrases.length) return '';
  const text = phrases.join('; ');
  return `${text.charAt(0).toLocaleUpperCase('vi')}${text.slice(1)}.`;
}

/** The criteria of one kind, restated from the profile for the Biên bản ("- Chỉ số SIPAS từ 90% trở lên"). */
export function criteriaLines(kind: 'collective' | 'individual', profile: Profile): string[] {
  const c = profile.criteria;
  const lines: string[] = [];
  if (kind === 'collective' && c.taskCompletion.enabled) lines.push(`Hoàn thành ${rateTarget(c.taskCompletion)} nhiệm vụ, mục tiêu cải cách hành chính`);
  if (kind === 'collective' && c.parIndex.enabled) lines.push(`Chỉ số PAR Index ${ratingTarget(c.parIndex.atLeast, profile)}`);
  if (kind === 'individual' && c.unitParIndex.enabled) lines.push(`Công tác tại đơn vị có Chỉ số PAR Index ${ratingTarget(c.unitParIndex.atLeast, profile)}`);
  if (c.sipas.enabled) lines.push(`Chỉ số SIPAS đạt ${rateTarget(c.sipas)}`);
  if (c.onTime.enabled) lines.push(`Tỷ lệ hồ sơ giải quyết đúng hạn đạt ${rateTarget(c.onTime)}`);
  if (c.initiative.enabled) lines.push(`Có sáng kiến hoặc giải pháp trong công tác cải cách hành chính${c.initiative.requireRecognition ? ' được cấp có thẩm quyền công nhận' : ''}`);
  if (c.compliance.enabled) lines.push('Gương mẫu chấp hành chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước');
  if (profile.voteThreshold !== null) {
    const members = (profile.voteBase ?? 'total') === 'present' ? 'thành viên Hội đồng dự họp' : 'tổng số thành viên Hội đồng';
    lines.push(`Được ${voteTarget(profile)} ${members} đồng ý (khi có kết quả biểu quyết)`);
  }
  return lines;
}
