/** Messages of the command line itself (usage, files), per language. */
import type { Lang } from '../core';

export interface CliText {
  usage: string;
  badArgument: (a: string) => string;
  missingWorkbook: string;
  profileUnreadable: (path: string, why: string) => string;
  profileInvalid: (path: string) => string;
  annotateSameFile: string;
  annotated: (path: string, mode: string) => string;
  unexpected: (why: string) => string;
  noTables: string;
  tablesFound: string;
  problems: string;
  noProblems: string;
  quotas: string;
  ties: string;
  profileLine: (name: string) => string;
  headers: { rank: string; name: string; unit: string; result: string; award: string };
  kindTitle: { collective: string; individual: string };
  noCandidates: string;
  profileProblemsInWorkbook: string;
  unknownPreset: (id: string, ids: string[]) => string;
  presetsTitle: string;
  presetDefault: string;
  presetLine: (id: string) => string;
}

const usageVi = `Cách dùng:
  thidua check   <tệp.xlsx> [--preset <mã>] [--profile p.json] [--json] [--annotate ra.xlsx] [--lang en]
  thidua dossier <tệp.xlsx> --out <thư mục> [--preset <mã>] [--profile p.json] [--meeting m.json]
                 [--facts f.json] [--templates <thư mục>] [--zip] [--pdf] [--lang en]
  thidua decision <tệp.xlsx> --out <thư mục> [--preset <mã>] [--profile p.json] [--facts f.json]
                 [--meeting m.json] [--templates <thư mục>] [--lang en]
  thidua certificates <tệp.xlsx> --out giay-khen.docx [--preset <mã>] [--profile p.json] [--facts f.json]
                 [--meeting m.json] [--layout bo-cuc.json] [--paper A3] [--calibration] [--lang en]
  thidua clear   <tệp-đã-đánh-dấu.xlsx> --out <bản-sạch.xlsx> [--lang en]
  thidua record  <tệp.xlsx> --facts f.json --annotate ra.xlsx [--preset <mã>] [--profile p.json]
                 [--meeting m.json] [--lang en]
  thidua presets [--lang en]`;
const usageEn = `Usage:
  thidua check   <file.xlsx> [--preset <id>] [--profile p.json] [--json] [--annotate out.xlsx] [--lang en]
  thidua dossier <file.xlsx> --out <dir> [--preset <id>] [--profile p.json] [--meeting m.json]
                 [--facts f.json] [--templates <dir>] [--zip] [--pdf] [--lang en]
  thidua decision <file.xlsx> --out <dir> [--preset <id>] [--profile p.json] [--facts f.json]
                 [--meeting m.json] [--templates <dir>] [--lang en]
  thidua certificates <file.xlsx> --out giay-khen.docx [--preset <id>] [--profile p.json] [--facts f.json]
                 [--meeting m.json] [--layout layout.json] [--paper A3] [--calibration] [--lang en]
  thidua clear   <annotated.xlsx> --out <clean.xlsx> [--lang en]
  thidua record  <file.xlsx> --facts f.json --annotate out.xlsx [--preset <id>] [--profile p.json]
                 [--meeting m.json] [--lang en]
  thidua presets [--lang en]`;

const vi: CliText = {
  usage: usageVi,
  badArgument: (a) => `Tham số không hợp lệ hoặc thiếu giá trị: ${a}`,
  missingWorkbook: 'Thiếu đường dẫn tệp bảng tính (.xlsx).',
  profileUnreadable: (p, why) => `Không đọc được tệp cấu hình "${p}": ${why}`,
  profileInvalid: (p) => `Tệp cấu hình "${p}" không hợp lệ:`,
  annotateSameFile: '--annotate phải là một tệp mới, khác tệp đầu vào (tệp gốc không bao giờ bị ghi đè).',
  annotated: (p, mode) => `Đã ghi bản sao có đánh dấu: ${p} (${mode}).`,
  unexpected: (why) => `Lỗi không mong đợi: ${why}`,
  noTables: 'Không tìm thấy bảng nào.',
  tablesFound: 'Các bảng đã nhận diện',
  problems: 'Vấn đề dữ liệu',
  noProblems: 'Không có vấn đề dữ liệu.',
  quotas: 'Chỉ tiêu khen thưởng',
  ties: 'Đồng hạng cần Hội đồng quyết định',
  profileLine: (n) => `Bộ tiêu chí: ${n}`,
  headers: { rank: 'Hạng', name: 'Tên', unit: 'Đơn vị', result: 'Kết quả', award: 'Đề nghị' },
  kindTitle: { collective: 'TẬP THỂ', individual: 'CÁ NHÂN' },
  noCandidates: '(không có)',
  profileProblemsInWorkbook: 'Cấu hình lưu trong bảng tính không hợp lệ, dùng cấu hình mặc định:',
  unknownPreset: (id, ids) => `Không có mẫu cấu hình "${id}". Các mẫu: ${ids.join(', ')} (xem: thidua presets).`,
  presetsTitle: 'Các mẫu cấu hình (--preset <mã>):',
  presetDefault: '(mặc định)',
  presetLine: (id) => `Mẫu cấu hình: ${id}`,
};

const en: CliText = {
  usage: usageEn,
  badArgument: (a) => `Invalid argument or missing value: ${a}`,
  missingWorkbook: 'The workbook path (.xlsx) is missing.',
  profileUnreadable: (p, why) => `Cannot read the profile file "${p}": ${why}`,
  profileInvalid: (p) => `The profile file "${p}" is invalid:`,
  annotateSameFile: '--annotate must be a new file, not the input (the original is never overwritten).',
  annotated: (p, mode) => `Annotated copy written: ${p} (${mode}).`,
  unexpected: (why) => `Unexpected error: ${why}`,
  noTables: 'No table found.',
  tablesFound: 'Tables found',
  problems: 'Data problems',
  noProblems: 'No data problems.',
  quotas: 'Award quotas',
  ties: 'Ties the council must decide',
  profileLine: (n) => `Criteria profile: ${n}`,
  headers: { rank: 'Rank', name: 'Name', unit: 'Unit', result: 'Result', award: 'Proposed' },
  kindTitle: { collective: 'COLLECTIVES', individual: 'INDIVIDUALS' },
  noCandidates: '(none)',
  profileProblemsInWorkbook: 'The profile saved in the workbook is invalid; the default profile is used:',
  unknownPreset: (id, ids) => `There is no preset "${id}". Presets: ${ids.join(', ')} (see: thidua presets).`,
  presetsTitle: 'Presets (--preset <id>):',
  presetDefault: '(default)',
  presetLine: (id) => `Preset: ${id}`,
};

export function cliText(lang: Lang): CliText {
  return lang === 'vi' ? vi : en;
}
