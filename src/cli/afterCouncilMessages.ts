/** Messages of `thidua decision`, `certificates` and `record`, per language (documents stay Vietnamese). */
import type { Lang } from '../core';

export interface AfterCouncilText {
  missingOut: string;
  decisionsWritten: (n: number, where: string) => string;
  awarded: (award: string, collective: number, individual: number) => string;
  nothingToDecide: string;
  missingDecisionFacts: (paths: string[]) => string;
  certificatesWritten: (n: number, file: string) => string;
  calibrationWritten: (file: string) => string;
  layoutInvalid: (file: string) => string;
  savedLayoutInvalid: string;
  layoutUsed: (where: string) => string;
  noAwardees: string;
  missingFacts: string;
  annotateSameFile: string;
  recorded: (n: number, decision: string, file: string) => string;
  alreadyRecorded: (decision: string, rows: string) => string;
  decisionIncomplete: (paths: string[]) => string;
  cannotWrite: (target: string, why: string) => string;
}

const vi: AfterCouncilText = {
  missingOut: 'Thiếu --out: nơi ghi văn bản.',
  decisionsWritten: (n, where) => `Đã lập ${n} Quyết định khen thưởng, ghi vào ${where}`,
  awarded: (award, c, i) => `${award}: ${c} tập thể, ${i} cá nhân.`,
  nothingToDecide: 'Không có tập thể, cá nhân nào được đề nghị: không có Quyết định nào để lập.',
  missingDecisionFacts: (paths) => `Còn để trống (in "……", điền bằng --facts mục "decision" hoặc trên văn bản): ${paths.join(', ')}.`,
  certificatesWritten: (n, file) => `Đã lập ${n} trang Giấy khen (mỗi trang một tập thể, cá nhân): ${file}`,
  calibrationWritten: (file) => `Đã lập trang canh chỉnh (thước đo và dấu chữ thập): ${file}. In trên phôi, đo rồi sửa tệp bố cục.`,
  layoutInvalid: (file) => `Tệp bố cục "${file}" không hợp lệ:`,
  savedLayoutInvalid: 'Bố cục Giấy khen lưu trong bảng tính không hợp lệ, dùng bố cục mặc định:',
  layoutUsed: (where) => `Bố cục: ${where}.`,
  noAwardees: 'Không có tập thể, cá nhân nào được đề nghị khen thưởng: không có Giấy khen nào để in.',
  missingFacts: 'Thiếu số hoặc ngày của Quyết định (mục "decision" trong --facts): in "……".',
  annotateSameFile: '--annotate phải là một tệp mới, khác tệp đầu vào (tệp gốc không bao giờ bị ghi đè).',
  recorded: (n, d, f) => `Đã ghi ${n} dòng khen thưởng của Quyết định ${d} vào sheet "Lịch sử khen thưởng" của bản sao ${f}.`,
  alreadyRecorded: (d, rows) => `Quyết định ${d} đã được ghi vào lịch sử (dòng ${rows}): không ghi lần nữa.`,
  decisionIncomplete: (paths) => `Chưa ghi được: Quyết định còn thiếu ${paths.join(', ')} (mục "decision" trong --facts).`,
  cannotWrite: (target, why) => `Không ghi được "${target}": ${why}`,
};

const en: AfterCouncilText = {
  missingOut: 'Missing --out: where to write the documents.',
  decisionsWritten: (n, where) => `${n} award decision(s) drafted, written to ${where}`,
  awarded: (award, c, i) => `${award}: ${c} collectives, ${i} individuals.`,
  nothingToDecide: 'No collective or individual is proposed: there is no decision to draft.',
  missingDecisionFacts: (paths) => `Still blank (printed "……"; give them under "decision" in --facts or fill in the document): ${paths.join(', ')}.`,
  certificatesWritten: (n, file) => `${n} certificate page(s) made (one per collective or individual): ${file}`,
  calibrationWritten: (file) => `Calibration page made (ruler and crosses): ${file}. Print it on a blank, measure, then edit the layout file.`,
  layoutInvalid: (file) => `The layout file "${file}" is invalid:`,
  savedLayoutInvalid: 'The certificate layout saved in the workbook is invalid; the default layout is used:',
  layoutUsed: (where) => `Layout: ${where}.`,
  noAwardees: 'No collective or individual is proposed: there is no certificate to print.',
  missingFacts: 'The decision number or date is missing ("decision" in --facts): printed "……".',
  annotateSameFile: '--annotate must be a new file, not the input (the original is never overwritten).',
  recorded: (n, d, f) => `${n} award row(s) of decision ${d} recorded in the sheet "Lịch sử khen thưởng" of the copy ${f}.`,
  alreadyRecorded: (d, rows) => `Decision ${d} is already recorded in the history (row ${rows}): not recorded again.`,
  decisionIncomplete: (paths) => `Not recorded: the decision lacks ${paths.join(', ')} ("decision" in --facts).`,
  cannotWrite: (target, why) => `Cannot write "${target}": ${why}`,
};

export function afterCouncilText(lang: Lang): AfterCouncilText {
  return lang === 'vi' ? vi : en;
}
