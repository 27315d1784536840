/** The words of the "Tạo hồ sơ" view, Vietnamese and English (kept apart from i18n.ts to merge easily). */
import type { Lang } from '../../core';
import type { TemplateId } from '../../core/dossier/model';
import type { FieldGroup } from './form';

export interface DossierStrings {
  intro: string;
  loadHint: string;
  groups: Record<FieldGroup | 'votes' | 'templates', string>;
  labels: Record<string, string>;
  hints: Record<string, string>;
  votesHint: (present: string) => string;
  votesFromWorkbook: string;
  voteAgree: string;
  noEligible: string;
  save: string;
  generate: string;
  saved: string;
  savedInvalid: string;
  formProblems: (n: number) => string;
  templatesHint: string;
  templateNames: Record<TemplateId, string>;
  templateDefault: string;
  templateCustom: (file: string) => string;
  templateRefused: (file: string) => string;
  templateAccepted: (file: string) => string;
  templateRestore: string;
  templateChoose: string;
  progress: { run: string; read: string; load: string; render: (done: number, total: number) => string };
  loadFailed: (detail: string) => string;
  done: (n: number) => string;
  zip: string;
  files: string;
  twoCopies: string;
  proposed: (award: string, collective: number, individual: number) => string;
  formVersion: (v: string) => string;
  warnings: string;
  missing: string;
  /** Prefix of a meeting fact in the list of missing facts ("Place" alone would be ambiguous). */
  meetingPrefix: string;
  allFactsGiven: string;
  templatesInvalid: string;
  nothingGenerated: string;
  noTables: string;
  factsInvalid: string;
  mac: {
    title: string;
    body: string;
    copy: string;
    copied: string;
    copyFailed: string;
    terminal: string;
    cli: string;
    textLabel: string;
    steps: string[];
    open: string;
    opened: string;
    openLink: string;
    fileLabel: string;
  };
  essentials: string;
  essentialsHint: string;
  more: string;
  moreHint: string;
  ownTemplates: string;
  votesFold: string;
  cliTitle: string;
  cliBody: string;
  confirm: { title: (n: number) => string; body: string; go: string; back: string };
  prefilled: string;
}

const vi: DossierStrings = {
  intro: 'Điền các thông tin cần thiết dưới đây rồi bấm “Tạo các văn bản”. Thông tin được lưu ngay trong sổ làm việc, lần sau không phải gõ lại.',
  loadHint: 'Bấm “Tạo hồ sơ” để mở biểu mẫu thông tin hồ sơ của sổ làm việc đang mở.',
  essentials: 'Thông tin cần thiết',
  essentialsHint: 'Đủ để Tờ trình và Biên bản có số, ngày, người ký và cuộc họp.',
  more: 'Thông tin khác (không bắt buộc)',
  moreHint: 'Ô để trống được in là “……”, có thể điền tay sau khi in.',
  ownTemplates: 'Mẫu văn bản riêng (không bắt buộc)',
  votesFold: 'Kết quả biểu quyết (không bắt buộc)',
  cliTitle: 'Dùng dòng lệnh',
  cliBody: 'Thông tin hồ sơ được lưu trong trang ẩn “_ThiDuaCCHC” của sổ làm việc, nên lệnh “thidua dossier <sổ làm việc>.xlsx --out ho-so” cho cùng các văn bản.',
  confirm: {
    title: (n) => `Còn ${n} thông tin để trống`,
    body: 'Các văn bản vẫn tạo được; chỗ trống được in là “……”. Thiếu:',
    go: 'Vẫn tạo các văn bản',
    back: 'Quay lại điền',
  },
  prefilled: 'Đã điền sẵn từ thông tin lưu trong sổ làm việc.',
  groups: {
    body: 'Cơ quan ban hành và văn bản',
    signer: 'Người ký Tờ trình',
    movement: 'Phong trào thi đua và căn cứ',
    meeting: 'Cuộc họp Hội đồng Thi đua - Khen thưởng',
    decision: 'Quyết định khen thưởng (sau khi Hội đồng xét)',
    votes: 'Kết quả biểu quyết',
    templates: 'Mẫu văn bản',
  },
  labels: {
    parentBody: 'Cơ quan chủ quản',
    issuingBody: 'Cơ quan ban hành',
    issuingBodyShort: 'Chữ viết tắt của cơ quan (trong ký hiệu)',
    place: 'Địa danh',
    date: 'Ngày Tờ trình',
    'numbers.toTrinh': 'Số Tờ trình',
    'numbers.bienBan': 'Số Biên bản',
    addressees: 'Kính gửi (mỗi dòng một nơi)',
    recipients: 'Nơi nhận (mỗi dòng một nơi)',
    'signer.authority': 'Thẩm quyền ký (TM., KT., …)',
    'signer.title': 'Chức vụ người ký',
    'signer.name': 'Họ và tên người ký',
    movement: 'Tên phong trào thi đua',
    year: 'Năm',
    'plan.number': 'Số Kế hoạch',
    'plan.date': 'Ngày Kế hoạch',
    'plan.issuer': 'Cơ quan ban hành Kế hoạch',
    legalBases: 'Căn cứ pháp lý (mỗi dòng một căn cứ)',
    'meeting.date': 'Ngày họp',
    'meeting.time': 'Giờ bắt đầu',
    'meeting.endTime': 'Giờ kết thúc',
    'meeting.place': 'Địa điểm',
    'meeting.council': 'Tên Hội đồng',
    'meeting.chair': 'Chủ trì',
    'meeting.chairRole': 'Chức vụ người chủ trì',
    'meeting.secretary': 'Thư ký',
    'meeting.secretaryRole': 'Chức vụ thư ký',
    'meeting.membersPresent': 'Số thành viên có mặt',
    'meeting.membersTotal': 'Tổng số thành viên',
    'meeting.absentees': 'Vắng mặt (mỗi dòng một người)',
    'decision.issuingBody': 'Cơ quan ban hành Quyết định',
    'decision.issuingBodyShort': 'Chữ viết tắt (trong ký hiệu QĐ)',
    'decision.number': 'Số Quyết định',
    'decision.date': 'Ngày Quyết định',
    'decision.authority': 'Thẩm quyền ban hành (dòng trên phần căn cứ)',
    'decision.issuerName': 'Người ban hành (trong “Kèm theo Quyết định … của …”)',
    'decision.proposer': 'Người đề nghị (Theo đề nghị của …)',
    'decision.amounts.collective': 'Tiền thưởng mỗi tập thể (đồng)',
    'decision.amounts.individual': 'Tiền thưởng mỗi cá nhân (đồng)',
    'decision.amountBasis': 'Căn cứ mức thưởng',
    'decision.fund': 'Nguồn kinh phí',
    'decision.executors': 'Tổ chức thi hành, Điều 3 (mỗi dòng một nơi)',
    'decision.signer.authority': 'Thẩm quyền ký Quyết định (TM., KT., …)',
    'decision.signer.title': 'Chức vụ người ký Quyết định',
    'decision.signer.name': 'Họ và tên người ký Quyết định',
    'decision.recipients': 'Nơi nhận Quyết định (mỗi dòng một nơi)',
  },
  hints: {
    parentBody: 'Ví dụ: UBND thị xã Ninh Hòa',
    issuingBody: 'Ví dụ: Phòng Nội vụ',
    issuingBodyShort: 'Ví dụ: NV → “Số: 245/TTr-NV”',
    place: 'Ví dụ: Ninh Hòa',
    date: 'dd/mm/yyyy',
    'numbers.toTrinh': 'Ví dụ: 245',
    'numbers.bienBan': 'Ví dụ: 12',
    'signer.authority': 'Để trống khi ký thay mặt chính mình',
    'signer.title': 'Ví dụ: Trưởng phòng',
    year: 'Ví dụ: 2022',
    'plan.number': 'Ví dụ: 135/KH-UBND',
    'plan.date': 'dd/mm/yyyy',
    'meeting.date': 'dd/mm/yyyy',
    'meeting.time': 'Ví dụ: 14 giờ 00',
    'meeting.endTime': 'Ví dụ: 16 giờ 30',
    'decision.issuingBody': 'Ví dụ: Ủy ban nhân dân thị xã Ninh Hòa',
    'decision.issuingBodyShort': 'Ví dụ: UBND → “Số: 1520/QĐ-UBND”',
    'decision.number': 'Ví dụ: 1520',
    'decision.date': 'dd/mm/yyyy',
    'decision.authority': 'Ví dụ: Chủ tịch Ủy ban nhân dân thị xã Ninh Hòa',
    'decision.amounts.collective': 'Ví dụ: 447.000 (để trống: in “……”)',
    'decision.amounts.individual': 'Ví dụ: 223.500',
  },
  votesHint: (present) => `Sổ làm việc không có cột số phiếu: ghi số phiếu đồng ý của từng trường hợp đạt tiêu chí (tổng số phiếu = số thành viên có mặt${present ? `, ${present}` : ''}).`,
  votesFromWorkbook: 'Số phiếu được lấy từ các cột số phiếu trong sổ làm việc.',
  voteAgree: 'Số phiếu đồng ý',
  noEligible: 'Chưa có trường hợp nào đạt tiêu chí.',
  save: 'Lưu thông tin',
  generate: 'Tạo các văn bản',
  saved: 'Đã lưu thông tin hồ sơ vào sổ làm việc.',
  savedInvalid: 'Thông tin hồ sơ lưu trong sổ làm việc có chỗ không hợp lệ (có thể đã bị sửa tay); hãy sửa rồi lưu lại:',
  formProblems: (n) => `Có ${n} chỗ cần sửa trong biểu mẫu; chưa lưu, chưa tạo hồ sơ.`,
  templatesHint: 'Mặc định dùng các mẫu có sẵn của tiện ích. Có thể thay từng mẫu bằng tệp .docx của mình; mẫu được kiểm tra ngay và chỉ dùng trong phiên làm việc này (mở lại ngăn tác vụ thì chọn lại).',
  templateNames: {
    toTrinh: 'Tờ trình và Danh sách',
    bienBan: 'Biên bản họp xét',
    baoCao: 'Báo cáo thành tích (Mẫu 07, NĐ 91/2017)',
    baoCaoNd98: 'Báo cáo thành tích (NĐ 98/2023)',
    baoCaoNd152: 'Báo cáo thành tích (NĐ 152/2025)',
    quyetDinh: 'Quyết định khen thưởng và Danh sách',
  },
  templateDefault: 'Mẫu mặc định',
  templateCustom: (file) => `Mẫu riêng: ${file}`,
  templateRefused: (file) => `Không dùng được mẫu “${file}”:`,
  templateAccepted: (file) => `Đã kiểm tra mẫu “${file}”: dùng được.`,
  templateRestore: 'Dùng mẫu mặc định',
  templateChoose: 'Chọn tệp .docx',
  progress: {
    run: 'Đang tạo hồ sơ…',
    read: 'Đang đọc sổ làm việc…',
    load: 'Đang tải bộ tạo văn bản và các mẫu…',
    render: (done, total) => `Đang tạo văn bản ${done}/${total}…`,
  },
  loadFailed: (detail) => `Không tải được bộ tạo văn bản hoặc mẫu văn bản từ máy chủ của tiện ích (${detail}). Kiểm tra kết nối rồi thử lại.`,
  done: (n) => `Đã tạo ${n} văn bản.`,
  zip: 'Tải về tất cả (.zip)',
  files: 'Tải từng văn bản',
  twoCopies: 'Kế hoạch yêu cầu 02 bộ hồ sơ: hãy in và nộp đủ 02 bộ.',
  proposed: (award, collective, individual) => `${award}: đề nghị ${collective} tập thể, ${individual} cá nhân.`,
  formVersion: (v) => `Mẫu báo cáo thành tích: ${v}.`,
  warnings: 'Cần lưu ý',
  missing: 'Thông tin chưa có (in là “……”):',
  meetingPrefix: 'Cuộc họp',
  allFactsGiven: 'Đã đủ thông tin văn bản và cuộc họp.',
  templatesInvalid: 'Mẫu văn bản có lỗi:',
  nothingGenerated: 'Chưa tạo văn bản nào.',
  noTables: 'Không tìm thấy bảng tập thể, cá nhân nào trong sổ làm việc.',
  factsInvalid: 'Thông tin hồ sơ lưu trong sổ làm việc không hợp lệ; hãy sửa trong biểu mẫu rồi lưu lại:',
  mac: {
    title: 'Excel cho Mac và iPad không tải tệp về từ ngăn tác vụ',
    body: 'Trên Mac và iPad, bấm các liên kết tải về ở trên có thể không có tác dụng gì. Hãy lưu tệp qua trình duyệt, hai bước:',
    copy: 'Chép tệp .zip (dạng văn bản)',
    copied: 'Đã chép. Mở Terminal và dán lệnh bên dưới.',
    copyFailed: 'Không chép tự động được: bấm vào ô văn bản, nhấn ⌘A rồi ⌘C.',
    terminal: 'Sau khi chép, mở Terminal và chạy lệnh sau để được tệp trong thư mục Tải về:',
    cli: 'Hoặc: mở tệp bằng Excel trên web (trình duyệt tải tệp bình thường), hoặc dùng lệnh “thidua dossier <sổ làm việc>.xlsx --out ho-so” — thông tin hồ sơ đã lưu trong sổ nên kết quả giống hệt.',
    textLabel: 'Tệp .zip dạng base64',
    steps: [
      'Bấm “Sao chép và mở trang lưu tệp”: tệp được sao chép, trình duyệt (Safari) mở trang lưu tệp.',
      'Trên trang đó, bấm “Dán” (hoặc nhấn ⌘V vào ô), tệp được lưu vào thư mục Tải về.',
    ],
    open: 'Sao chép và mở trang lưu tệp',
    opened: 'Đã sao chép tệp và mở trang lưu tệp trong trình duyệt: dán vào đó để lưu.',
    openLink: 'Mở trang lưu tệp',
    fileLabel: 'Tệp cần lưu',
  },
};

const en: DossierStrings = {
  intro: 'Fill in the essential facts below, then click “Create the documents”. The facts are saved in the workbook itself: next time they are already there.',
  loadHint: 'Click “Create the dossier” to open the dossier form of the open workbook.',
  essentials: 'Essential facts',
  essentialsHint: 'Enough for the Tờ trình and the Biên bản to have their number, date, signer and meeting.',
  more: 'Other facts (optional)',
  moreHint: 'An empty field prints as “……” and can be filled in by hand after printing.',
  ownTemplates: 'Your own templates (optional)',
  votesFold: 'Votes (optional)',
  cliTitle: 'Using the command line',
  cliBody: 'The dossier facts are saved on the workbook’s hidden sheet “_ThiDuaCCHC”, so “thidua dossier <workbook>.xlsx --out ho-so” gives the same documents.',
  confirm: {
    title: (n) => `${n} fact${n === 1 ? '' : 's'} still empty`,
    body: 'The documents can still be created; the blanks print as “……”. Missing:',
    go: 'Create the documents anyway',
    back: 'Go back and fill in',
  },
  prefilled: 'Filled in from the facts saved in the workbook.',
  groups: {
    body: 'Issuing body and document',
    signer: 'Signer of the submission',
    movement: 'Emulation movement and legal bases',
    meeting: 'Emulation and Commendation Council meeting',
    decision: 'Award decision (after the council)',
    votes: 'Votes',
    templates: 'Document templates',
  },
  labels: {
    parentBody: 'Parent body',
    issuingBody: 'Issuing body',
    issuingBodyShort: 'Issuing body abbreviation (in the symbol)',
    place: 'Place name',
    date: 'Date of the submission',
    'numbers.toTrinh': 'Submission (Tờ trình) number',
    'numbers.bienBan': 'Minutes (Biên bản) number',
    addressees: 'Addressees (one per line)',
    recipients: 'Distribution list (one per line)',
    'signer.authority': 'Signing authority (TM., KT., …)',
    'signer.title': "Signer's title",
    'signer.name': "Signer's name",
    movement: "Movement's name",
    year: 'Year',
    'plan.number': 'Plan number',
    'plan.date': 'Plan date',
    'plan.issuer': 'Body that issued the plan',
    legalBases: 'Legal bases (one per line)',
    'meeting.date': 'Meeting date',
    'meeting.time': 'Start time',
    'meeting.endTime': 'End time',
    'meeting.place': 'Place',
    'meeting.council': "Council's name",
    'meeting.chair': 'Chair',
    'meeting.chairRole': "Chair's role",
    'meeting.secretary': 'Secretary',
    'meeting.secretaryRole': "Secretary's role",
    'meeting.membersPresent': 'Members present',
    'meeting.membersTotal': 'Members in total',
    'meeting.absentees': 'Absent (one per line)',
    'decision.issuingBody': 'Body issuing the decision',
    'decision.issuingBodyShort': 'Abbreviation (in the decision symbol)',
    'decision.number': 'Decision number',
    'decision.date': 'Decision date',
    'decision.authority': 'Issuing authority (line above the legal bases)',
    'decision.issuerName': 'Issuer (in “attached to decision … of …”)',
    'decision.proposer': 'Proposed by (Theo đề nghị của …)',
    'decision.amounts.collective': 'Reward per collective (đồng)',
    'decision.amounts.individual': 'Reward per individual (đồng)',
    'decision.amountBasis': 'Legal basis of the amounts',
    'decision.fund': 'Source of funds',
    'decision.executors': 'Who executes it, Article 3 (one per line)',
    'decision.signer.authority': 'Decision signing authority (TM., KT., …)',
    'decision.signer.title': 'Title of the decision signer',
    'decision.signer.name': 'Name of the decision signer',
    'decision.recipients': 'Decision recipients (one per line)',
  },
  hints: {
    parentBody: 'e.g. UBND thị xã Ninh Hòa',
    issuingBody: 'e.g. Phòng Nội vụ',
    issuingBodyShort: 'e.g. NV → “Số: 245/TTr-NV”',
    place: 'e.g. Ninh Hòa',
    date: 'dd/mm/yyyy',
    'numbers.toTrinh': 'e.g. 245',
    'numbers.bienBan': 'e.g. 12',
    'signer.authority': 'Empty when signing in their own name',
    'signer.title': 'e.g. Trưởng phòng',
    year: 'e.g. 2022',
    'plan.number': 'e.g. 135/KH-UBND',
    'plan.date': 'dd/mm/yyyy',
    'meeting.date': 'dd/mm/yyyy',
    'meeting.time': 'e.g. 14 giờ 00',
    'meeting.endTime': 'e.g. 16 giờ 30',
    'decision.issuingBody': 'e.g. Ủy ban nhân dân thị xã Ninh Hòa',
    'decision.issuingBodyShort': 'e.g. UBND → “Số: 1520/QĐ-UBND”',
    'decision.number': 'e.g. 1520',
    'decision.date': 'dd/mm/yyyy',
    'decision.amounts.collective': 'e.g. 447.000 (blank: printed “……”)',
    'decision.amounts.individual': 'e.g. 223.500',
  },
  votesHint: (present) => `The workbook has no vote columns: enter the votes in favour for each eligible candidate (votes in total = members present${present ? `, ${present}` : ''}).`,
  votesFromWorkbook: "The votes come from the workbook's vote columns.",
  voteAgree: 'Votes in favour',
  noEligible: 'No candidate meets the criteria yet.',
  save: 'Save the facts',
  generate: 'Create the documents',
  saved: 'The dossier facts were saved in the workbook.',
  savedInvalid: 'The dossier facts saved in the workbook are partly invalid (perhaps edited by hand); correct them and save again:',
  formProblems: (n) => `${n} field${n === 1 ? '' : 's'} to correct; nothing was saved or created.`,
  templatesHint: "The add-in's own templates are used by default. Any of them can be replaced by your own .docx; it is checked at once and used for this session only (pick it again after reopening the task pane).",
  templateNames: {
    toTrinh: 'Submission and list',
    bienBan: 'Meeting minutes',
    baoCao: 'Achievement report (Form 07, Decree 91/2017)',
    baoCaoNd98: 'Achievement report (Decree 98/2023)',
    baoCaoNd152: 'Achievement report (Decree 152/2025)',
    quyetDinh: 'Award decision and list',
  },
  templateDefault: 'Default template',
  templateCustom: (file) => `Own template: ${file}`,
  templateRefused: (file) => `The template “${file}” cannot be used:`,
  templateAccepted: (file) => `The template “${file}” was checked: it can be used.`,
  templateRestore: 'Use the default template',
  templateChoose: 'Choose a .docx file',
  progress: {
    run: 'Creating the dossier…',
    read: 'Reading the workbook…',
    load: 'Loading the document generator and the templates…',
    render: (done, total) => `Creating document ${done} of ${total}…`,
  },
  loadFailed: (detail) => `The document generator or a template could not be loaded from the add-in's host (${detail}). Check the connection and try again.`,
  done: (n) => `${n} documents created.`,
  zip: 'Download everything (.zip)',
  files: 'Download one by one',
  twoCopies: 'The plan asks for 02 sets of the dossier (02 bộ hồ sơ): print and hand in both.',
  proposed: (award, collective, individual) => `${award}: ${collective} collective(s), ${individual} individual(s) proposed.`,
  formVersion: (v) => `Achievement report form: ${v}.`,
  warnings: 'Please note',
  missing: 'Facts not given yet (printed as “……”):',
  meetingPrefix: 'Meeting',
  allFactsGiven: 'Every document and meeting fact is given.',
  templatesInvalid: 'The templates have problems:',
  nothingGenerated: 'No document was created.',
  noTables: 'No table of collectives or individuals was found in the workbook.',
  factsInvalid: 'The dossier facts saved in the workbook are not valid; correct them in the form and save again:',
  mac: {
    title: 'Excel for Mac and iPad do not download files from a task pane',
    body: 'On a Mac or an iPad, the download links above may do nothing at all. Save the file through the browser, in two steps:',
    copy: 'Copy the .zip (as text)',
    copied: 'Copied. Open Terminal and paste the command below.',
    copyFailed: 'Could not copy automatically: click in the text box, press ⌘A then ⌘C.',
    terminal: 'After copying, open Terminal and run this command to get the file in Downloads:',
    cli: 'Or: open the file in Excel on the web (the browser downloads normally), or run “thidua dossier <workbook>.xlsx --out ho-so” — the facts are saved in the workbook, so the result is identical.',
    textLabel: 'The .zip as base64',
    steps: [
      'Click “Copy and open the save page”: the file is copied and the browser (Safari) opens the save page.',
      'On that page, click “Paste” (or press ⌘V in the box): the file is saved in the Downloads folder.',
    ],
    open: 'Copy and open the save page',
    opened: 'The file was copied and the save page opened in the browser: paste it there to save it.',
    openLink: 'Open the save page',
    fileLabel: 'The file to save',
  },
};

/** A fact's name in the list of missing facts: "Cuộc họp — Địa điểm", "Kính gửi" (no "(one per line)"). */
export function missingLabel(D: DossierStrings, path: string): string {
  const label = (D.labels[path] ?? path).replace(/\s*\([^)]*\)$/, '');
  return path.startsWith('meeting.') ? `${D.meetingPrefix} — ${label}` : label;
}

export function dossierStrings(lang: Lang): DossierStrings {
  return lang === 'vi' ? vi : en;
}
