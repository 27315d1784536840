/** Words of Cấu hình's law settings (presets, vote base, women's priority, dissolved units, legal frames). */
import type { Lang } from '../core';

export interface LawStrings {
  legend: string;
  hint: string;
  preset: string;
  presetNone: string;
  applyPreset: string;
  presetApplied: (name: string) => string;
  voteBase: string;
  voteTotal: string;
  votePresent: string;
  women: string;
  dissolved: string;
  dissolvedHint: string;
  frames: string;
  framesHint: string;
  grantor: string;
}

const vi: LawStrings = {
  legend: 'Mẫu cấu hình và căn cứ pháp lý',
  hint: 'Chọn mẫu rồi bấm Áp dụng: biểu mẫu được điền theo mẫu (tiêu chí, chỉ tiêu như kế hoạch gốc cho đến khi bạn sửa); bấm Lưu để ghi vào sổ làm việc.',
  preset: 'Mẫu cấu hình',
  presetNone: '(kế hoạch gốc)',
  applyPreset: 'Áp dụng mẫu',
  presetApplied: (n) => `Đã điền theo mẫu “${n}”. Kiểm tra rồi bấm Lưu vào sổ làm việc.`,
  voteBase: 'Tỷ lệ phiếu đồng ý tính trên',
  voteTotal: 'tổng số thành viên Hội đồng (theo nghị định)',
  votePresent: 'số thành viên có mặt',
  women: 'Ưu tiên nữ và tập thể có từ 70% nữ khi bằng nhau (Nghị định 152/2025/NĐ-CP)',
  dissolved: 'Đơn vị đã giải thể, sáp nhập (mỗi dòng một đơn vị)',
  dissolvedHint: 'Không đề nghị khen thưởng (Thông tư 15/2025/TT-BNV). Có thể thay bằng cột “Đã giải thể, sáp nhập” trong bảng.',
  frames: 'Khung pháp lý riêng (JSON)',
  framesHint: 'Để trống nếu dùng các khung có sẵn. Một mảng các khung { "id", "name", "from", "to", "reportForm", "citations": { "toTrinh": [ "Căn cứ …;" ] } }; cùng id thì thay khung có sẵn; ngày văn bản chọn khung.',
  grantor: 'Người tặng (in trong văn bản)',
};

const en: LawStrings = {
  legend: 'Preset and legal bases',
  hint: 'Choose a preset and press Apply: the form is filled from it (criteria and quotas as the seed until you change them); press Save to write it into the workbook.',
  preset: 'Preset',
  presetNone: '(the seed plan)',
  applyPreset: 'Apply preset',
  presetApplied: (n) => `Filled from the preset “${n}”. Check it, then Save to workbook.`,
  voteBase: 'Vote shares count over',
  voteTotal: 'the council’s total membership (the decrees)',
  votePresent: 'the members present',
  women: 'Women and collectives with at least 70% women first among equals (Decree 152/2025)',
  dissolved: 'Dissolved or merged units (one per line)',
  dissolvedHint: 'Never proposed (Circular 15/2025/TT-BNV). A column “Đã giải thể, sáp nhập” in the table works too.',
  frames: 'Own legal frames (JSON)',
  framesHint: 'Leave empty to use the shipped frames. An array of frames { "id", "name", "from", "to", "reportForm", "citations": { "toTrinh": [ "Căn cứ …;" ] } }; the same id replaces a shipped frame; the document date picks the frame.',
  grantor: 'Granted by (printed in the documents)',
};

export function lawStrings(lang: Lang): LawStrings {
  return lang === 'vi' ? vi : en;
}
