import type { Catalogue, Params } from './catalogue';
import { formatNumber, formatPercent } from './format';

const pct = (v: unknown) => formatPercent(Number(v), 'vi');
const num = (v: unknown) => formatNumber(Number(v), 'vi');

export const CRITERION_LABELS_VI: Record<string, string> = {
  taskCompletion: 'Tỷ lệ hoàn thành nhiệm vụ CCHC',
  parIndex: 'Xếp loại PAR Index',
  unitParIndex: 'Xếp loại PAR Index của đơn vị',
  sipas: 'Chỉ số SIPAS',
  onTime: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
  initiative: 'Sáng kiến, giải pháp được công nhận',
  compliance: 'Chấp hành chủ trương, chính sách',
  votes: 'Tỷ lệ phiếu đồng ý',
};

const label = (p: Params) => CRITERION_LABELS_VI[String(p.criterion)] ?? String(p.criterion);
const rule = (p: Params) => (Number(p.inclusive) ? `từ ${pct(p.threshold)} trở lên` : `trên ${pct(p.threshold)}`);

export const vi = {
  'value.formulaError': (p) => `Lỗi công thức (${p.error}): sửa công thức của ô này.`,
  'value.rateNotNumber': (p) => `"${p.text}" không phải là một tỷ lệ: nhập số như 98,5 hoặc 98,5%.`,
  'value.rateOutOfRange': (p) => `Tỷ lệ ${num(p.value)}% nằm ngoài khoảng 0–100%.`,
  'value.countNotNumber': (p) => `"${p.text}" không phải là một số đếm.`,
  'value.countInvalid': (p) => `Số đếm ${p.value} không hợp lệ (phải là số nguyên không âm).`,
  'value.zeroDenominator': () => `Tổng số bằng 0: không tính được tỷ lệ.`,
  'value.countsInconsistent': (p) => `Số đạt (${p.done}) lớn hơn tổng số (${p.total}).`,
  'value.ratingUnknown': (p) => `"${p.text}" không phải là một mức xếp loại (${p.ladder}).`,
  'value.yesNoUnknown': (p) => `"${p.text}" không đọc được là Có/Không.`,
  'value.rateDisagreesWithCounts': (p) =>
    `Tỷ lệ ghi ${pct(p.rate)} khác với tỷ lệ tính từ số liệu ${p.done}/${p.total} = ${pct(p.computed)}; dùng tỷ lệ đã ghi.`,
  'crit.noColumn': (p) => `Không tìm thấy cột "${label(p)}" trong bảng.`,
  'crit.blank': (p) => `Chưa có số liệu "${label(p)}".`,
  'crit.rate.pass': (p) => `${label(p)} ${pct(p.value)}: đạt (yêu cầu ${rule(p)}).`,
  'crit.rate.fail': (p) => `${label(p)} ${pct(p.value)}: không đạt (yêu cầu ${rule(p)}).`,
  'crit.rating.pass': (p) => `${label(p)} "${p.value}": đạt (yêu cầu từ "${p.atLeast}" trở lên).`,
  'crit.rating.fail': (p) => `${label(p)} "${p.value}": không đạt (yêu cầu từ "${p.atLeast}" trở lên).`,
  'crit.parScoreNoBands': (p) =>
    `Chỉ có điểm PAR Index (${num(p.score)}) mà cấu hình chưa có thang điểm quy đổi xếp loại: khai báo thang điểm trong Cấu hình.`,
  'crit.initiative.none': () => `Không có sáng kiến, giải pháp.`,
  'crit.initiative.notRecognised': (p) => `Sáng kiến "${p.text}" chưa được cấp có thẩm quyền công nhận.`,
  'crit.initiative.pass': (p) => `Có sáng kiến "${p.text}", được công nhận (${p.decision}).`,
  'crit.compliance.pass': () => `Chấp hành tốt chủ trương, chính sách.`,
  'crit.compliance.fail': () => `Không đạt điều kiện chấp hành chủ trương, chính sách.`,
  'crit.votes.noTotal': () => `Có số phiếu đồng ý nhưng thiếu tổng số phiếu (theo dòng hoặc của cuộc họp).`,
  'crit.votes.pass': (p) => `Đồng ý ${p.agree}/${p.total} phiếu (${pct(p.value)}): đạt (yêu cầu ${p.op} ${pct(p.threshold)}).`,
  'crit.votes.fail': (p) => `Đồng ý ${p.agree}/${p.total} phiếu (${pct(p.value)}): không đạt (yêu cầu ${p.op} ${pct(p.threshold)}).`,
  'crit.noUnit': () => `Không ghi đơn vị công tác: không lấy được chỉ số của đơn vị.`,
  'crit.unitAmbiguous': (p) => `Đơn vị "${p.unit}" khớp với nhiều dòng tập thể.`,
  'crit.unitNotFound': (p) => `Không tìm thấy đơn vị "${p.unit}" trong bảng tập thể.`,
  'crit.unitNotFoundHint': (p) => `Không tìm thấy đơn vị "${p.unit}" trong bảng tập thể. Có phải là: ${p.suggestions}?`,
  'row.nameless': (p) => `Dòng ${p.row} có số liệu nhưng không có tên: bỏ qua.`,
  'row.duplicateName': (p) => `"${p.name}" xuất hiện nhiều lần (cả dòng ${p.rows}): mỗi tập thể, cá nhân chỉ được đề nghị một lần; chưa xét dòng nào cho đến khi sửa.`,
  'initiative.reused': (p) =>
    `Sáng kiến "${p.initiative}" với cùng quyết định công nhận cũng được dùng cho: ${p.others}. Một sáng kiến chỉ được dùng một lần làm tiêu chuẩn đề nghị khen thưởng (Công văn 5007/BNV-TĐKT ngày 05/9/2023): Hội đồng xác định sáng kiến thuộc tập thể hay cá nhân nào.`,
  'unit.dissolved': (p) =>
    `"${p.name}" được ghi "${p.reason}": đơn vị đã giải thể/sáp nhập khi sắp xếp tổ chức bộ máy không được đề nghị khen thưởng (Thông tư 15/2025/TT-BNV).`,
  'unit.dissolvedListed': (p) =>
    `"${p.name}" có trong danh sách đơn vị đã giải thể/sáp nhập của Cấu hình: không đề nghị khen thưởng (Thông tư 15/2025/TT-BNV).`,
  'row.noAchievement': (p) => `Chưa có tóm tắt thành tích của "${p.name}" (cần cho Báo cáo thành tích).`,
  'history.noHeader': (p) => `Trang "Lịch sử khen thưởng" không có dòng tiêu đề nhận ra được: cần các cột ${p.columns}.`,
  'history.noName': (p) => `Dòng ${p.row} của lịch sử khen thưởng không có tên tập thể/cá nhân: dòng này bị bỏ qua.`,
  'history.noAward': (p) => `Chưa ghi danh hiệu/hình thức khen thưởng của "${p.name}".`,
  'history.badYear': (p) => `"${p.text}" không phải là một năm (ghi 4 chữ số, ví dụ 2021).`,
  'history.badDate': (p) => `"${p.text}" không đọc được là ngày (ghi dd/mm/yyyy, ví dụ 15/11/2021): in nguyên văn vào Báo cáo thành tích.`,
  'history.alreadyAwarded': (p) => `"${p.name}" đang được đề nghị khen thưởng nhưng lịch sử ghi đã nhận "${p.award}" năm ${p.year} (Quyết định ${p.decision}): kiểm tra để không khen thưởng hai lần.`,
  'history.nameNearMiss': (p) => `"${p.name}" không khớp với tập thể, cá nhân nào; có phải là: ${p.suggestions}?`,
  'award.unknownPin': (p) => `Không nhận ra hình thức khen thưởng "${p.text}".`,
  'award.pinNotEligible': (p) => `"${p.name}" được ghi hình thức đề nghị nhưng chưa đạt đủ tiêu chí.`,
  'award.pinOverflow': (p) =>
    `${p.award}: ${p.count} ${p.kind === 'collective' ? 'tập thể' : 'cá nhân'} được ghi đề nghị, vượt chỉ tiêu ${p.quota}.`,
  'rank.tiedAtCutoff': (p) =>
    `"${p.name}" đồng hạng ${p.rank} với ${Number(p.count) - 1} trường hợp khác, tranh ${p.places} suất cuối: Hội đồng quyết định (ghi "Hình thức đề nghị").`,
  'override.incomplete': () => `Thiết lập bảng của trang này thiếu dòng tiêu đề hoặc loại bảng: dùng kết quả tự nhận diện.`,
  'override.badColumn': (p) => `Cột "${p.column}" đặt cho trường ${p.field} không hợp lệ.`,
  'table.noNameColumn': () => `Bảng không có cột tên (Tên đơn vị / Họ và tên).`,
  'state.entryDropped': (p) =>
    `Dữ liệu của tiện ích lưu trong bảng tính (trang ẩn "${p.sheet}", mục "${p.key}") ${p.why === 'json' ? 'không phải JSON hợp lệ' : 'sai cấu trúc'} nên được bỏ qua; phần còn lại vẫn được dùng.`,
  'workbook.noTables': () =>
    `Không tìm thấy bảng tập thể hoặc cá nhân nào. Cần một dòng tiêu đề (trong 20 dòng đầu) có cột tên ("Tên đơn vị" hoặc "Họ và tên") và các cột chỉ tiêu như "Tỷ lệ hồ sơ đúng hạn", "Chỉ số SIPAS", "Xếp loại PAR Index".`,
} satisfies Catalogue;

/** The core's message codes: a code not in the Vietnamese catalogue fails the type check. */
export type CoreCode = keyof typeof vi;
