/**
 * Every Office error a user can meet is said in their language with what to do: payload size (the
 * request and the response), protection, cell-edit mode, merged cells, an Excel table in the range.
 */
import { protectionError, userError } from '../../src/excel/messages';

const err = (code: string, message = 'raw') => Object.assign(new Error(message), { code });

describe("Office errors → the user's words", () => {
  it.each([
    ['RequestPayloadSizeLimitExceeded', /5 MB/, /5 MB/],
    ['ResponsePayloadSizeLimitExceeded', /5 MB.*văn bản rất dài/, /5 MB.*very long text/],
    ['AccessDenied', /bảo vệ/, /protected/],
    ['InvalidOperationInCellEditMode', /chế độ sửa ô/, /editing a cell/],
    ['MergedRangeConflict', /gộp/, /merged/],
    ['InsertDeleteConflict', /Bảng Excel \(Table\)/, /Excel table/],
    // Documented by Microsoft for the APIs the add-in calls (tools/excel-host/README.md, "Documented rules").
    ['GeneralException', /lỗi nội bộ.*quá lớn/, /internal error.*too much/],
    ['NotImplemented', /không thực hiện được/, /does not carry it out/],
    ['InvalidOperation', /InvalidOperation/, /InvalidOperation/],
    ['InvalidArgument', /địa chỉ ô/, /cell address/],
    ['InvalidCellAddress', /địa chỉ ô/, /cell address/],
    ['ItemAlreadyExists', /trùng tên/, /already has a sheet/],
    ['Conflict', /người khác/, /Someone else/],
    ['RequestAborted', /hủy yêu cầu/, /cancelled/],
    ['RangeExceedsLimit', /giới hạn số ô/, /cell limit/],
    ['FilteredRangeConflict', /lọc/, /filter/],
    ['UnsupportedOperation', /không hỗ trợ/, /does not support/],
    ['InactiveWorkbook', /không còn là sổ/, /no longer the one/],
  ])('%s', (code, vi, en) => {
    const v = userError(err(code), 'vi').message;
    const e = userError(err(code), 'en').message;
    expect(v).toMatch(vi);
    expect(e).toMatch(en);
    for (const m of [v, e]) expect(m).not.toMatch(/raw|Excel báo lỗi|Excel reported/);
  });

  it('a write refused inside an Excel table (InvalidOperation naming the table) is said so', () => {
    expect(userError(err('InvalidOperation', 'This operation is not permitted because it attempts to shift cells in a table on your worksheet.'), 'en').message).toMatch(/Excel table/);
    expect(userError(err('InvalidOperation', 'Something else.'), 'vi').message).not.toMatch(/Bảng Excel/);
  });

  it('protection checked before writing names the sheets and the way out', () => {
    expect(protectionError(['Tập thể'], false, 'vi').message).toMatch(/^Trang tính “Tập thể” đang được bảo vệ .*Chưa có gì bị thay đổi.*Bỏ bảo vệ trang tính/);
    expect(protectionError(['Tập thể', 'Cá nhân'], false, 'en').message).toMatch(/^Sheets “Tập thể”, “Cá nhân” are protected/);
    expect(protectionError([], true, 'vi').message).toMatch(/bảo vệ cấu trúc/);
    expect(protectionError(['A'], true, 'en').message).toMatch(/Sheet “A” is protected.*structure is protected/);
  });
});
