/** The words of the after-council step of "Tạo hồ sơ" (Quyết định, Giấy khen, lịch sử), vi / en. */
import type { Lang } from '../../core';

export interface AfterStrings {
  title: string;
  intro: string;
  decision: string;
  certificates: string;
  calibration: string;
  record: string;
  layoutTitle: string;
  layoutHint: string;
  layoutSave: string;
  layoutSaved: string;
  layoutInvalid: string;
  progressDecision: (done: number, total: number) => string;
  decisionsDone: (n: number) => string;
  certificatesDone: (n: number, from: string) => string;
  calibrationDone: string;
  layoutFrom: { saved: string; default: string };
  recorded: (n: number, decision: string, sheet: string) => string;
  alreadyRecorded: (decision: string, rows: string) => string;
  incomplete: string;
  nobody: string;
  failed: string;
  missing: string;
}

const vi: AfterStrings = {
  title: 'Sau khi Hội đồng xét: Quyết định, Giấy khen, lịch sử',
  intro: 'Khi lãnh đạo đồng ý, điền phần “Quyết định khen thưởng” trong “Thông tin khác” ở trên (số, ngày, người ký, tiền thưởng) rồi bấm “Lưu thông tin”, rồi lập Quyết định kèm danh sách, in Giấy khen lên phôi, và ghi các trường hợp được khen vào trang “Lịch sử khen thưởng”.',
  decision: 'Tạo Quyết định',
  certificates: 'In Giấy khen',
  calibration: 'Trang canh chỉnh',
  record: 'Ghi vào lịch sử',
  layoutTitle: 'Bố cục Giấy khen (mm tính từ mép trang)',
  layoutHint: 'In “Trang canh chỉnh” lên một phôi, đo vị trí các dấu chữ thập, rồi sửa x, y (mm) ở đây. Bố cục được lưu trong sổ làm việc, “thidua certificates” cũng dùng.',
  layoutSave: 'Lưu bố cục',
  layoutSaved: 'Đã lưu bố cục Giấy khen vào sổ làm việc.',
  layoutInvalid: 'Bố cục không hợp lệ, chưa lưu:',
  progressDecision: (d, t) => `Đang lập Quyết định ${d}/${t}…`,
  decisionsDone: (n) => `Đã lập ${n} Quyết định khen thưởng.`,
  certificatesDone: (n, from) => `Đã lập ${n} trang Giấy khen (bố cục ${from}).`,
  calibrationDone: 'Đã lập trang canh chỉnh.',
  layoutFrom: { saved: 'lưu trong sổ làm việc', default: 'mặc định, A4 ngang' },
  recorded: (n, d, sheet) => `Đã ghi ${n} dòng của Quyết định ${d} vào trang “${sheet}”.`,
  alreadyRecorded: (d, rows) => `Quyết định ${d} đã có trong lịch sử (dòng ${rows}): không ghi lần nữa.`,
  incomplete: 'Quyết định chưa có đủ số, ngày (điền ở phần “Quyết định khen thưởng” trong “Thông tin khác”):',
  nobody: 'Không có tập thể, cá nhân nào được đề nghị khen thưởng.',
  failed: 'Chưa làm được:',
  missing: 'Còn để trống (in “……”):',
};

const en: AfterStrings = {
  title: 'After the council: decision, certificates, history',
  intro: 'Once the chairman agrees, fill in “Award decision” under “Other facts” above (number, date, signer, amounts) and save, then draft the decision with its list, print the certificates onto the blanks, and record the awards in the sheet “Lịch sử khen thưởng”.',
  decision: 'Draft the decision',
  certificates: 'Print certificates',
  calibration: 'Calibration page',
  record: 'Record in the history',
  layoutTitle: 'Certificate layout (mm from the page edges)',
  layoutHint: 'Print the calibration page on a blank, measure the crosses, then correct x, y (mm) here. The layout is saved in the workbook; “thidua certificates” uses it too.',
  layoutSave: 'Save the layout',
  layoutSaved: 'The certificate layout was saved in the workbook.',
  layoutInvalid: 'The layout is invalid; nothing was saved:',
  progressDecision: (d, t) => `Drafting decision ${d} of ${t}…`,
  decisionsDone: (n) => `${n} award decision(s) drafted.`,
  certificatesDone: (n, from) => `${n} certificate page(s) made (layout: ${from}).`,
  calibrationDone: 'Calibration page made.',
  layoutFrom: { saved: 'saved in the workbook', default: 'default, A4 landscape' },
  recorded: (n, d, sheet) => `${n} row(s) of decision ${d} recorded in the sheet “${sheet}”.`,
  alreadyRecorded: (d, rows) => `Decision ${d} is already in the history (row ${rows}): not recorded again.`,
  incomplete: 'The decision lacks its number or date (fill in “Award decision”):',
  nobody: 'No collective or individual is proposed.',
  failed: 'Not done:',
  missing: 'Still blank (printed “……”):',
};

export function afterStrings(lang: Lang): AfterStrings {
  return lang === 'vi' ? vi : en;
}
