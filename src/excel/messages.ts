/** The adapter's messages for the user (vi + en): what went wrong in Excel and what to do. */
import type { Lang } from '../core';

interface Strings {
  cellEdit: string;
  tooLarge: string;
  responseTooLarge: string;
  protectedSheets: (names: string, many: boolean) => string;
  protectedWorkbook: string;
  accessDenied: string;
  merged: string;
  table: string;
  notFound: string;
  hiddenSheet: string;
  missingSheets: (names: string) => string;
  unsupported: string;
  noExcel: string;
  generic: (detail: string) => string;
}

const STRINGS: Record<Lang, Strings> = {
  vi: {
    cellEdit: 'Excel đang ở chế độ sửa ô. Hãy hoàn tất việc sửa ô (nhấn Enter hoặc Esc) rồi thử lại.',
    tooLarge: 'Excel trên web không nhận quá 5 MB dữ liệu gửi trong một lần, và phần cần ghi vào bảng tính này vượt mức đó. Bảng tính chưa bị ghi dở: hãy bấm "Xóa đánh dấu" rồi mở tệp bằng Excel trên máy tính để đánh dấu, hoặc chia bảng tính thành các tệp nhỏ hơn.',
    responseTooLarge:
      'Excel trên web không trả quá 5 MB dữ liệu trong một lần, và một phần bảng tính này vượt mức đó (có ô chứa văn bản rất dài). Chưa có gì bị thay đổi. Hãy mở tệp bằng Excel trên máy tính, hoặc chuyển các cột văn bản dài (như thành tích) sang trang tính khác.',
    protectedSheets: (n, many) =>
      `${many ? 'Các trang tính' : 'Trang tính'} ${n} đang được bảo vệ (Protect Sheet) nên tiện ích không ghi được vào đó. Chưa có gì bị thay đổi. Hãy bỏ bảo vệ (thẻ Xem lại › Bỏ bảo vệ trang tính) rồi bấm lại; xong việc có thể bảo vệ lại.`,
    protectedWorkbook:
      'Sổ làm việc đang được bảo vệ cấu trúc (Protect Workbook) nên tiện ích không thêm hoặc gỡ được trang “Kết quả xét khen thưởng” và trang dữ liệu ẩn của mình. Chưa có gì bị thay đổi. Hãy bỏ bảo vệ (thẻ Xem lại › Bảo vệ sổ làm việc) rồi bấm lại.',
    accessDenied:
      'Excel không cho ghi vào bảng tính: một trang tính hoặc cả sổ làm việc đang được bảo vệ, hoặc tệp chỉ được mở để xem. Hãy bỏ bảo vệ (thẻ Xem lại) hoặc mở tệp với quyền sửa, rồi bấm "Xóa đánh dấu" và làm lại.',
    merged: 'Excel không cho ghi vào một vùng có ô đã gộp (Merge & Center) chỉ một phần. Hãy bỏ gộp các ô đó (Trang đầu › Gộp và căn giữa › Bỏ gộp ô) rồi thử lại.',
    table: 'Excel không cho ghi vào vùng này vì nó chạm vào một Bảng Excel (Table) hoặc PivotTable. Hãy chuyển bảng thành vùng thường (Thiết kế bảng › Chuyển thành phạm vi) hoặc dời bảng đi, rồi thử lại.',
    notFound: 'Không tìm thấy trang tính hoặc ô cần dùng. Có thể bảng tính vừa được đổi tên hoặc xóa trang; hãy bấm "Kiểm tra dữ liệu" lại.',
    hiddenSheet: 'Ô này nằm trên một trang tính đang ẩn. Hãy hiện trang tính đó rồi thử lại.',
    missingSheets: (n) =>
      `Đã xóa đánh dấu, trừ trên trang tính ${n}: trang này không còn trong bảng tính (có thể đã được đổi tên hoặc xóa sau khi đánh dấu). Nếu đã đổi tên, hãy đặt lại tên cũ rồi bấm "Xóa đánh dấu" lần nữa để khôi phục màu nền và ghi chú ban đầu; nếu trang đã bị xóa, bấm "Xóa đánh dấu" lần nữa để bỏ qua.`,
    unsupported: 'Phiên bản Excel này không hỗ trợ thao tác cần thiết. Hãy cập nhật Office hoặc dùng Excel trên web.',
    noExcel: 'Tiện ích cần được mở từ Excel.',
    generic: (d) => `Excel báo lỗi: ${d}`,
  },
  en: {
    cellEdit: 'Excel is editing a cell. Please finish editing the cell (press Enter or Esc), then try again.',
    tooLarge: 'Excel on the web accepts at most 5 MB sent at once, and what must be written into this workbook is more. Nothing is half-written: click "Clear" and annotate in Excel on a computer, or split the workbook into smaller files.',
    responseTooLarge:
      'Excel on the web returns at most 5 MB at once, and part of this workbook is more (some cells hold very long text). Nothing was changed. Open the file in Excel on a computer, or move the long text columns (such as achievements) to another sheet.',
    protectedSheets: (n, many) =>
      `${many ? 'Sheets' : 'Sheet'} ${n} ${many ? 'are' : 'is'} protected (Protect Sheet), so the add-in cannot write there. Nothing was changed. Unprotect ${many ? 'them' : 'it'} (Review › Unprotect Sheet) and click again; you can protect ${many ? 'them' : 'it'} again afterwards.`,
    protectedWorkbook:
      'The workbook structure is protected (Protect Workbook), so the add-in cannot add or remove the sheet “Kết quả xét khen thưởng” and its hidden data sheet. Nothing was changed. Unprotect it (Review › Protect Workbook) and click again.',
    accessDenied:
      'Excel does not allow writing to this workbook: a sheet or the whole workbook is protected, or the file is open read-only. Unprotect it (Review tab) or open the file for editing, then click "Clear" and try again.',
    merged: 'Excel does not allow writing over part of merged cells (Merge & Center). Unmerge those cells (Home › Merge & Center › Unmerge Cells) and try again.',
    table: 'Excel does not allow writing here because the range touches an Excel table or a PivotTable. Convert the table to a range (Table Design › Convert to Range) or move it, and try again.',
    notFound: 'A sheet or cell the add-in needs was not found. The workbook may have just been changed; please run "Check data" again.',
    hiddenSheet: 'This cell is on a hidden sheet. Unhide the sheet, then try again.',
    missingSheets: (n) =>
      `The marks were cleared, except on sheet ${n}: it is no longer in the workbook (it may have been renamed or deleted after the marking). If it was renamed, give it its old name back and click "Clear" again to restore the original fills and notes; if it was deleted, click "Clear" again to skip it.`,
    unsupported: 'This version of Excel does not support a required operation. Please update Office or use Excel on the web.',
    noExcel: 'The add-in must be opened from Excel.',
    generic: (d) => `Excel reported an error: ${d}`,
  },
};

/** The language of Office's UI (vi unless Office says otherwise). */
export function officeLang(): Lang {
  try {
    const dl = typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined;
    return !dl || dl.toLowerCase().startsWith('vi') ? 'vi' : 'en';
  } catch {
    return 'vi';
  }
}

/** An Office.js failure → an Error whose message is written for the user. */
export function userError(e: unknown, lang: Lang = officeLang()): Error {
  const S = STRINGS[lang];
  const code = (e as { code?: string } | null)?.code;
  const detail = e instanceof Error ? e.message : String(e);
  let message: string;
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      message = S.cellEdit;
      break;
    case 'RequestPayloadSizeLimitExceeded':
      message = S.tooLarge;
      break;
    case 'ResponsePayloadSizeLimitExceeded':
      message = S.responseTooLarge;
      break;
    case 'AccessDenied':
      message = S.accessDenied;
      break;
    case 'MergedRangeConflict':
      message = S.merged;
      break;
    case 'InsertDeleteConflict':
    case 'PivotTableRangeConflict':
      message = S.table;
      break;
    case 'ItemNotFound':
      message = S.notFound;
      break;
    case 'ApiNotFound':
    case 'ApiNotAvailable':
      message = S.unsupported;
      break;
    default:
      // Excel reports a write into a table as an invalid operation whose text names the table.
      if (code === 'InvalidOperation' && /\btable\b|\bbảng\b/i.test(detail)) message = S.table;
      else message = typeof Excel === 'undefined' ? S.noExcel : S.generic(detail);
  }
  const err = new Error(message);
  (err as Error & { code?: string }).code = code;
  return err;
}

export function hiddenSheetError(lang: Lang = officeLang()): Error {
  return new Error(STRINGS[lang].hiddenSheet);
}

/** Clearing could not restore the cells of these sheets (renamed or deleted since the marking). */
export function missingSheetsError(sheets: string[], lang: Lang = officeLang()): Error {
  const names = sheets.map((n) => `"${n}"`).join(', ');
  return new Error(STRINGS[lang].missingSheets(names));
}

/** Writing was refused before anything was written: these sheets are protected (or the workbook's structure is). */
export function protectionError(sheets: string[], structure: boolean, lang: Lang = officeLang()): Error {
  const S = STRINGS[lang];
  const message = sheets.length ? S.protectedSheets(sheets.map((n) => `“${n}”`).join(', '), sheets.length > 1) : S.protectedWorkbook;
  return Object.assign(new Error(structure && sheets.length ? `${message} ${S.protectedWorkbook}` : message), { code: 'AccessDenied', userFacing: true });
}
