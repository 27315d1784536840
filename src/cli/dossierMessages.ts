/** Messages of `thidua dossier`, per language (the documents themselves are always Vietnamese). */
import type { Lang } from '../core';

export interface DossierText {
  missingOut: string;
  unreadable: (file: string, why: string) => string;
  notJson: (file: string, why: string) => string;
  factsInvalid: (file: string) => string;
  savedFactsInvalid: string;
  templatesDirMissing: (dir: string) => string;
  templatesDirEmpty: (dir: string, names: string[]) => string;
  templatesInvalid: string;
  nothingWritten: string;
  cannotWrite: (target: string, why: string) => string;
  written: (n: number, where: string) => string;
  proposed: (award: string, collective: number, individual: number) => string;
  formVersion: (v: string) => string;
  customTemplates: (files: string[]) => string;
  missingFacts: (paths: string[]) => string;
  twoCopies: string;
  keptChanged: (files: string[]) => string;
  legalFrame: (name: string, form: string) => string;
  pdfWritten: (n: number) => string;
  pdfNotInstalled: string;
  pdfFailed: (detail: string, n: number) => string;
}

const vi: DossierText = {
  missingOut: 'Thiếu --out <thư mục>: nơi ghi hồ sơ.',
  unreadable: (f, why) => `Không đọc được tệp "${f}": ${why}`,
  notJson: (f, why) => `Tệp "${f}" không phải JSON hợp lệ: ${why}`,
  factsInvalid: (f) => `Thông tin hồ sơ trong "${f}" không hợp lệ:`,
  savedFactsInvalid: 'Thông tin hồ sơ lưu trong bảng tính không hợp lệ (sửa trong ngăn Tạo hồ sơ, hoặc ghi đè bằng --facts / --meeting):',
  templatesDirMissing: (d) => `Không có thư mục mẫu "${d}".`,
  templatesDirEmpty: (d, names) => `Thư mục mẫu "${d}" không có tệp nào mang tên: ${names.join(', ')}.`,
  templatesInvalid: 'Mẫu văn bản có lỗi, cần sửa trước khi lập hồ sơ:',
  nothingWritten: 'Chưa ghi tệp nào.',
  cannotWrite: (target, why) => `Không ghi được hồ sơ vào "${target}": ${why}`,
  written: (n, where) => `Đã lập hồ sơ: ${n} văn bản, ghi vào ${where}`,
  proposed: (award, c, i) => `${award}: đề nghị ${c} tập thể, ${i} cá nhân.`,
  formVersion: (v) => `Mẫu báo cáo thành tích: ${v}.`,
  customTemplates: (files) => `Dùng mẫu riêng: ${files.join(', ')}.`,
  missingFacts: (paths) => `Còn để trống (in "……", điền bằng --facts / --meeting hoặc trên văn bản): ${paths.join(', ')}.`,
  twoCopies: 'Kế hoạch yêu cầu nộp 02 bộ hồ sơ.',
  keptChanged: (files) => `Giữ nguyên ${files.length} tệp của lần chạy trước đã được sửa sau khi tạo (không xóa): ${files.join(', ')}.`,
  legalFrame: (name, form) => `Căn cứ pháp lý theo ngày văn bản: ${name}; mẫu báo cáo thành tích: ${form}.`,
  pdfWritten: (n) => `Đã xuất ${n} tệp PDF (LibreOffice), cạnh các tệp .docx.`,
  pdfNotInstalled: 'Không xuất được PDF: máy chưa cài LibreOffice (lệnh soffice). Các tệp .docx đã ghi đủ; cài LibreOffice (hoặc đặt biến THIDUA_SOFFICE chỉ tới soffice) rồi chạy lại với --pdf, hoặc mở tệp .docx bằng Word và chọn Lưu dưới dạng PDF.',
  pdfFailed: (d, n) => `LibreOffice không chuyển được hết sang PDF (${d}); đã xuất ${n} tệp PDF. Các tệp .docx đã ghi đủ.`,
};

const en: DossierText = {
  missingOut: 'Missing --out <dir>: where to write the dossier.',
  unreadable: (f, why) => `Cannot read "${f}": ${why}`,
  notJson: (f, why) => `"${f}" is not valid JSON: ${why}`,
  factsInvalid: (f) => `The dossier facts in "${f}" are invalid:`,
  savedFactsInvalid: 'The dossier facts saved in the workbook are invalid (correct them in the Tạo hồ sơ pane, or override them with --facts / --meeting):',
  templatesDirMissing: (d) => `The templates folder "${d}" does not exist.`,
  templatesDirEmpty: (d, names) => `The templates folder "${d}" holds none of: ${names.join(', ')}.`,
  templatesInvalid: 'The templates have errors to fix before the dossier can be made:',
  nothingWritten: 'No file was written.',
  cannotWrite: (target, why) => `Cannot write the dossier to "${target}": ${why}`,
  written: (n, where) => `Dossier made: ${n} documents, written to ${where}`,
  proposed: (award, c, i) => `${award}: ${c} collectives, ${i} individuals proposed.`,
  formVersion: (v) => `Achievement report form: ${v}.`,
  customTemplates: (files) => `Own templates used: ${files.join(', ')}.`,
  missingFacts: (paths) => `Still blank (printed "……"; give them with --facts / --meeting or fill in the documents): ${paths.join(', ')}.`,
  twoCopies: 'The plan asks for 02 copies of the dossier.',
  keptChanged: (files) => `Kept ${files.length} file(s) of an earlier run that were edited since (not removed): ${files.join(', ')}.`,
  legalFrame: (name, form) => `Legal bases by the document date: ${name}; achievement report form: ${form}.`,
  pdfWritten: (n) => `${n} PDF files written (LibreOffice), beside the .docx files.`,
  pdfNotInstalled: 'No PDF written: LibreOffice (the soffice command) is not installed. Every .docx was written; install LibreOffice (or set THIDUA_SOFFICE to the soffice program) and run again with --pdf, or open the .docx in Word and Save as PDF.',
  pdfFailed: (d, n) => `LibreOffice could not convert everything to PDF (${d}); ${n} PDF files written. Every .docx was written.`,
};

export function dossierText(lang: Lang): DossierText {
  return lang === 'vi' ? vi : en;
}
