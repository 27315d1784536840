/**
 * The Báo cáo thành tích has one template per report form, and the legal frame in force on the
 * document's date names the form (legalFrames.ts). The nd91 template keeps its old file name, so a
 * user's own "bao-cao-thanh-tich-mau-07.docx" keeps working.
 */
import type { ReportForm } from '..';
import type { TemplateId } from '../ids';

/** Report form ids, as the legal frames name them (src/core/legalFrames.ts). */
export type ReportFormId = ReportForm;

export const REPORT_TEMPLATES: Record<ReportFormId, TemplateId> = {
  'nd91-2017-mau-07': 'baoCao',
  'nd98-2023': 'baoCaoNd98',
  'nd152-2025': 'baoCaoNd152',
};

export const REPORT_TEMPLATE_IDS: readonly TemplateId[] = Object.values(REPORT_TEMPLATES);

export function isReportTemplate(id: TemplateId): boolean {
  return REPORT_TEMPLATE_IDS.includes(id);
}

/** How a report names its form when the frame gives no label of its own (the form's corner line). */
export const DEFAULT_FORM_LABELS: Record<ReportFormId, string> = {
  'nd91-2017-mau-07': 'Mẫu số 07, Phụ lục ban hành kèm theo Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ',
  'nd98-2023': 'Phụ lục ban hành kèm theo Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ',
  'nd152-2025': 'Phụ lục ban hành kèm theo Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ',
};
