/** Labels of the result sheet, the notes and the CLI table, per language. */
import type { Lang } from '../ids';

export interface Labels {
  kind: { collective: string; individual: string };
  kindPlural: { collective: string; individual: string };
  resultTitle: string;
  profile: string;
  header: { rank: string; kind: string; name: string; unit: string; result: string; award: string; reasons: string; sheetRow: string };
  outcome: { eligible: string; fail: string; unknown: string; duplicate: string };
  proposal: { overQuota: string; tied: string; none: string };
  notePrefix: string;
  noteProposed: (award: string, rank: number) => string;
  noteOverQuota: (rank: number) => string;
  noteTied: (rank: number) => string;
  noteNotEligible: string;
  quotaLine: (award: string, parts: string) => string;
  quotaPart: (used: number, quota: number, kind: string, overflow: number) => string;
  /** An award whose quota is 0 for a kind (or both) and that nobody holds: not a result of 0/0. */
  noQuota: (kinds: string) => string;
  tieLine: (award: string, kind: string, rank: number, places: number, names: string) => string;
  legend: string;
  inherited: string;
}

const vi: Labels = {
  kind: { collective: 'Tập thể', individual: 'Cá nhân' },
  kindPlural: { collective: 'tập thể', individual: 'cá nhân' },
  resultTitle: 'KẾT QUẢ XÉT KHEN THƯỞNG',
  profile: 'Bộ tiêu chí',
  header: { rank: 'Hạng', kind: 'Loại', name: 'Tên tập thể / Họ và tên', unit: 'Đơn vị', result: 'Kết quả', award: 'Đề nghị', reasons: 'Lý do', sheetRow: 'Vị trí' },
  outcome: { eligible: 'Đạt', fail: 'Không đạt', unknown: 'Thiếu dữ liệu', duplicate: 'Trùng tên' },
  proposal: { overQuota: 'Vượt chỉ tiêu', tied: 'Đồng hạng — Hội đồng quyết định', none: '' },
  notePrefix: 'Thi đua CCHC',
  noteProposed: (award, rank) => `Đề nghị ${award} (hạng ${rank}).`,
  noteOverQuota: (rank) => `Đạt tiêu chí, hạng ${rank}, nhưng vượt chỉ tiêu khen thưởng.`,
  noteTied: (rank) => `Đạt tiêu chí, đồng hạng ${rank} tại ngưỡng chỉ tiêu: Hội đồng quyết định.`,
  noteNotEligible: 'Chưa đủ điều kiện:',
  quotaLine: (award, parts) => `${award}: ${parts}`,
  quotaPart: (used, quota, kind, overflow) => `${used}/${quota} ${kind}${overflow ? ` (vượt ${overflow})` : ''}`,
  noQuota: (kinds) => `chưa đặt chỉ tiêu${kinds ? ` ${kinds}` : ''}`,
  tieLine: (award, kind, rank, places, names) => `Đồng hạng ${rank} (${kind}) tranh ${places} suất cuối của ${award}: ${names} — Hội đồng quyết định.`,
  legend: 'Chú thích: ✓ đạt · ✗ không đạt · ? thiếu/sai dữ liệu. Tô đỏ: không đạt; tô vàng: thiếu dữ liệu; tô xanh: được đề nghị.',
  inherited: 'lấy từ đơn vị',
};

const en: Labels = {
  kind: { collective: 'Collective', individual: 'Individual' },
  kindPlural: { collective: 'collectives', individual: 'individuals' },
  resultTitle: 'AWARD REVIEW RESULT',
  profile: 'Criteria profile',
  header: { rank: 'Rank', kind: 'Kind', name: 'Name', unit: 'Unit', result: 'Result', award: 'Proposed', reasons: 'Reasons', sheetRow: 'Location' },
  outcome: { eligible: 'Eligible', fail: 'Not met', unknown: 'Missing data', duplicate: 'Duplicate name' },
  proposal: { overQuota: 'Over quota', tied: 'Tied — council decides', none: '' },
  notePrefix: 'Thi đua CCHC',
  noteProposed: (award, rank) => `Proposed for ${award} (rank ${rank}).`,
  noteOverQuota: (rank) => `Meets the criteria, rank ${rank}, but over the quota.`,
  noteTied: (rank) => `Meets the criteria, tied at rank ${rank} at the quota cut: the council decides.`,
  noteNotEligible: 'Not eligible yet:',
  quotaLine: (award, parts) => `${award}: ${parts}`,
  quotaPart: (used, quota, kind, overflow) => `${used}/${quota} ${kind}${overflow ? ` (${overflow} over)` : ''}`,
  noQuota: (kinds) => `no quota set${kinds ? ` for ${kinds}` : ''}`,
  tieLine: (award, kind, rank, places, names) => `Tie at rank ${rank} (${kind}) for the last ${places} place(s) of ${award}: ${names} — the council decides.`,
  legend: 'Legend: ✓ met · ✗ not met · ? missing/invalid data. Red: not met; amber: missing data; green: proposed.',
  inherited: 'from the unit',
};

export function labels(lang: Lang): Labels {
  return lang === 'vi' ? vi : en;
}

/** "Giấy khen" from "Giấy khen của Chủ tịch UBND thị xã", for short lines. */
export function shortAwardLabel(label: string): string {
  const i = label.indexOf(' của ');
  return i > 0 ? label.slice(0, i) : label;
}
