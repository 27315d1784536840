/** Messages of the exceljs adapter (files that cannot be read or written), registered with the core's renderer. */
import type { Lang } from '../core/ids';
import type { Message } from '../core/result';
import type { Catalogue } from '../core/messages/catalogue';
import { registerMessages } from '../core/messages';

/** Names of the parts an annotated copy loses (CopyLoss of readWorkbook.ts), per language. */
const COPY_LOSS_LABELS: Record<Lang, Record<string, string>> = {
  vi: { charts: 'biểu đồ', pivotTables: 'bảng tổng hợp (PivotTable)', slicers: 'slicer', threadedComments: 'bình luận dạng hội thoại', formControls: 'điều khiển biểu mẫu', macros: 'macro' },
  en: { charts: 'charts', pivotTables: 'pivot tables', slicers: 'slicers', threadedComments: 'threaded comments', formControls: 'form controls', macros: 'macros' },
};

function partsText(parts: string | number | undefined, lang: Lang): string {
  return String(parts ?? '')
    .split(',')
    .filter(Boolean)
    .map((k) => COPY_LOSS_LABELS[lang][k] ?? k)
    .join(', ');
}

const vi: Catalogue = {
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
  'xlsx.cannotWrite': (p) => `Không ghi được tệp "${p.path}": ${p.why}`,
  'xlsx.copyType': (p) => `Bản sao "${p.path}" phải có đuôi ${p.ext ?? '.xlsx / .xlsm'} như tệp gốc (tệp có macro là .xlsm; Excel không mở tệp mang đuôi khác loại của nó).`,
  'xlsx.copyLoses': (p) =>
    `Lưu ý: bản sao có đánh dấu "${p.path}" giữ nguyên mọi giá trị nhưng không giữ được ${partsText(p.parts, 'vi')} của tệp gốc; tệp gốc không bị thay đổi.`,
};

const en: Catalogue = {
  'xlsx.notFound': (p) => `File "${p.path}" was not found.`,
  'xlsx.notAFile': (p) => `"${p.path}" is not a file.`,
  'xlsx.empty': (p) => `File "${p.path}" is empty (0 bytes).`,
  'xlsx.encrypted': (p) => `File "${p.path}" is password-protected (encrypted) and cannot be read: open it in Excel, remove the password (File › Info › Protect Workbook) and save it.`,
  'xlsx.legacyXls': (p) => `File "${p.path}" is an old Excel .xls workbook: open it in Excel and save it as .xlsx (Excel Workbook).`,
  'xlsx.encryptedOrXls': (p) => `File "${p.path}" is password-protected (encrypted) or an old .xls: open it in Excel, remove the password and save it as .xlsx.`,
  'xlsx.notXlsx': (p) => `File "${p.path}" is not an Excel .xlsx workbook (perhaps a renamed .csv or .xls): open it in Excel and save it as .xlsx.`,
  'xlsx.corrupt': (p) => `File "${p.path}" is damaged and cannot be read${p.why ? ` (${p.why})` : ''}. Open and re-save it in Excel, or use another copy.`,
  'xlsx.unreadable': (p) => `Cannot read "${p.path}": ${p.why}`,
  'xlsx.cannotWrite': (p) => `Cannot write "${p.path}": ${p.why}`,
  'xlsx.copyType': (p) => `The copy "${p.path}" must end in ${p.ext ?? '.xlsx / .xlsm'}, like the original (a workbook with macros is .xlsm; Excel will not open a file whose extension does not match its type).`,
  'xlsx.copyLoses': (p) => `Note: the annotated copy "${p.path}" keeps every value but not the ${partsText(p.parts, 'en')} of the original; the original file is unchanged.`,
};

/** The message for an annotated copy that lacks some parts of the original (null when it lacks none). */
export function copyLossMessage(outPath: string, losses: readonly string[]): Message | null {
  return losses.length ? { code: 'xlsx.copyLoses', params: { path: outPath, parts: losses.join(',') } } : null;
}

registerMessages('vi', vi);
registerMessages('en', en);

export const XLSX_MESSAGES: Record<Lang, Catalogue> = { vi, en };

/** Renders one of this adapter's codes; null for a code that is not ours. */
export function renderXlsxMessage(m: Message, lang: Lang): string | null {
  const fn = XLSX_MESSAGES[lang][m.code];
  return fn ? fn(m.params ?? {}) : null;
}
