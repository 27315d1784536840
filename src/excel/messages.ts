/** The adapter's messages for the user (vi + en): what went wrong in Excel and what to do. */
import type { Lang, NoteKind, CellRef, ReconcileReport } from '../core';

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
  goneCandidates: (names: string, forgotten: boolean) => string;
  lostCells: (n: number, cells: string, forgotten: boolean) => string;
  unreachable: Record<NoteKind, (n: number) => string>;
  userFills: (n: number, cells: string) => string;
  userNotes: (n: number, cells: string) => string;
  lostState: (n: number, damaged: boolean) => string;
  damagedOnly: string;
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
    goneCandidates: (n, forgotten) =>
      forgotten
        ? `Vẫn không tìm thấy dòng của ${n}: đã bỏ qua, màu nền và ghi chú ban đầu của các ô đó không được khôi phục.`
        : `Không tìm thấy dòng của ${n} (dòng đã bị xóa, hoặc tên đã bị sửa sau khi đánh dấu): màu nền và ghi chú ban đầu của các ô đó chưa được khôi phục, và không khôi phục vào dòng khác. Nếu tên đã bị sửa, hãy đặt lại tên cũ rồi bấm "Xóa đánh dấu" lần nữa; nếu dòng đã bị xóa, bấm "Xóa đánh dấu" lần nữa để bỏ qua.`,
    lostCells: (k, cells, forgotten) =>
      forgotten
        ? `${k} ô đánh dấu vẫn không còn ở chỗ cũ (${cells}): đã bỏ qua.`
        : `${k} ô đánh dấu không còn ở chỗ cũ (${cells}) — có thể hàng hoặc cột đã bị chèn, xóa hay sắp xếp lại: các ô đó chưa được khôi phục. Bấm "Xóa đánh dấu" lần nữa để bỏ qua.`,
    unreachable: {
      notes: (k) =>
        `Phiên bản Excel này không sửa được ghi chú (Notes, cần ExcelApi 1.18): còn ${k} ghi chú của tiện ích. Mở tệp bằng Excel trên web hoặc Microsoft 365 để xóa nốt ${k} ghi chú; bản sao lưu của chúng vẫn được giữ trong tệp.`,
      comments: (k) =>
        `Phiên bản Excel này không sửa được nhận xét (Comments, cần ExcelApi 1.10): còn ${k} nhận xét của tiện ích. Mở tệp bằng Excel 2021 trở lên, Excel trên web hoặc Microsoft 365 để xóa nốt ${k} nhận xét; bản sao lưu của chúng vẫn được giữ trong tệp.`,
    },
    userFills: (k, cells) => `${k} ô đã được đổi màu nền sau khi đánh dấu (${cells}): giữ nguyên màu bạn đã đặt.`,
    userNotes: (k, cells) => `${k} ô có ghi chú đã được sửa sau khi đánh dấu (${cells}): giữ nguyên nội dung bạn đã viết (phần của tiện ích đã được gỡ nếu còn nguyên).`,
    lostState: (k, damaged) =>
      `${damaged ? 'Dữ liệu sao lưu của tiện ích (trang ẩn _ThiDuaCCHC) bị hỏng' : 'Không tìm thấy dữ liệu sao lưu của tiện ích (trang ẩn _ThiDuaCCHC)'}: đã gỡ ${k} ô đánh dấu của tiện ích (nhận ra nhờ dòng "[Thi đua CCHC]" trong ghi chú và màu nền của tiện ích), nhưng màu nền ban đầu của bạn dưới các ô đó không còn để khôi phục. Ghi chú của bạn trên các ô đó được giữ.`,
    damagedOnly: 'Dữ liệu sao lưu của tiện ích (trang ẩn _ThiDuaCCHC) bị hỏng và không tìm thấy dấu nào của tiện ích để gỡ: màu nền và ghi chú ban đầu (nếu có) không còn để khôi phục.',
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
    goneCandidates: (n, forgotten) =>
      forgotten
        ? `The row of ${n} is still not found: skipped, the original fills and notes of those cells are not restored.`
        : `The row of ${n} was not found (deleted, or the name was changed after marking): the original fills and notes of those cells are not restored yet, and never onto another row. If the name was changed, change it back and click "Clear" again; if the row was deleted, click "Clear" again to skip it.`,
    lostCells: (k, cells, forgotten) =>
      forgotten
        ? `${k} marked cells are still not where they were (${cells}): skipped.`
        : `${k} marked cells are no longer where they were (${cells}) — rows or columns may have been inserted, deleted or sorted: they are not restored yet. Click "Clear" again to skip them.`,
    unreachable: {
      notes: (k) =>
        `This version of Excel cannot edit notes (ExcelApi 1.18): ${k} notes of the add-in remain. Open the file in Excel on the web or Microsoft 365 to remove the last ${k} notes; their backup is kept in the file.`,
      comments: (k) =>
        `This version of Excel cannot edit comments (ExcelApi 1.10): ${k} comments of the add-in remain. Open the file in Excel 2021 or later, Excel on the web or Microsoft 365 to remove the last ${k} comments; their backup is kept in the file.`,
    },
    userFills: (k, cells) => `${k} cells got a new fill after marking (${cells}): your fill is kept.`,
    userNotes: (k, cells) => `${k} cells had their note edited after marking (${cells}): your text is kept (the add-in's part was taken out when intact).`,
    lostState: (k, damaged) =>
      `${damaged ? "The add-in's backup (hidden sheet _ThiDuaCCHC) is damaged" : "The add-in's backup (hidden sheet _ThiDuaCCHC) was not found"}: ${k} marked cells of the add-in were cleared (recognised by the "[Thi đua CCHC]" line of their note and the add-in's fill), but your original fills under them can no longer be restored. Your own notes on those cells are kept.`,
    damagedOnly: "The add-in's backup (hidden sheet _ThiDuaCCHC) is damaged and no mark of the add-in was found to clear: the original fills and notes (if any) can no longer be restored.",
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

/** Another user kept moving rows (insert, delete, sort) while we wrote: what we wrote was put back. */
export function movedError(lang: Lang = officeLang()): Error {
  return new Error(
    lang === 'en'
      ? 'Someone else inserted, deleted or sorted rows while the add-in was writing, twice in a row. What it wrote was put back (your fills and notes are as they were). Wait until the others have finished, then click again.'
      : 'Người khác vừa chèn, xóa hoặc sắp xếp dòng trong lúc tiện ích đang ghi, hai lần liền. Những gì tiện ích đã ghi đã được hoàn lại (màu nền và ghi chú của bạn vẫn như trước). Hãy đợi người khác sửa xong rồi bấm lại.',
  );
}

export function hiddenSheetError(lang: Lang = officeLang()): Error {
  return new Error(STRINGS[lang].hiddenSheet);
}


/** Up to 8 cells, then "…". */
function cellList(cells: CellRef[]): string {
  const shown = cells.slice(0, 8).map((c) => `${c.sheet}!${c.cell}`);
  return cells.length > 8 ? `${shown.join(', ')}, …` : shown.join(', ');
}

export interface ReportText {
  /** What could not be done (the action only partly succeeded). */
  problems: string[];
  /** What the user should know, the action having succeeded. */
  notices: string[];
}

/**
 * The core's report of a clear or an annotation, in the user's words. `lostState`: the backup was
 * missing ('missing') or unreadable ('damaged'); `recognised`: marks of ours removed without it.
 */
export function reportText(report: ReconcileReport | null, lang: Lang = officeLang(), lost: { state: 'missing' | 'damaged' | null; recognised: number } = { state: null, recognised: 0 }): ReportText {
  const S = STRINGS[lang];
  const out: ReportText = { problems: [], notices: [] };
  if (lost.recognised > 0) out.problems.push(S.lostState(lost.recognised, lost.state === 'damaged'));
  else if (lost.state === 'damaged') out.problems.push(S.damagedOnly);
  if (!report) return out;
  if (report.missingSheets.length) out.problems.push(S.missingSheets(report.missingSheets.map((n) => `"${n}"`).join(', ')));
  if (report.goneCandidates.length) {
    const names = report.goneCandidates.map((g) => `"${g.name}" (${g.sheet})`).join(', ');
    (report.forgotten ? out.notices : out.problems).push(S.goneCandidates(names, report.forgotten));
  }
  if (report.lostCells.length) (report.forgotten ? out.notices : out.problems).push(S.lostCells(report.lostCells.length, cellList(report.lostCells), report.forgotten));
  for (const kind of ['notes', 'comments'] as NoteKind[]) {
    const n = report.unreachable[kind];
    if (n) out.problems.push(S.unreachable[kind](n));
  }
  if (report.userFills.length) out.notices.push(S.userFills(report.userFills.length, cellList(report.userFills)));
  if (report.userNotes.length) out.notices.push(S.userNotes(report.userNotes.length, cellList(report.userNotes)));
  return out;
}

/** Writing was refused before anything was written: these sheets are protected (or the workbook's structure is). */
export function protectionError(sheets: string[], structure: boolean, lang: Lang = officeLang()): Error {
  const S = STRINGS[lang];
  const message = sheets.length ? S.protectedSheets(sheets.map((n) => `“${n}”`).join(', '), sheets.length > 1) : S.protectedWorkbook;
  return Object.assign(new Error(structure && sheets.length ? `${message} ${S.protectedWorkbook}` : message), { code: 'AccessDenied', userFacing: true });
}
