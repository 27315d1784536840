/**
 * The tags each template may use (docs/templates.md lists the same, with examples). A user's
 * template is checked against this list before anything is rendered: an unknown tag is a typo
 * that would otherwise print the dotted blank silently.
 */
import type { TemplateId } from './model';

/**
 * One file per template. The report has one per form (reportForms.ts): Mẫu 07 of NĐ 91/2017 keeps
 * its old name; the forms of NĐ 98/2023 and NĐ 152/2025 are named by their form id. A user's own
 * template of the same name (CLI --templates, or the task pane) replaces the default.
 */
export const TEMPLATE_FILES: Record<TemplateId, string> = {
  toTrinh: 'to-trinh.docx',
  bienBan: 'bien-ban.docx',
  baoCao: 'bao-cao-thanh-tich-mau-07.docx',
  baoCaoNd98: 'bao-cao-thanh-tich-nd98-2023.docx',
  baoCaoNd152: 'bao-cao-thanh-tich-nd152-2025.docx',
  quyetDinh: 'quyet-dinh.docx',
  chiTienThuong: 'danh-sach-chi-tien-thuong.docx',
};

/** The templates of the dossier proper (one call of `thidua dossier` / "Tạo hồ sơ"). */
export const DOSSIER_TEMPLATES: readonly TemplateId[] = ['toTrinh', 'bienBan', 'baoCao', 'baoCaoNd98', 'baoCaoNd152'];

/** The template of `thidua decision` / the pane's "Quyết định" step. */
export const DECISION_TEMPLATES: readonly TemplateId[] = ['quyetDinh', 'chiTienThuong'];

/** Custom document property holding the form version a template follows. */
export const FORM_VERSION_PROPERTY = 'ThiDuaFormVersion';

export interface TagDoc {
  tag: string;
  /** Loop or condition (`{#tag}…{/tag}`); its inner tags follow with a "tag." prefix. */
  loop?: boolean;
  example: string;
}

const HEADER: TagDoc[] = [
  { tag: 'parentBody', example: 'UBND THỊ XÃ NINH HÒA' },
  { tag: 'number', example: 'Số: 05/TTr-NV' },
  { tag: 'placeDate', example: 'Ninh Hòa, ngày 20 tháng 12 năm 2022' },
];

/** The tags of every report form's template (the three forms share one data model). */
const REPORT_TAGS: TagDoc[] = [
  { tag: 'formLabel', example: 'Mẫu số 07, Phụ lục ban hành kèm theo Nghị định số 91/2017/NĐ-CP … (the legal frame\'s reportFormLabel)' },
  { tag: 'parentBody', example: 'UBND THỊ XÃ NINH HÒA' },
  { tag: 'placeDate', example: 'Ninh Hòa, ngày …… tháng …… năm ……' },
  { tag: 'unitName', example: 'PHÒNG TƯ PHÁP' },
  { tag: 'awardTitle', example: 'ĐỀ NGHỊ TẶNG GIẤY KHEN CỦA CHỦ TỊCH UBND THỊ XÃ' },
  { tag: 'movement', example: '(Thành tích trong phong trào thi đua “…” năm 2022)' },
  { tag: 'isCollective', loop: true, example: 'true for a tập thể' },
  { tag: 'isIndividual', loop: true, example: 'true for a cá nhân' },
  { tag: 'name', example: 'Phòng Tư pháp / Nguyễn Thị Thu Hà' },
  { tag: 'position', example: 'Trưởng phòng' },
  { tag: 'unit', example: 'Phòng Nội vụ' },
  { tag: 'positionUnit', example: 'Trưởng phòng Nội vụ (chức vụ and đơn vị without repetition)' },
  { tag: 'hasParentBody', loop: true, example: 'false for a UBND xã/phường (no chủ quản line)' },
  { tag: 'headName', example: 'Nguyễn Thị Thu Hà (the unit\'s head when the workbook lists them; empty otherwise)' },
  { tag: 'birthYear', example: '1982' },
  { tag: 'gender', example: 'Nữ' },
  { tag: 'hometown', example: 'Ninh Hòa, Khánh Hòa' },
  { tag: 'qualification', example: 'Thạc sĩ Quản lý công' },
  { tag: 'indicators', loop: true, example: 'one row per indicator judged' },
  { tag: 'indicators.no', example: '1' },
  { tag: 'indicators.label', example: 'Chỉ số SIPAS (mức độ hài lòng của người dân, tổ chức)' },
  { tag: 'indicators.target', example: 'từ 90% trở lên' },
  { tag: 'indicators.result', example: '96,4%' },
  { tag: 'initiative', example: '“Số hóa hồ sơ cán bộ, công chức”' },
  { tag: 'hasInitiative', loop: true, example: 'true when the row names an initiative' },
  { tag: 'initiativeRecognition', example: 'QĐ số 1524/QĐ-UBND ngày 15/11/2022' },
  { tag: 'achievement', example: 'the "Thành tích" text of the row (line breaks kept)' },
  { tag: 'reporterName', example: 'Nguyễn Thị Thu Hà (empty for a tập thể)' },
  { tag: 'hasPastAwards', loop: true, example: 'true when the sheet "Lịch sử khen thưởng" lists awards of this candidate' },
  { tag: 'pastAwards', loop: true, example: 'section III: one row per past award, oldest first; 3 blank rows when there is none' },
  { tag: 'pastAwards.no', example: '1 (empty in a blank row)' },
  { tag: 'pastAwards.year', example: '2021' },
  { tag: 'pastAwards.award', example: 'Giấy khen của Chủ tịch UBND thị xã' },
  { tag: 'pastAwards.decision', example: '125/QĐ-UBND ngày 30/10/2021' },
];

export const TEMPLATE_TAGS: Record<TemplateId, TagDoc[]> = {
  toTrinh: [
    ...HEADER,
    { tag: 'issuingBody', example: 'PHÒNG NỘI VỤ' },
    { tag: 'awardLabel', example: 'Giấy khen của Chủ tịch UBND thị xã' },
    { tag: 'awardPhrase', example: 'tặng Giấy khen của Chủ tịch UBND thị xã' },
    { tag: 'subject', example: 'Về việc đề nghị tặng Giấy khen … trong phong trào thi đua “…” năm 2022' },
    { tag: 'addressee', example: 'Chủ tịch UBND thị xã Ninh Hòa' },
    { tag: 'addresseeMultiple', loop: true, example: 'true when there are several addressees' },
    { tag: 'bases', loop: true, example: '[{ text: "Căn cứ Kế hoạch số 135/KH-UBND …;" }]' },
    { tag: 'bases.text', example: 'Căn cứ Luật Thi đua, Khen thưởng ngày 15 tháng 6 năm 2022;' },
    { tag: 'counts', example: '10 tập thể và 9 cá nhân' },
    { tag: 'proposal', example: 'Qua xét đề nghị … đề nghị tặng Giấy khen … cho 10 tập thể và 9 cá nhân …' },
    { tag: 'councilDecisions', loop: true, example: "the council's decisions, one paragraph each (none without a meeting)" },
    { tag: 'councilDecisions.text', example: 'Hội đồng Thi đua - Khen thưởng đã thống nhất: sáng kiến “…” là của Phòng Nội vụ; …' },
    { tag: 'closing', example: 'Phòng Nội vụ kính trình Chủ tịch UBND thị xã Ninh Hòa xem xét, quyết định./.' },
    { tag: 'signerAuthority', example: 'KT. TRƯỞNG PHÒNG (empty when the signer signs in their own name)' },
    { tag: 'signerTitle', example: 'TRƯỞNG PHÒNG' },
    { tag: 'signerName', example: 'Trần Thị Mỹ Hạnh' },
    { tag: 'recipients', loop: true, example: '[{ text: "- Như trên;" }, { text: "- Lưu: VT, NV." }]' },
    { tag: 'recipients.text', example: '- Lưu: VT, NV.' },
    { tag: 'annexSubtitle', example: 'Tập thể, cá nhân đề nghị tặng Giấy khen của Chủ tịch UBND thị xã' },
    { tag: 'annexReference', example: '(Kèm theo Tờ trình số 05/TTr-NV ngày 20 tháng 12 năm 2022 của Phòng Nội vụ)' },
    { tag: 'hasCollectives', loop: true, example: 'true when tập thể are proposed' },
    { tag: 'collectiveHeading', example: 'I. TẬP THỂ (10)' },
    { tag: 'collectives', loop: true, example: 'one row per proposed tập thể, by rank' },
    { tag: 'collectives.no', example: '1' },
    { tag: 'collectives.name', example: 'Văn phòng HĐND và UBND thị xã' },
    { tag: 'collectives.details', example: '(empty for a tập thể)' },
    { tag: 'collectives.summary', example: 'Hoàn thành 98,5% nhiệm vụ …; Chỉ số SIPAS đạt 96,4%; …' },
    { tag: 'hasIndividuals', loop: true, example: 'true when cá nhân are proposed' },
    { tag: 'individualHeading', example: 'II. CÁ NHÂN (9)' },
    { tag: 'individuals', loop: true, example: 'one row per proposed cá nhân, by rank' },
    { tag: 'individuals.no', example: '1' },
    { tag: 'individuals.name', example: 'Nguyễn Thị Thu Hà' },
    { tag: 'individuals.details', example: 'Trưởng phòng Nội vụ' },
    { tag: 'individuals.summary', example: 'Đơn vị có Chỉ số PAR Index xếp loại Xuất sắc; …' },
  ],
  bienBan: [
    ...HEADER,
    { tag: 'council', example: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG' },
    { tag: 'subject', example: 'Họp xét khen thưởng phong trào thi đua “…” năm 2022' },
    { tag: 'time', example: 'Vào lúc 14 giờ 00, ngày 15 tháng 12 năm 2022' },
    { tag: 'place', example: 'Phòng họp số 1, UBND thị xã Ninh Hòa' },
    { tag: 'chair', example: 'Ông Nguyễn Vĩnh Thạnh - Chủ tịch UBND thị xã, Chủ tịch Hội đồng' },
    { tag: 'secretary', example: 'Bà … - Chuyên viên Phòng Nội vụ' },
    { tag: 'attendance', example: 'Có mặt 9/11 thành viên Hội đồng; vắng: …' },
    { tag: 'movement', example: 'phong trào thi đua “…” năm 2022' },
    { tag: 'criteriaCollective', loop: true, example: 'the profile\'s criteria for tập thể' },
    { tag: 'criteriaCollective.text', example: '- Chỉ số SIPAS đạt từ 90% trở lên;' },
    { tag: 'criteriaIndividual', loop: true, example: 'the profile\'s criteria for cá nhân' },
    { tag: 'criteriaIndividual.text', example: '- Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98%;' },
    { tag: 'reviewedText', example: 'Hội đồng đã xem xét 18 tập thể và 13 cá nhân …' },
    { tag: 'voteBasis', example: 'số phiếu đồng ý trên tổng số thành viên Hội đồng (profile voteBase: total; "… trên số thành viên dự họp" when present)' },
    { tag: 'hasVotes', loop: true, example: 'true when some candidate is eligible' },
    { tag: 'votes', loop: true, example: 'one row per eligible candidate' },
    { tag: 'votes.no', example: '1' },
    { tag: 'votes.name', example: 'Phòng Tư pháp' },
    { tag: 'votes.kindLabel', example: 'Tập thể' },
    { tag: 'votes.agree', example: '9 (…… when unknown)' },
    { tag: 'votes.total', example: '11' },
    { tag: 'votes.share', example: '81,8%' },
    { tag: 'hasCount', loop: true, example: 'true when the meeting gives its method or members' },
    { tag: 'countText', example: 'Hình thức biểu quyết: bỏ phiếu kín; 9/11 thành viên Hội đồng tham gia biểu quyết; yêu cầu tỷ lệ phiếu đồng ý từ 70% trở lên.' },
    { tag: 'councilDecisions', loop: true, example: "the council's decisions, one paragraph each" },
    { tag: 'councilDecisions.text', example: 'Hội đồng thống nhất: sáng kiến “Số hóa hồ sơ cán bộ, công chức” là của Phòng Nội vụ; …' },
    { tag: 'hasOpenInitiatives', loop: true, example: 'true when an initiative claimed twice is undecided' },
    { tag: 'openInitiativesText', example: 'Sáng kiến được nhiều trường hợp cùng sử dụng, Hội đồng xác định thuộc về: … Kết quả: ……' },
    { tag: 'hasTies', loop: true, example: 'true when a tie at a quota cut is undecided' },
    { tag: 'tiesText', example: 'Các trường hợp bằng nhau tại ngưỡng chỉ tiêu …' },
    { tag: 'hasOverQuota', loop: true, example: 'true when eligible candidates exceed the quota' },
    { tag: 'overQuotaText', example: 'Đạt tiêu chuẩn nhưng vượt số lượng …: UBND xã Ninh Bình.' },
    { tag: 'awards', loop: true, example: 'one section per award with proposed candidates' },
    { tag: 'awards.heading', example: '1. Đề nghị tặng Giấy khen … cho 10 tập thể và 9 cá nhân:' },
    { tag: 'awards.names', loop: true, example: 'the proposed names' },
    { tag: 'awards.names.text', example: '- Phòng Tư pháp;' },
    { tag: 'endTime', example: 'Cuộc họp kết thúc vào lúc 16 giờ 30 cùng ngày.' },
    { tag: 'chairName', example: 'Nguyễn Vĩnh Thạnh' },
    { tag: 'secretaryName', example: 'Lê Thị Hoa' },
    { tag: 'recipients', loop: true, example: 'facts.meeting.recipients, or "- ……;" and "- Lưu: VT, Hồ sơ."' },
    { tag: 'recipients.text', example: '- Lưu: VT, Hồ sơ.' },
  ],
  baoCao: REPORT_TAGS,
  baoCaoNd98: REPORT_TAGS,
  baoCaoNd152: REPORT_TAGS,
  quyetDinh: [
    { tag: 'hasParentBody', loop: true, example: 'true when the issuer has a parent body' },
    { tag: 'parentBody', example: '(empty for UBND)' },
    { tag: 'issuingBody', example: 'ỦY BAN NHÂN DÂN THỊ XÃ NINH HÒA' },
    { tag: 'number', example: 'Số: 1520/QĐ-UBND' },
    { tag: 'placeDate', example: 'Ninh Hòa, ngày 28 tháng 12 năm 2022' },
    { tag: 'subject', example: 'Về việc tặng Giấy khen … cho các tập thể, cá nhân đã có thành tích xuất sắc trong phong trào thi đua “…” năm 2022' },
    { tag: 'authority', example: 'CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ NINH HÒA' },
    { tag: 'bases', loop: true, example: 'the căn cứ: the legal frame of the decision\'s date, the plan, the Tờ trình answered' },
    { tag: 'bases.text', example: 'Theo đề nghị của Phòng Nội vụ tại Tờ trình số 245/TTr-NV ngày 20 tháng 12 năm 2022.' },
    { tag: 'article1', example: 'Tặng Giấy khen … cho 10 tập thể và 9 cá nhân có tên trong danh sách kèm theo, …' },
    { tag: 'article2', example: 'Kèm theo Giấy khen, mỗi tập thể được thưởng 447.000 đồng, mỗi cá nhân được thưởng 223.500 đồng …' },
    { tag: 'article3', example: 'Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND thị xã, Trưởng phòng Nội vụ, … chịu trách nhiệm thi hành Quyết định này./.' },
    { tag: 'effect', example: '(empty: the effect clause now ends article3, the last Điều; kept for older templates)' },
    { tag: 'signerAuthority', example: 'KT. CHỦ TỊCH (empty when the signer signs in their own name)' },
    { tag: 'signerTitle', example: 'CHỦ TỊCH' },
    { tag: 'signerName', example: 'Nguyễn Vĩnh Thạnh' },
    { tag: 'recipients', loop: true, example: '[{ text: "- Như Điều 3;" }, { text: "- Lưu: VT, NV." }]' },
    { tag: 'recipients.text', example: '- Lưu: VT, NV.' },
    { tag: 'annexSubtitle', example: 'Tập thể, cá nhân được tặng Giấy khen của Chủ tịch UBND thị xã' },
    { tag: 'annexReference', example: '(Kèm theo Quyết định số 1520/QĐ-UBND ngày 28 tháng 12 năm 2022 của Chủ tịch UBND thị xã Ninh Hòa)' },
    { tag: 'counts', example: '10 tập thể và 9 cá nhân' },
    { tag: 'hasCollectives', loop: true, example: 'true when tập thể are awarded' },
    { tag: 'collectiveHeading', example: 'I. TẬP THỂ (10)' },
    { tag: 'collectives', loop: true, example: 'one row per tập thể, by rank' },
    { tag: 'collectives.no', example: '1' },
    { tag: 'collectives.name', example: 'Văn phòng HĐND và UBND thị xã' },
    { tag: 'collectives.details', example: '(empty for a tập thể)' },
    { tag: 'hasIndividuals', loop: true, example: 'true when cá nhân are awarded' },
    { tag: 'individualHeading', example: 'II. CÁ NHÂN (9)' },
    { tag: 'individuals', loop: true, example: 'one row per cá nhân, by rank' },
    { tag: 'individuals.no', example: '1' },
    { tag: 'individuals.name', example: 'Nguyễn Thị Thu Hà' },
    { tag: 'individuals.details', example: 'Trưởng phòng Nội vụ' },
  ],
  chiTienThuong: [
    { tag: 'hasParentBody', loop: true, example: 'true when the issuer has a parent body' },
    { tag: 'parentBody', example: '(empty for UBND)' },
    { tag: 'issuingBody', example: 'ỦY BAN NHÂN DÂN THỊ XÃ NINH HÒA' },
    { tag: 'subtitle', example: 'Tiền thưởng kèm theo Giấy khen của Chủ tịch UBND thị xã Ninh Hòa' },
    { tag: 'reference', example: '(Kèm theo Quyết định số 1520/QĐ-UBND ngày 28 tháng 12 năm 2022 của Chủ tịch UBND thị xã Ninh Hòa)' },
    { tag: 'rows', loop: true, example: 'tập thể then cá nhân, by rank' },
    { tag: 'rows.no', example: '1' },
    { tag: 'rows.name', example: 'Bà Nguyễn Thị Thu Hà' },
    { tag: 'rows.details', example: 'Trưởng phòng Nội vụ' },
    { tag: 'rows.amount', example: '450.000' },
    { tag: 'counts', example: '10 tập thể và 9 cá nhân' },
    { tag: 'total', example: '13.050.000' },
    { tag: 'totalInWords', example: 'Mười ba triệu không trăm năm mươi nghìn đồng' },
    { tag: 'basis', example: 'Mức thưởng theo Điều 73 Nghị định số 91/2017/NĐ-CP …; mức lương cơ sở 1.490.000 đồng (Nghị định số 38/2019/NĐ-CP).' },
  ],
};


/** Every name a template may use, loop scopes flattened ("collectives.name" → "name"). */
export function allowedTagNames(template: TemplateId): Set<string> {
  const names = new Set<string>();
  for (const t of TEMPLATE_TAGS[template]) names.add(t.tag.split('.').pop()!);
  return names;
}
