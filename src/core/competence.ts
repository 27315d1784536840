/**
 * Who a grantor of the two-tier administration may commend (Luật Tổ chức chính quyền địa phương
 * số 72/2025/QH15: from 01/7/2025 only provinces and communes/wards; the district level — its
 * UBND, offices and specialised departments — ended on 01/7/2025). A commune's or ward's chairman
 * commends the bodies and people it manages: a candidate of a district-level body, or of another
 * commune or ward, is flagged with the reason and never proposed. Pure; applied only under a
 * two-tier preset, and to another commune only when the grantor's place is known.
 */
import type { Candidate, Issue } from './result';
import { fold } from './text';

export interface CompetenceContext {
  /** The grantor's commune or ward ("phường Ninh Hòa"), from the facts; unknown: other communes are not judged. */
  place?: { level: string; name: string };
}

/** The specialised offices a commune or ward has in the two-tier administration (NĐ 150/2025/NĐ-CP, as the preset assumes). */
const COMMUNE_OFFICES = ['van phong hdnd va ubnd', 'van phong hoi dong nhan dan va uy ban nhan dan', 'phong kinh te', 'phong kinh te ha tang va do thi', 'phong van hoa xa hoi'];

const DISTRICT_WORD = /(?:^|\s)(thi xa|huyen|quan)(?:\s|$)/;
const COMMUNE_RE = /^(?:ubnd|uy ban nhan dan)\s+(xa|phuong|thi tran|dac khu)\s+(.+)$/;

export type CompetenceReason = { kind: 'district'; level: string } | { kind: 'otherCommune'; place: string } | { kind: 'districtOffice' };

/** Why a unit is outside a commune grantor's management, or undefined when it is within (or cannot be told). */
export function outsideReason(unit: string | undefined, ctx: CompetenceContext): CompetenceReason | undefined {
  const u = fold(unit ?? '');
  if (!u) return undefined;
  const commune = COMMUNE_RE.exec(u);
  if (commune) {
    if (commune[1] === 'thi tran') return { kind: 'district', level: 'thị trấn' };
    if (!ctx.place) return undefined;
    const own = fold(`${ctx.place.level} ${ctx.place.name}`);
    return `${commune[1]} ${commune[2]}` === own ? undefined : { kind: 'otherCommune', place: (unit ?? '').trim().replace(/^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/iu, '') };
  }
  const district = DISTRICT_WORD.exec(u);
  if (district) return { kind: 'district', level: { 'thi xa': 'thị xã', huyen: 'huyện', quan: 'quận' }[district[1]]! };
  if (/^phong\s/.test(u) && !COMMUNE_OFFICES.some((o) => u === o || u.startsWith(`${o} `))) return { kind: 'districtOffice' };
  return undefined;
}

/** The reason in the documents' language, for the candidate's flag. */
export function reasonText(r: CompetenceReason): string {
  switch (r.kind) {
    case 'district':
      return `cơ quan, đơn vị cấp ${r.level} đã kết thúc hoạt động từ ngày 01/7/2025 (Luật Tổ chức chính quyền địa phương số 72/2025/QH15)`;
    case 'otherCommune':
      return `thuộc ${r.place}, không thuộc phạm vi quản lý của người tặng`;
    case 'districtOffice':
      return 'phòng chuyên môn cấp huyện đã kết thúc hoạt động từ ngày 01/7/2025 (Luật Tổ chức chính quyền địa phương số 72/2025/QH15)';
  }
}

/** Flags and takes out every candidate (a unit, or a person by their unit) outside the grantor's management. */
export function outsideCompetence(candidates: Candidate[], ctx: CompetenceContext, issues: Issue[]): void {
  for (const c of candidates) {
    const unit = c.kind === 'collective' ? c.name : c.matchedUnit ?? c.facts.unit;
    const r = outsideReason(unit, ctx);
    if (!r) continue;
    const reason = reasonText(r);
    c.dissolved = reason;
    if (c.eligible) c.eligible = false;
    issues.push({ severity: 'warning', sheet: c.sheet, cell: c.nameCell, code: 'unit.outsideCompetence', params: { name: c.name, reason } });
  }
}
