/**
 * Every string of the task pane, in Vietnamese (default) and English. Messages of the core
 * (criteria reasons, data problems) come from src/core/messages; only the pane's own words are here.
 */
import type { CriterionId, Field, Kind, Lang, RankingKey } from '../core';

export interface Strings {
  title: string;
  subtitle: string;
  outsideExcelTitle: string;
  outsideExcelBody: string;
  outsideExcelHint: string;
  officeMissing: string;
  actions: { check: string; review: string; annotate: string; clear: string; dossier: string };
  /** The same labels, for hints that name a button ("Bấm “Kiểm tra dữ liệu”…"). */
  actionTips: { check: string; review: string; annotate: string; clear: string; dossier: string };
  criterionShort: Record<CriterionId, string>;
  sections: { data: string; review: string; annotate: string; dossier: string };
  hints: { start: string; reviewFirst: string; annotateIdle: string };
  progress: { check: string; review: string; annotate: string; clear: string; save: string; select: string; dossier: string };
  errors: { title: string; unexpected: (detail: string) => string; dismiss: string };
  profile: (name: string) => string;
  profileSaved: (name: string) => string;
  profileProblems: string;
  tables: {
    none: string;
    found: (n: number) => string;
    sheet: string;
    kind: string;
    headerRow: string;
    rows: (first: number, last: number) => string;
    candidates: (n: number) => string;
    editMapping: string;
    recognised: (n: number) => string;
    unrecognised: (headers: string) => string;
    edit: string;
    field: string;
    column: string;
    unused: string;
    ignoreSheet: string;
    save: string;
    saved: (sheet: string) => string;
    headerRowChanged: string;
    ignored: string;
    restoreSheet: string;
    restored: (sheet: string) => string;
  };
  kinds: Record<Kind, string>;
  kindsPlural: Record<Kind, string>;
  fields: Record<Field, string>;
  problems: {
    none: string;
    count: (errors: number, warnings: number) => string;
    error: string;
    warning: string;
    wholeSheet: string;
    selectHint: string;
  };
  review: {
    summary: (total: number, eligible: number, proposed: number) => string;
    filters: { all: string; eligible: string; failing: string; problems: string };
    filterLabel: string;
    empty: string;
    quotas: string;
    ties: string;
    noTies: string;
    rank: (n: number) => string;
    unranked: string;
    reasons: string;
    inherited: string;
    outcome: { pass: string; fail: string; unknown: string };
    verdict: { proposed: (award: string) => string; overQuota: string; tied: string; eligible: string; fail: string; unknown: string; duplicate: string };
    goToCell: (sheet: string, cell: string) => string;
    openAll: string;
    closeAll: string;
  };
  annotate: {
    done: (marks: number) => string;
    noteMode: Record<'notes' | 'comments' | 'none', string>;
    cleared: string;
    legend: string;
  };
  tabs: { main: string; settings: string };
  settings: SettingsStrings;
  version: (v: string) => string;
  steps: {
    label: string;
    next: (action: string) => string;
    allDone: string;
    step: (n: number) => string;
    stateNext: string;
    stateDone: string;
    stateLater: string;
    todo: { check: string; review: string; annotate: string; dossier: string };
    checked: (tables: number, errors: number, warnings: number) => string;
    annotated: (marks: number) => string;
    dossierDone: string;
  };
  overview: {
    title: string;
    counts: { eligible: string; proposed: string; failing: string; missing: string; overQuota: string; tied: string };
    total: (n: number) => string;
    quotas: string;
    quotaUse: (used: number, quota: number, kind: string) => string;
    overflow: (n: number) => string;
    noQuota: (kind: string) => string;
    whereToSet: string;
    failing: string;
    failingLine: (criterion: string, fail: number, unknown: number) => string;
    noneFailing: string;
    chartAlt: string;
  };
  legend: { title: string; proposed: string; unknown: string; fail: string; signs: string };
  cli: { title: string; body: string };
}

export interface SettingsStrings {
  title: string;
  intro: string;
  usingSaved: string;
  usingDefault: string;
  name: string;
  criteria: string;
  criteriaHint: string;
  apply: string;
  compare: string;
  inclusive: string;
  strict: string;
  threshold: string;
  atLeast: string;
  orBetter: string;
  requireRecognition: string;
  complianceHint: string;
  ladder: string;
  ladderHint: string;
  bands: string;
  bandsHint: string;
  bandMin: string;
  bandRating: string;
  addBand: string;
  remove: string;
  votes: string;
  votesEnabled: string;
  votesThreshold: string;
  awards: string;
  awardsHint: string;
  awardLabel: string;
  quota: Record<Kind, string>;
  ranking: string;
  rankingHint: string;
  rankingKeys: Record<RankingKey, string>;
  up: string;
  down: string;
  addKey: string;
  save: string;
  restore: string;
  exportJson: string;
  importFile: string;
  pasteLabel: string;
  pasteApply: string;
  fileSection: string;
  refused: (n: number) => string;
  importRefused: (n: number) => string;
  imported: string;
  saved: string;
  restored: string;
  reannotated: (marks: number) => string;
  notAnnotated: string;
  exported: string;
  macExport: string;
  exportedText: string;
  copy: string;
  copied: string;
  copyFailed: string;
  readFailed: string;
  savedProblems: string;
  progressLoad: string;
  progressSave: string;
  progressRestore: string;
  fileName: string;
}

const vi: Strings = {
  title: 'Thi đua CCHC',
  subtitle: 'Xét tiêu chí thi đua cải cách hành chính',
  outsideExcelTitle: 'Hãy mở tiện ích từ Excel',
  outsideExcelBody:
    'Trang này là ngăn tác vụ của tiện ích Thi đua CCHC và chỉ chạy bên trong Microsoft Excel (Excel trên web, Windows hoặc Mac).',
  outsideExcelHint: 'Trong Excel, trên thẻ Trang đầu, bấm nút “Xét thi đua” của nhóm Thi đua CCHC.',
  officeMissing: 'Không tải được thư viện Office.js. Kiểm tra kết nối mạng rồi mở lại ngăn tác vụ.',
  actions: { check: 'Kiểm tra dữ liệu', review: 'Xét tiêu chí', annotate: 'Đánh dấu', clear: 'Xóa đánh dấu', dossier: 'Tạo hồ sơ' },
  actionTips: {
    check: 'Kiểm tra dữ liệu: tìm các bảng, cách nhận cột và lỗi dữ liệu',
    review: 'Xét tiêu chí từng tập thể, cá nhân, xếp hạng theo chỉ tiêu',
    annotate: 'Đánh dấu trong bảng tính: tô màu, ghi chú lý do, tạo trang kết quả',
    clear: 'Xóa đánh dấu, khôi phục màu tô và ghi chú như cũ',
    dossier: 'Tạo hồ sơ đề nghị khen thưởng: thông tin văn bản, cuộc họp và các văn bản Word',
  },
  criterionShort: {
    taskCompletion: 'Nhiệm vụ',
    parIndex: 'PAR',
    unitParIndex: 'PAR đơn vị',
    sipas: 'SIPAS',
    onTime: 'Đúng hạn',
    initiative: 'Sáng kiến',
    compliance: 'Chấp hành',
    votes: 'Phiếu',
  },
  sections: { data: 'Kiểm tra dữ liệu', review: 'Xét tiêu chí', annotate: 'Đánh dấu trong bảng tính', dossier: 'Tạo hồ sơ' },
  hints: {
    start: 'Bấm “Kiểm tra dữ liệu” để tìm các bảng tập thể, cá nhân trong sổ làm việc đang mở.',
    reviewFirst: 'Bấm “Xét tiêu chí” để xem kết quả từng tập thể, cá nhân.',
    annotateIdle:
      'Đánh dấu tô màu các ô được xét (đỏ: không đạt, vàng: thiếu dữ liệu, xanh: được đề nghị), ghi chú lý do và tạo trang “Kết quả xét khen thưởng”. Xóa đánh dấu khôi phục đúng như cũ.',
  },
  progress: {
    check: 'Đang đọc và kiểm tra bảng tính…',
    review: 'Đang xét tiêu chí…',
    annotate: 'Đang đánh dấu trong bảng tính…',
    clear: 'Đang xóa đánh dấu…',
    save: 'Đang lưu thiết lập vào sổ làm việc…',
    select: 'Đang chọn ô…',
    dossier: 'Đang đọc thông tin hồ sơ trong sổ làm việc…',
  },
  errors: {
    title: 'Không thực hiện được',
    unexpected: (detail) => `Đã xảy ra lỗi không mong muốn: ${detail}`,
    dismiss: 'Đóng',
  },
  profile: (name) => `Bộ tiêu chí: ${name}`,
  profileSaved: (name) => `Bộ tiêu chí: ${name} (cấu hình lưu trong sổ làm việc, xem thẻ “Cấu hình”)`,
  profileProblems: 'Cấu hình lưu trong sổ làm việc không hợp lệ nên đang dùng bộ tiêu chí mặc định:',
  tables: {
    none: 'Chưa tìm thấy bảng nào.',
    found: (n) => `Tìm thấy ${n} bảng`,
    sheet: 'Trang tính',
    kind: 'Loại bảng',
    headerRow: 'Dòng tiêu đề',
    rows: (first, last) => `dòng ${first}–${last}`,
    candidates: (n) => `${n} trường hợp`,
    editMapping: 'Xem, sửa cách nhận cột',
    recognised: (n) => `${n} cột đã nhận diện`,
    unrecognised: (headers) => `Chưa nhận diện: ${headers}`,
    edit: 'Sửa',
    field: 'Thông tin',
    column: 'Cột',
    unused: '— không dùng —',
    ignoreSheet: 'Bỏ qua trang này',
    save: 'Lưu và kiểm tra lại',
    saved: (sheet) => `Đã lưu thiết lập của trang “${sheet}” vào sổ làm việc.`,
    headerRowChanged: 'Đã đổi dòng tiêu đề: các cột được nhận lại theo dòng mới, hãy xem lại.',
    ignored: 'Trang đang bỏ qua',
    restoreSheet: 'Xét lại trang này',
    restored: (sheet) => `Trang “${sheet}” được xét lại.`,
  },
  kinds: { collective: 'Tập thể', individual: 'Cá nhân' },
  kindsPlural: { collective: 'Tập thể', individual: 'Cá nhân' },
  fields: {
    name: 'Tên tập thể / Họ và tên',
    position: 'Chức vụ',
    unit: 'Đơn vị công tác',
    taskCompletion: 'Tỷ lệ hoàn thành nhiệm vụ CCHC',
    taskDone: 'Số nhiệm vụ hoàn thành',
    taskTotal: 'Tổng số nhiệm vụ',
    parRating: 'Xếp loại PAR Index',
    parScore: 'Điểm PAR Index',
    sipas: 'Chỉ số SIPAS',
    onTime: 'Tỷ lệ hồ sơ đúng hạn',
    onTimeCount: 'Số hồ sơ đúng hạn',
    fileTotal: 'Tổng số hồ sơ',
    initiative: 'Sáng kiến, giải pháp',
    initiativeRecognition: 'Quyết định công nhận sáng kiến',
    compliance: 'Chấp hành chủ trương, chính sách',
    achievement: 'Tóm tắt thành tích',
    votesAgree: 'Số phiếu đồng ý',
    votesTotal: 'Tổng số phiếu',
    award: 'Hình thức đề nghị',
    birthYear: 'Năm sinh',
    gender: 'Giới tính',
    hometown: 'Quê quán',
    qualification: 'Trình độ',
    order: 'Số thứ tự',
    womenShare: 'Tỷ lệ nữ',
    dissolved: 'Đã giải thể / sáp nhập',
  },
  problems: {
    none: 'Không có lỗi dữ liệu.',
    count: (errors, warnings) => `${errors} lỗi, ${warnings} cảnh báo`,
    error: 'Lỗi',
    warning: 'Cảnh báo',
    wholeSheet: 'cả trang',
    selectHint: 'Bấm vào một dòng để chọn ô đó trong bảng tính.',
  },
  review: {
    summary: (total, eligible, proposed) => `${total} trường hợp · ${eligible} đạt tiêu chí · ${proposed} được đề nghị`,
    filters: { all: 'Tất cả', eligible: 'Đạt', failing: 'Không đạt', problems: 'Lỗi dữ liệu' },
    filterLabel: 'Lọc danh sách',
    empty: 'Không có trường hợp nào khớp bộ lọc.',
    quotas: 'Chỉ tiêu khen thưởng',
    ties: 'Hội đồng cần quyết định',
    noTies: 'Không có trường hợp đồng hạng tại ngưỡng chỉ tiêu.',
    rank: (n) => `Hạng ${n}`,
    unranked: 'Không xếp hạng',
    reasons: 'Lý do',
    inherited: 'lấy từ đơn vị',
    outcome: { pass: 'Đạt', fail: 'Không đạt', unknown: 'Thiếu hoặc sai dữ liệu' },
    verdict: {
      proposed: (award) => `Đề nghị ${award}`,
      overQuota: 'Vượt chỉ tiêu',
      tied: 'Đồng hạng — Hội đồng quyết định',
      eligible: 'Đạt tiêu chí',
      fail: 'Không đạt',
      unknown: 'Thiếu dữ liệu',
      duplicate: 'Trùng tên',
    },
    goToCell: (sheet, cell) => `Chọn ô ${cell} trên trang “${sheet}”`,
    openAll: 'Mở tất cả lý do',
    closeAll: 'Đóng tất cả lý do',
  },
  annotate: {
    done: (marks) => `Đã đánh dấu ${marks} ô và tạo trang “Kết quả xét khen thưởng”.`,
    noteMode: {
      notes: 'Lý do được ghi bằng Ghi chú (Note) trên từng ô.',
      comments: 'Phiên bản Excel này chưa hỗ trợ Ghi chú (Note) nên lý do được ghi bằng Chú thích (Comment) trên từng ô.',
      none: 'Phiên bản Excel này không hỗ trợ Ghi chú lẫn Chú thích: lý do chỉ có trên trang “Kết quả xét khen thưởng”.',
    },
    cleared: 'Đã xóa đánh dấu: màu tô và ghi chú cũ được khôi phục, trang kết quả đã được gỡ.',
    legend: 'Đỏ: không đạt · Vàng: thiếu dữ liệu · Xanh: được đề nghị',
  },
  tabs: { main: 'Xét thi đua', settings: 'Cấu hình' },
  version: (v) => `phiên bản ${v}`,
  steps: {
    label: 'Các bước xét thi đua',
    next: (action) => `Bước tiếp theo: bấm “${action}”.`,
    allDone: 'Đã xong cả bốn bước. Sửa bảng tính thì bấm lại “Kiểm tra dữ liệu”.',
    step: (n) => `Bước ${n}`,
    stateNext: 'bước tiếp theo',
    stateDone: 'đã xong',
    stateLater: 'chưa làm',
    todo: {
      check: 'Tìm các bảng tập thể, cá nhân và lỗi dữ liệu.',
      review: 'Xem ai đạt, ai không đạt và vì sao.',
      annotate: 'Tô màu, ghi lý do vào bảng tính, tạo trang kết quả.',
      dossier: 'Điền thông tin rồi tạo Tờ trình, Biên bản, Báo cáo thành tích.',
    },
    checked: (tables, errors, warnings) => `${tables} bảng · ${errors ? `${errors} lỗi dữ liệu cần sửa` : 'không có lỗi dữ liệu'}${warnings ? ` · ${warnings} cảnh báo` : ''}`,
    annotated: (marks) => `Đã đánh dấu ${marks} ô.`,
    dossierDone: 'Đã tạo hồ sơ.',
  },
  overview: {
    title: 'Tổng quan',
    counts: { eligible: 'đạt tiêu chí', proposed: 'được đề nghị', failing: 'không đạt', missing: 'thiếu dữ liệu', overQuota: 'vượt chỉ tiêu', tied: 'đồng hạng tại ngưỡng' },
    total: (n) => `${n} trường hợp`,
    quotas: 'Chỉ tiêu đã dùng',
    quotaUse: (used, quota, kind) => `${used}/${quota} ${kind}`,
    overflow: (n) => `vượt ${n}`,
    noQuota: (kind) => (kind ? `${kind}: chưa đặt chỉ tiêu` : 'Chưa đặt chỉ tiêu'),
    whereToSet: 'Đặt chỉ tiêu ở thẻ “Cấu hình”, mục “Chỉ tiêu khen thưởng”.',
    failing: 'Tiêu chí không đạt nhiều nhất',
    failingLine: (criterion, fail, unknown) => `${criterion}: ${fail} không đạt${unknown ? `, ${unknown} thiếu dữ liệu` : ''}`,
    noneFailing: 'Không có tiêu chí nào bị trượt.',
    chartAlt: 'Số trường hợp không đạt (đỏ) và thiếu dữ liệu (vàng) theo tiêu chí',
  },
  legend: {
    title: 'Chú giải màu',
    proposed: 'Xanh: được đề nghị',
    unknown: 'Vàng: thiếu dữ liệu, đồng hạng',
    fail: 'Đỏ: không đạt',
    signs: '✓ đạt · ✗ không đạt · ? thiếu dữ liệu',
  },
  cli: {
    title: 'Dùng dòng lệnh',
    body: 'Cấu hình và thông tin hồ sơ được lưu trong trang ẩn “_ThiDuaCCHC” của sổ làm việc, nên lệnh “thidua check” và “thidua dossier” trên máy tính cho cùng kết quả. Tệp JSON xuất ở đây dùng được với “thidua --profile”.',
  },
  settings: {
    title: 'Cấu hình bộ tiêu chí',
    intro: 'Ngưỡng, thang xếp loại, khung điểm PAR, chỉ tiêu, phiếu bầu và thứ tự xếp hạng dùng để xét. Cấu hình được lưu ngay trong sổ làm việc: ai mở tệp này cũng được xét theo cùng cấu hình.',
    usingSaved: 'Sổ làm việc này đang dùng cấu hình riêng đã lưu.',
    usingDefault: 'Sổ làm việc này đang dùng mặc định của kế hoạch.',
    name: 'Tên bộ tiêu chí',
    criteria: 'Tiêu chí',
    criteriaHint: 'Tỷ lệ tính bằng phần trăm (0–100). “Từ … trở lên” là lớn hơn hoặc bằng; “trên …” là lớn hơn hẳn.',
    apply: 'Áp dụng',
    compare: 'Cách so sánh',
    inclusive: 'từ … trở lên (≥)',
    strict: 'trên … (>)',
    threshold: 'Ngưỡng (%)',
    atLeast: 'Đạt từ mức',
    orBetter: 'trở lên',
    requireRecognition: 'Sáng kiến phải có quyết định công nhận',
    complianceHint: 'Chỉ xét khi bảng có cột này; “Không” là không đạt.',
    ladder: 'Thang xếp loại',
    ladderHint: 'Mỗi dòng một mức, từ thấp đến cao.',
    bands: 'Khung điểm PAR',
    bandsHint: 'Dùng khi bảng chỉ có điểm PAR, không có xếp loại. Chưa có khung điểm thì điểm PAR đứng một mình bị coi là thiếu dữ liệu.',
    bandMin: 'Điểm từ',
    bandRating: 'Xếp loại',
    addBand: 'Thêm khung điểm',
    remove: 'Xóa',
    votes: 'Phiếu bầu của Hội đồng',
    votesEnabled: 'Xét tỷ lệ phiếu đồng ý (khi bảng có số phiếu)',
    votesThreshold: 'Tỷ lệ phiếu đồng ý (%)',
    awards: 'Chỉ tiêu khen thưởng',
    awardsHint: 'Hình thức cao hơn được xét trước, lấy từ đầu bảng xếp hạng.',
    awardLabel: 'Tên hình thức',
    quota: { collective: 'Tập thể', individual: 'Cá nhân' },
    ranking: 'Thứ tự xếp hạng',
    rankingHint: 'Xếp giảm dần theo khóa đầu tiên; bằng nhau thì xét khóa tiếp theo.',
    rankingKeys: {
      votes: 'Tỷ lệ phiếu đồng ý',
      parIndex: 'Xếp loại PAR Index',
      sipas: 'Chỉ số SIPAS',
      onTime: 'Tỷ lệ hồ sơ đúng hạn',
      taskCompletion: 'Tỷ lệ hoàn thành nhiệm vụ CCHC',
    },
    up: 'Lên',
    down: 'Xuống',
    addKey: 'Thêm khóa',
    save: 'Lưu vào sổ làm việc',
    restore: 'Khôi phục mặc định của kế hoạch',
    exportJson: 'Xuất tệp JSON',
    importFile: 'Nhập từ tệp JSON',
    pasteLabel: 'Hoặc dán nội dung JSON',
    pasteApply: 'Nạp nội dung đã dán',
    fileSection: 'Xuất, nhập cấu hình (tệp JSON)',
    refused: (n) => `Chưa lưu: cấu hình có ${n} lỗi. Sửa các ô được đánh dấu đỏ rồi lưu lại.`,
    importRefused: (n) => `Không nạp được cấu hình: ${n} lỗi.`,
    imported: 'Đã nạp cấu hình vào biểu mẫu; những gì tệp không nêu lấy theo mặc định của kế hoạch. Xem lại rồi bấm “Lưu vào sổ làm việc” để áp dụng.',
    saved: 'Đã lưu cấu hình vào sổ làm việc và xét lại theo cấu hình mới (xem ở thẻ “Xét thi đua”).',
    restored: 'Đã khôi phục mặc định của kế hoạch và xét lại (xem ở thẻ “Xét thi đua”).',
    reannotated: (marks) => `Bảng tính đã có đánh dấu nên đã được đánh dấu lại theo cấu hình mới (${marks} ô).`,
    notAnnotated: 'Bảng tính chưa có đánh dấu: bấm “Đánh dấu” (thẻ “Xét thi đua”) khi muốn ghi kết quả vào bảng tính.',
    exported: 'Đã tải tệp cấu hình xuống.',
    macExport:
      'Excel trên máy Mac không cho tiện ích tải tệp xuống (lệnh tải bị bỏ qua mà không báo gì). Hãy sao chép nội dung dưới đây và lưu thành một tệp .json.',
    exportedText: 'Nội dung tệp cấu hình',
    copy: 'Sao chép',
    copied: 'Đã sao chép vào bộ nhớ tạm.',
    copyFailed: 'Không sao chép tự động được: nội dung đã được chọn sẵn, hãy nhấn Ctrl+C (trên Mac: ⌘C).',
    readFailed: 'Không đọc được tệp đã chọn.',
    savedProblems: 'Cấu hình đang lưu trong sổ làm việc không hợp lệ nên đang dùng mặc định của kế hoạch:',
    progressLoad: 'Đang đọc cấu hình trong sổ làm việc…',
    progressSave: 'Đang lưu cấu hình và xét lại…',
    progressRestore: 'Đang khôi phục mặc định và xét lại…',
    fileName: 'cau-hinh-thi-dua-cchc.json',
  },
};

const en: Strings = {
  title: 'Thi đua CCHC',
  subtitle: 'Administrative-reform emulation awards',
  outsideExcelTitle: 'Please open the add-in from Excel',
  outsideExcelBody:
    'This page is the task pane of the Thi đua CCHC add-in and only works inside Microsoft Excel (Excel on the web, Windows or Mac).',
  outsideExcelHint: 'In Excel, on the Home tab, click “Check awards” in the Thi đua CCHC group.',
  officeMissing: 'Office.js could not be loaded. Check the network connection and open the task pane again.',
  actions: { check: 'Check data', review: 'Judge criteria', annotate: 'Annotate', clear: 'Clear marks', dossier: 'Create the dossier' },
  actionTips: {
    check: 'Check the data: tables found, column mapping, data problems',
    review: 'Judge every collective and individual, rank them against the quotas',
    annotate: 'Annotate the workbook: fills, notes with the reasons, the result sheet',
    clear: 'Clear the annotations, restoring the previous fills and notes',
    dossier: 'Create the award dossier: document and meeting facts, then the Word documents',
  },
  criterionShort: {
    taskCompletion: 'Tasks',
    parIndex: 'PAR',
    unitParIndex: 'Unit PAR',
    sipas: 'SIPAS',
    onTime: 'On time',
    initiative: 'Initiative',
    compliance: 'Compliance',
    votes: 'Votes',
  },
  sections: { data: 'Check data', review: 'Judge criteria', annotate: 'Annotate the workbook', dossier: 'Create the dossier' },
  hints: {
    start: 'Click “Check data” to find the collective and individual tables of the open workbook.',
    reviewFirst: 'Click “Judge criteria” to see the result for each collective and individual.',
    annotateIdle:
      'Annotating fills the judged cells (red: not met, amber: missing data, green: proposed), adds a note with the reason and creates the sheet “Kết quả xét khen thưởng”. Clearing restores exactly what was there.',
  },
  progress: {
    check: 'Reading and checking the workbook…',
    review: 'Judging the criteria…',
    annotate: 'Annotating the workbook…',
    clear: 'Clearing the annotations…',
    save: 'Saving the settings in the workbook…',
    select: 'Selecting the cell…',
    dossier: 'Reading the dossier facts saved in the workbook…',
  },
  errors: {
    title: 'That did not work',
    unexpected: (detail) => `An unexpected error occurred: ${detail}`,
    dismiss: 'Dismiss',
  },
  profile: (name) => `Criteria profile: ${name}`,
  profileSaved: (name) => `Criteria profile: ${name} (saved in the workbook, see the “Settings” tab)`,
  profileProblems: 'The profile saved in the workbook is not valid, so the default profile is used:',
  tables: {
    none: 'No table found yet.',
    found: (n) => `${n} table${n === 1 ? '' : 's'} found`,
    sheet: 'Sheet',
    kind: 'Table kind',
    headerRow: 'Header row',
    rows: (first, last) => `rows ${first}–${last}`,
    candidates: (n) => `${n} candidate${n === 1 ? '' : 's'}`,
    editMapping: 'View or edit the column mapping',
    recognised: (n) => `${n} column${n === 1 ? '' : 's'} recognised`,
    unrecognised: (headers) => `Not recognised: ${headers}`,
    edit: 'Edit',
    field: 'Field',
    column: 'Column',
    unused: '— not used —',
    ignoreSheet: 'Ignore this sheet',
    save: 'Save and check again',
    saved: (sheet) => `The settings of sheet “${sheet}” were saved in the workbook.`,
    headerRowChanged: 'The header row changed: the columns were matched again from the new row, please review them.',
    ignored: 'Ignored sheet',
    restoreSheet: 'Include this sheet again',
    restored: (sheet) => `Sheet “${sheet}” is included again.`,
  },
  kinds: { collective: 'Collective', individual: 'Individual' },
  kindsPlural: { collective: 'Collectives', individual: 'Individuals' },
  fields: {
    name: 'Name (unit / person)',
    position: 'Position',
    unit: 'Unit',
    taskCompletion: 'Reform task completion rate',
    taskDone: 'Tasks completed',
    taskTotal: 'Tasks in total',
    parRating: 'PAR Index rating',
    parScore: 'PAR Index score',
    sipas: 'SIPAS index',
    onTime: 'Files on time (rate)',
    onTimeCount: 'Files on time (count)',
    fileTotal: 'Files in total',
    initiative: 'Initiative',
    initiativeRecognition: 'Initiative recognition decision',
    compliance: 'Policy compliance',
    achievement: 'Achievement summary',
    votesAgree: 'Votes in favour',
    votesTotal: 'Votes in total',
    award: 'Requested award',
    birthYear: 'Year of birth',
    gender: 'Gender',
    hometown: 'Home town',
    qualification: 'Qualification',
    order: 'Order number',
    womenShare: 'Share of women',
    dissolved: 'Dissolved / merged',
  },
  problems: {
    none: 'No data problems.',
    count: (errors, warnings) => `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    error: 'Error',
    warning: 'Warning',
    wholeSheet: 'whole sheet',
    selectHint: 'Click a line to select that cell in the workbook.',
  },
  review: {
    summary: (total, eligible, proposed) => `${total} candidates · ${eligible} meet the criteria · ${proposed} proposed`,
    filters: { all: 'All', eligible: 'Eligible', failing: 'Not met', problems: 'Data problems' },
    filterLabel: 'Filter the list',
    empty: 'No candidate matches the filter.',
    quotas: 'Award quotas',
    ties: 'The council must decide',
    noTies: 'No tie at a quota cut.',
    rank: (n) => `Rank ${n}`,
    unranked: 'Not ranked',
    reasons: 'Reasons',
    inherited: 'from the unit',
    outcome: { pass: 'Met', fail: 'Not met', unknown: 'Missing or invalid data' },
    verdict: {
      proposed: (award) => `Proposed: ${award}`,
      overQuota: 'Over quota',
      tied: 'Tied — council decides',
      eligible: 'Meets the criteria',
      fail: 'Not met',
      unknown: 'Missing data',
      duplicate: 'Duplicate name',
    },
    goToCell: (sheet, cell) => `Select cell ${cell} on sheet “${sheet}”`,
    openAll: 'Open all reasons',
    closeAll: 'Close all reasons',
  },
  annotate: {
    done: (marks) => `${marks} cells annotated and the sheet “Kết quả xét khen thưởng” created.`,
    noteMode: {
      notes: 'The reasons were written as notes on each cell.',
      comments: 'This version of Excel has no notes API, so the reasons were written as comments on each cell.',
      none: 'This version of Excel supports neither notes nor comments: the reasons are only on the sheet “Kết quả xét khen thưởng”.',
    },
    cleared: 'Annotations cleared: the previous fills and notes are restored and the result sheet is removed.',
    legend: 'Red: not met · Amber: missing data · Green: proposed',
  },
  tabs: { main: 'Awards', settings: 'Settings' },
  version: (v) => `version ${v}`,
  steps: {
    label: 'Steps of the award review',
    next: (action) => `Next step: click “${action}”.`,
    allDone: 'All four steps are done. After editing the workbook, click “Check data” again.',
    step: (n) => `Step ${n}`,
    stateNext: 'next step',
    stateDone: 'done',
    stateLater: 'not done yet',
    todo: {
      check: 'Find the collective and individual tables and the data problems.',
      review: 'See who meets the criteria, who does not, and why.',
      annotate: 'Colour the cells, write the reasons, add the result sheet.',
      dossier: 'Fill in the facts, then create the Tờ trình, Biên bản and reports.',
    },
    checked: (tables, errors, warnings) => `${tables} table${tables === 1 ? '' : 's'} · ${errors ? `${errors} data problem${errors === 1 ? '' : 's'} to fix` : 'no data problems'}${warnings ? ` · ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`,
    annotated: (marks) => `${marks} cells annotated.`,
    dossierDone: 'Dossier created.',
  },
  overview: {
    title: 'At a glance',
    counts: { eligible: 'meet the criteria', proposed: 'proposed', failing: 'not met', missing: 'missing data', overQuota: 'over quota', tied: 'tied at the cut' },
    total: (n) => `${n} candidate${n === 1 ? '' : 's'}`,
    quotas: 'Quota used',
    quotaUse: (used, quota, kind) => `${used}/${quota} ${kind}`,
    overflow: (n) => `${n} over`,
    noQuota: (kind) => (kind ? `${kind}: no quota set` : 'No quota set'),
    whereToSet: 'Set quotas on the “Settings” tab, under “Award quotas”.',
    failing: 'Criteria failed most',
    failingLine: (criterion, fail, unknown) => `${criterion}: ${fail} not met${unknown ? `, ${unknown} missing data` : ''}`,
    noneFailing: 'No criterion was failed.',
    chartAlt: 'Candidates not meeting (red) or missing data (amber) per criterion',
  },
  legend: {
    title: 'Colour legend',
    proposed: 'Green: proposed',
    unknown: 'Amber: missing data, tied',
    fail: 'Red: not met',
    signs: '✓ met · ✗ not met · ? missing data',
  },
  cli: {
    title: 'Using the command line',
    body: 'The profile and the dossier facts are saved on the workbook’s hidden sheet “_ThiDuaCCHC”, so “thidua check” and “thidua dossier” on a computer give the same result. The JSON exported here works with “thidua --profile”.',
  },
  settings: {
    title: 'Criteria profile',
    intro: 'The thresholds, rating ladder, PAR score bands, quotas, vote threshold and ranking order used to judge. The profile is saved in the workbook itself: whoever opens this file gets the same result.',
    usingSaved: 'This workbook uses its own saved profile.',
    usingDefault: 'This workbook uses the plan’s defaults.',
    name: 'Profile name',
    criteria: 'Criteria',
    criteriaHint: 'Rates are percentages (0–100). “At least” is greater than or equal; “more than” is strictly greater.',
    apply: 'Apply',
    compare: 'Comparison',
    inclusive: 'at least … (≥)',
    strict: 'more than … (>)',
    threshold: 'Threshold (%)',
    atLeast: 'Minimum rating',
    orBetter: 'or better',
    requireRecognition: 'The initiative needs a recognition decision',
    complianceHint: 'Only checked when a sheet has this column; “No” fails.',
    ladder: 'Rating ladder',
    ladderHint: 'One rating per line, lowest first.',
    bands: 'PAR score bands',
    bandsHint: 'Used when a sheet gives only a PAR score, no rating. Without bands a score alone counts as missing data.',
    bandMin: 'From score',
    bandRating: 'Rating',
    addBand: 'Add a band',
    remove: 'Remove',
    votes: 'Council votes',
    votesEnabled: 'Require a share of votes in favour (when the sheet has votes)',
    votesThreshold: 'Votes in favour (%)',
    awards: 'Award quotas',
    awardsHint: 'The higher award is filled first, from the top of the ranking.',
    awardLabel: 'Award name',
    quota: { collective: 'Collectives', individual: 'Individuals' },
    ranking: 'Ranking order',
    rankingHint: 'Ranked by the first key, descending; equal values go to the next key.',
    rankingKeys: {
      votes: 'Votes in favour',
      parIndex: 'PAR Index rating',
      sipas: 'SIPAS index',
      onTime: 'Files on time',
      taskCompletion: 'Reform task completion',
    },
    up: 'Up',
    down: 'Down',
    addKey: 'Add key',
    save: 'Save in the workbook',
    restore: 'Restore the plan’s defaults',
    exportJson: 'Export JSON',
    importFile: 'Import a JSON file',
    pasteLabel: 'Or paste JSON',
    pasteApply: 'Load the pasted JSON',
    fileSection: 'Export, import (JSON file)',
    refused: (n) => `Not saved: the profile has ${n} problem${n === 1 ? '' : 's'}. Fix the fields marked in red, then save again.`,
    importRefused: (n) => `The profile could not be loaded: ${n} problem${n === 1 ? '' : 's'}.`,
    imported: 'The profile was loaded into the form; what the file does not name is the plan’s default. Review it, then click “Save in the workbook” to apply it.',
    saved: 'The profile was saved in the workbook and the candidates judged again with it (see the “Awards” tab).',
    restored: 'The plan’s defaults are restored and the candidates judged again (see the “Awards” tab).',
    reannotated: (marks) => `The workbook was annotated, so it was annotated again with the new profile (${marks} cells).`,
    notAnnotated: 'The workbook is not annotated: click “Annotate” (on the “Awards” tab) when you want the result written into it.',
    exported: 'The profile file was downloaded.',
    macExport: 'Excel for Mac does not let add-ins download files (the download is dropped without a word). Copy the text below and save it as a .json file.',
    exportedText: 'The profile file',
    copy: 'Copy',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not copy automatically: the text is selected, press Ctrl+C (on a Mac: ⌘C).',
    readFailed: 'The chosen file could not be read.',
    savedProblems: 'The profile saved in the workbook is not valid, so the plan’s defaults are used:',
    progressLoad: 'Reading the profile in the workbook…',
    progressSave: 'Saving the profile and judging again…',
    progressRestore: 'Restoring the defaults and judging again…',
    fileName: 'thidua-cchc-profile.json',
  },
};

const STRINGS: Record<Lang, Strings> = { vi, en };

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}

/** Vietnamese when Office's display language is Vietnamese, English otherwise (addin.md). */
export function langFromDisplayLanguage(displayLanguage: string | undefined | null): Lang {
  return (displayLanguage ?? '').toLowerCase().startsWith('vi') ? 'vi' : 'en';
}
