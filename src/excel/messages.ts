/** The adapter's messages for the user (vi + en): what went wrong in Excel and what to do. */
import type { Lang } from '../core/ids';

interface Strings {
  cellEdit: string;
  tooLarge: string;
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
    tooLarge: 'Bảng tính quá lớn để ghi trong một lần. Hãy thử lại; nếu vẫn lỗi, hãy chia bảng tính thành các tệp nhỏ hơn.',
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
    tooLarge: 'The workbook is too large to write in one go. Try again; if it still fails, split the workbook into smaller files.',
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
    case 'ItemNotFound':
      message = S.notFound;
      break;
    case 'ApiNotFound':
    case 'ApiNotAvailable':
      message = S.unsupported;
      break;
    default:
      message = typeof Excel === 'undefined' ? S.noExcel : S.generic(detail);
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
