/** Messages of the CLI's file writing (src/cli/safeWrite.ts), registered with the core's renderer. */
import { type Lang, type Catalogue, registerMessages } from '../core';

/** A system error code in words. */
export function fsErrorWords(code: string, lang: Lang): string {
  const w = FS_ERRORS[code];
  if (!w) return code;
  return `${lang === 'vi' ? w[0] : w[1]} (${code})`;
}

const FS_ERRORS: Record<string, [string, string]> = {
  EACCES: ['không có quyền ghi vào đây', 'permission denied'],
  EPERM: ['hệ điều hành không cho phép (tệp đang mở, chỉ đọc hoặc bị khóa)', 'not permitted (the file is open, read-only or locked)'],
  EEXIST: ['đã có một tệp trùng tên', 'a file of that name already exists'],
  EISDIR: ['đây là một thư mục, không phải tệp', 'this is a folder, not a file'],
  ENOTDIR: ['một phần của đường dẫn không phải là thư mục', 'part of the path is not a folder'],
  ENOENT: ['thư mục không tồn tại', 'the folder does not exist'],
  ENOSPC: ['ổ đĩa đã đầy', 'the disk is full'],
  EDQUOT: ['đã hết dung lượng được cấp', 'the disk quota is exhausted'],
  EROFS: ['ổ đĩa chỉ cho phép đọc', 'the disk is read-only'],
  EBUSY: ['tệp đang được chương trình khác sử dụng (đóng Excel rồi thử lại)', 'the file is in use by another program (close Excel and retry)'],
  ETXTBSY: ['tệp đang được chương trình khác sử dụng', 'the file is in use by another program'],
  EMFILE: ['mở quá nhiều tệp cùng lúc', 'too many open files'],
  ENAMETOOLONG: ['tên tệp hoặc đường dẫn quá dài', 'the file name or path is too long'],
  EIO: ['lỗi đọc/ghi của ổ đĩa', 'an input/output error of the disk'],
  EINVAL: ['tên tệp không hợp lệ', 'invalid file name'],
  ELOOP: ['đường dẫn có vòng lặp liên kết tượng trưng', 'the path loops through symbolic links'],
};

const vi: Catalogue = {
  'write.sameAsInput': (p) => `Không ghi vào "${p.path}": đó chính là tệp đầu vào (tệp gốc không bao giờ bị ghi đè). Chọn một tên tệp khác.`,
  'write.notRegularFile': (p) => `Không ghi vào "${p.path}": đó không phải là một tệp thông thường (thiết bị, đường ống…). Chọn một tên tệp khác.`,
  'write.failed': (p) => `Không ghi được tệp "${p.path}": ${fsErrorWords(String(p.why ?? ''), 'vi')}.`,
};

const en: Catalogue = {
  'write.sameAsInput': (p) => `Not writing "${p.path}": it is the input file (the original is never overwritten). Choose another file name.`,
  'write.notRegularFile': (p) => `Not writing "${p.path}": it is not a regular file (a device, a pipe…). Choose another file name.`,
  'write.failed': (p) => `Cannot write "${p.path}": ${fsErrorWords(String(p.why ?? ''), 'en')}.`,
};

registerMessages('vi', vi);
registerMessages('en', en);

export const WRITE_MESSAGES: Record<Lang, Catalogue> = { vi, en };
