/** Messages of the exceljs adapter (files that cannot be read or written), registered with the core's renderer. */
import { type Lang, type Message, type Catalogue, type Params, registerMessages, STATE_SHEET } from '../core';

/** Bytes → megabytes, rounded. */
function mb(n: string | number | undefined): string {
  return String(Math.round(Number(n ?? 0) / (1024 * 1024)));
}

const vi = {
  'xlsx.notFound': (p) => `Không tìm thấy tệp "${p.path}".`,
  'xlsx.notAFile': (p) => `"${p.path}" không phải là một tệp.`,
  'xlsx.empty': (p) => `Tệp "${p.path}" rỗng (0 byte).`,
  'xlsx.encrypted': (p) =>
    `Tệp "${p.path}" được bảo vệ bằng mật khẩu (mã hóa), chương trình không đọc được: mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại.`,
  'xlsx.legacyXls': (p) => `Tệp "${p.path}" là định dạng Excel cũ (.xls): mở bằng Excel và lưu lại dưới dạng .xlsx (Sổ làm việc Excel).`,
  'xlsx.encryptedOrXls': (p) =>
    `Tệp "${p.path}" được bảo vệ bằng mật khẩu (mã hóa) hoặc là định dạng .xls cũ: mở bằng Excel, bỏ mật khẩu rồi lưu lại dưới dạng .xlsx.`,
  'xlsx.notXlsx': (p) => `Tệp "${p.path}" không phải là bảng tính Excel .xlsx (có thể là .csv, .xls hay tệp khác đổi tên): mở bằng Excel và lưu lại dưới dạng .xlsx.`,
  'xlsx.corrupt': (p) => `Tệp "${p.path}" bị hỏng, không đọc được${p.why ? ` (${p.why})` : ''}. Mở bằng Excel và lưu lại, hoặc dùng bản sao khác.`,
  'xlsx.unreadable': (p) => `Không đọc được tệp "${p.path}": ${p.why}`,
  'xlsx.tooLarge': (p) =>
    `Tệp "${p.path}" khi giải nén lớn bất thường${p.size !== undefined ? ` (${mb(p.size)} MB, giới hạn ${mb(p.limit)} MB)` : ''}: có thể tệp bị hỏng hoặc không phải bảng tính thật. Mở bằng Excel, xóa các trang thừa rồi lưu lại.`,
  'xlsx.tooManyParts': (p) => `Tệp "${p.path}" có quá nhiều thành phần${p.count !== undefined ? ` (${p.count}, giới hạn ${p.limit})` : ''}: có thể tệp bị hỏng hoặc không phải bảng tính thật.`,
  'xlsx.duplicatePart': (p) => `Tệp "${p.path}" bị hỏng: thành phần "${p.part ?? '…'}" có hai lần trong tệp nén, không biết bản nào là đúng. Mở bằng Excel và lưu lại, hoặc dùng bản sao khác.`,
  'xlsx.copyType': (p) => `Bản sao "${p.path}" phải có đuôi ${p.ext ?? '.xlsx / .xlsm'} như tệp gốc (tệp có macro là .xlsm; Excel không mở tệp mang đuôi khác loại của nó).`,
  'xlsx.cannotPatch': (p) => `Không tạo được bản sao "${p.path}": một phần của tệp gốc không đúng chuẩn Office Open XML (${p.why}). Mở tệp gốc bằng Excel, lưu lại rồi thử lại.`,
  'xlsx.copyMissingSheets': (p) => `Bản sao "${p.path}": các trang ${p.sheets ?? '…'} đã đổi tên hoặc bị xóa từ lần đánh dấu trước: ô đánh dấu ở đó chưa khôi phục được (vẫn giữ trong dữ liệu sao lưu).`,
  'xlsx.copyGoneCandidates': (p) => `Bản sao "${p.path}": không còn tìm thấy dòng của ${p.names ?? '…'} — đánh dấu cũ ở các dòng đó không được khôi phục sang dòng khác.`,
  'xlsx.copyUserChanges': (p) => `Bản sao "${p.path}": ${p.count ?? 0} ô đã được sửa màu hoặc ghi chú sau lần đánh dấu trước: giữ nguyên như người dùng đã sửa.`,
  'xlsx.copyThreaded': (p) => `Bản sao "${p.path}": các ô có bình luận dạng hội thoại (${p.cells ?? '…'}) chỉ được tô màu; bình luận giữ nguyên.`,
  // `thidua clear`
  'xlsx.cleared': (p) => `Đã xóa đánh dấu: bản sao sạch ghi vào ${p.path} (các ô trở lại màu và ghi chú như trước khi đánh dấu; trang kết quả đã bỏ).`,
  'xlsx.nothingToClear': (p) => `Tệp "${p.path}" không có đánh dấu nào của Thi đua CCHC: không có gì để xóa, không ghi tệp nào.`,
  'xlsx.clearBackupDamaged': (p) =>
    `Bản lưu đánh dấu (sheet ${STATE_SHEET}) của "${p.path}" bị hỏng: không khôi phục được màu và ghi chú cũ của các ô nên không ghi tệp nào. Hãy xóa đánh dấu trong Excel (bảng tác vụ Thi đua CCHC → Xóa đánh dấu) hoặc dùng bản gốc chưa đánh dấu.`,
  'xlsx.clearMissingOut': (p) => `Thiếu --out: tên tệp bản sao của "${p.path}" đã xóa đánh dấu (tệp gốc không bao giờ bị ghi đè).`,
} satisfies Catalogue;

/** The adapter's codes: those of the Vietnamese catalogue. */
type XlsxCode = keyof typeof vi;

/** Every code of the Vietnamese catalogue, no other (a missing or stray translation fails the type check). */
const en: Record<XlsxCode, (p: Params) => string> = {
  'xlsx.notFound': (p) => `File "${p.path}" was not found.`,
  'xlsx.notAFile': (p) => `"${p.path}" is not a file.`,
  'xlsx.empty': (p) => `File "${p.path}" is empty (0 bytes).`,
  'xlsx.encrypted': (p) => `File "${p.path}" is password-protected (encrypted) and cannot be read: open it in Excel, remove the password (File › Info › Protect Workbook) and save it.`,
  'xlsx.legacyXls': (p) => `File "${p.path}" is an old Excel .xls workbook: open it in Excel and save it as .xlsx (Excel Workbook).`,
  'xlsx.encryptedOrXls': (p) => `File "${p.path}" is password-protected (encrypted) or an old .xls: open it in Excel, remove the password and save it as .xlsx.`,
  'xlsx.notXlsx': (p) => `File "${p.path}" is not an Excel .xlsx workbook (perhaps a renamed .csv or .xls): open it in Excel and save it as .xlsx.`,
  'xlsx.corrupt': (p) => `File "${p.path}" is damaged and cannot be read${p.why ? ` (${p.why})` : ''}. Open and re-save it in Excel, or use another copy.`,
  'xlsx.unreadable': (p) => `Cannot read "${p.path}": ${p.why}`,
  'xlsx.tooLarge': (p) =>
    `File "${p.path}" unpacks to an abnormal size${p.size !== undefined ? ` (${mb(p.size)} MB, limit ${mb(p.limit)} MB)` : ''}: it may be damaged or not a real workbook. Open it in Excel, delete unneeded sheets and save it.`,
  'xlsx.tooManyParts': (p) => `File "${p.path}" has too many parts${p.count !== undefined ? ` (${p.count}, limit ${p.limit})` : ''}: it may be damaged or not a real workbook.`,
  'xlsx.duplicatePart': (p) => `File "${p.path}" is damaged: the part "${p.part ?? '…'}" is stored twice in the zip, and neither copy can be told to be the right one. Open and re-save it in Excel, or use another copy.`,
  'xlsx.copyType': (p) => `The copy "${p.path}" must end in ${p.ext ?? '.xlsx / .xlsm'}, like the original (a workbook with macros is .xlsm; Excel will not open a file whose extension does not match its type).`,
  'xlsx.cannotPatch': (p) => `Cannot make the copy "${p.path}": a part of the original is not valid Office Open XML (${p.why}). Open the original in Excel, save it, and try again.`,
  'xlsx.copyMissingSheets': (p) => `Copy "${p.path}": sheets ${p.sheets ?? '…'} were renamed or deleted since the last annotation: the marks there could not be undone (they stay in the backup).`,
  'xlsx.copyGoneCandidates': (p) => `Copy "${p.path}": the rows of ${p.names ?? '…'} are gone: their old marks are not moved onto other rows.`,
  'xlsx.copyUserChanges': (p) => `Copy "${p.path}": ${p.count ?? 0} cells had their fill or note changed after the last annotation: kept as the user left them.`,
  'xlsx.copyThreaded': (p) => `Copy "${p.path}": cells with threaded comments (${p.cells ?? '…'}) are only filled; their comments are left as they are.`,
  // `thidua clear`
  'xlsx.cleared': (p) => `Marks cleared: the clean copy is written to ${p.path} (cells back to their fills and notes from before the annotation; the result sheet removed).`,
  'xlsx.nothingToClear': (p) => `"${p.path}" holds no marks of Thi đua CCHC: nothing to clear, no file written.`,
  'xlsx.clearBackupDamaged': (p) =>
    `The marking backup (sheet ${STATE_SHEET}) of "${p.path}" is damaged: the cells' earlier fills and notes cannot be restored, so no file is written. Clear the marks in Excel (the Thi đua CCHC task pane → Clear marks) or use the original, unmarked file.`,
  'xlsx.clearMissingOut': (p) => `--out is missing: the file name of the cleared copy of "${p.path}" (the original is never overwritten).`,
};

registerMessages('vi', vi);
registerMessages('en', en);

export const XLSX_MESSAGES: Record<Lang, Catalogue> = { vi, en };

/** Renders one of this adapter's codes; null for a code that is not ours. */
export function renderXlsxMessage(m: Message, lang: Lang): string | null {
  const fn = XLSX_MESSAGES[lang][m.code];
  return fn ? fn(m.params ?? {}) : null;
}
