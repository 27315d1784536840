/**
 * Builds the default dossier templates in templates/ (dossier.md): to-trinh.docx, bien-ban.docx and
 * one Báo cáo thành tích per report form (bao-cao-thanh-tich-mau-07.docx for NĐ 91/2017,
 * bao-cao-thanh-tich-nd98-2023.docx, bao-cao-thanh-tich-nd152-2025.docx). Run `npm run templates`; the output is byte-stable, so a
 * rebuilt template shows in git only when this script changed. Tags are docxtemplater's
 * `{tag}`, `{#loop}…{/loop}`; every tag is listed in src/core/dossier/tags.ts and the README.
 */
import { writeFileSync } from 'fs';
import * as path from 'path';
import { body, buildDocx, cell, p, rule, sectionBreak, table, TEXT_WIDTH, type Cell } from './ooxml';
import type { TemplateId } from '../../src/core/dossier/model';
import { FORM_VERSION_PROPERTY, TEMPLATE_FILES } from '../../src/core/dossier/tags';
import { REPORT_TEMPLATES, type ReportFormId } from '../../src/core/dossier/reportForms';

const LEFT = 3700;
const RIGHT = TEXT_WIDTH - LEFT;
const c = (text: string, extra = {}) => p(text, { align: 'center', ...extra });

/**
 * The borderless header of Nghị định 30/2020 (Phụ lục I; Phụ lục III, Mẫu 1.4): bodies left,
 * Quốc hiệu and Tiêu ngữ right, then a second row with "Số:" left and the place and date right, so
 * that they stand on one line whatever the height of the lines above (a body name on two lines
 * no longer pushes "Số" below the date). Both at 13 pt: the same baseline. A form without a date
 * in its header (Mẫu 1.9, the Biên bản) leaves the right cell empty.
 */
function documentHeader(left: { upper: string; main: string; number?: string }, withDate = true): string {
  return headerTable([c(left.upper, { size: 13 }), c(left.main, { size: 13, b: true }), rule(LEFT, 1300)], left.number, withDate);
}

/** The header table of documentHeader, for a left column of its own (the Quyết định's optional parent body). */
function headerTable(leftTop: string[], number: string | undefined, withDate: boolean): string {
  const rightCell = [
    c('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 13, b: true }),
    c('Độc lập - Tự do - Hạnh phúc', { size: 14, b: true }),
    // As long as the Tiêu ngữ (about 6 cm at 14 pt bold).
    rule(RIGHT, 3400),
  ];
  const rows = [[cell(leftTop, LEFT), cell(rightCell, RIGHT)]];
  if (number || withDate) {
    rows.push([
      cell(c(number ?? '', { size: 13, before: 120 }), LEFT),
      cell(c(withDate ? '{placeDate}' : '', { size: 13, i: true, before: 120 }), RIGHT),
    ]);
  }
  return table(rows, { widths: [LEFT, RIGHT], borders: false });
}

function loopParagraphs(name: string, inner: string): string {
  return `${p(`{#${name}}`)}${inner}${p(`{/${name}}`)}`;
}

function heading(text: string, extra = {}): string {
  return p(text, { b: true, size: 14, align: 'both', before: 120, after: 120, keepNext: true, firstLine: 567, ...extra });
}

/**
 * Signatures: one table row that cannot split, so the block moves as a whole; the paragraph
 * before it carries keepNext, so the block never stands alone at the top of a page. The space
 * above is the cells' top margin, not an empty paragraph (LibreOffice does not carry a kept
 * paragraph over an empty one).
 */
function signatureBlock(left: string[], right: string[]): string {
  const half = Math.round(TEXT_WIDTH / 2);
  return table([[cell(left.length ? left : [p('')], half), cell(right, TEXT_WIDTH - half)]], { widths: [half, TEXT_WIDTH - half], borders: false, topMargin: 200 });
}

function signer(lines: { authority?: string; title: string; name: string; note?: string; size?: number }): string[] {
  return [
    ...(lines.authority ? [c(lines.authority, { b: true, size: 14, keepNext: true })] : []),
    c(lines.title, { b: true, size: lines.size ?? 14, keepNext: true }),
    ...(lines.note ? [c(lines.note, { i: true, size: 13, keepNext: true })] : []),
    c('', { keepNext: true }), c('', { keepNext: true }), c('', { keepNext: true }), c('', { keepNext: true }),
    c(lines.name, { b: true, size: 14 }),
  ];
}

/** "Nơi nhận:" bold italic 12 and its list at 11 (Nghị định 30/2020, Phụ lục I). */
function recipientsBlock(loop: string, before = 0): string[] {
  return [p('Nơi nhận:', { b: true, i: true, size: 12, before }), loopParagraphs(loop, p('{text}', { size: 11 }))];
}

/**
 * 14 pt and 12 pt Times New Roman lines starting at the same height have baselines 0.891 × 2 pt
 * apart: "Nơi nhận:" starts that much lower, so it stands level with the signer's first line.
 */
const LEVEL_12_WITH_14 = 36;

/** "Nơi nhận" on the line of the signer's authority and title (Mẫu 1.4 and 1.2: the Tờ trình and the Quyết định). */
function recipientsAndSigner(): string {
  return signatureBlock(
    recipientsBlock('recipients', LEVEL_12_WITH_14),
    [loopParagraphs('signerAuthority', c('{signerAuthority}', { b: true, size: 14, keepNext: true })), ...signer({ title: '{signerTitle}', name: '{signerName}' })],
  );
}

/**
 * The Danh sách annex of the Tờ trình and the Quyết định: its own section, its pages numbered on
 * their own from 1, the first without a number (Nghị định 30/2020, Phụ lục I); a three-column
 * table, tập thể then cá nhân, each under its heading row; `dataRow` gives one candidate's cells.
 */
function annexList(headers: string[], widths: number[], dataRow: (loop: string, flag: string) => Cell[]): string[] {
  const th = (t: string, width: number) => cell(c(t, { b: true, size: 13, before: 60, after: 60 }), width, { vAlign: 'center' });
  const listRows = (loop: string, headingTag: string, flag: string) => [
    [cell(p(`{#${flag}}{${headingTag}}`, { b: true, size: 13, before: 60, after: 60 }), TEXT_WIDTH, { span: headers.length })],
    dataRow(loop, flag),
  ];
  return [
    sectionBreak(),
    c('DANH SÁCH', { b: true, size: 14 }),
    c('{annexSubtitle}', { b: true, size: 14 }),
    c('{annexReference}', { i: true, size: 14 }),
    rule(TEXT_WIDTH, 1700),
    p('', { after: 120 }),
    table(
      [headers.map((t, i) => th(t, widths[i])), ...listRows('collectives', 'collectiveHeading', 'hasCollectives'), ...listRows('individuals', 'individualHeading', 'hasIndividuals')],
      { widths, borders: true, headerRows: 1 },
    ),
    p('Danh sách có {counts}./.', { i: true, size: 13, before: 120 }),
  ];
}

function toTrinh(): Buffer {
  const annexWidths = [700, 3300, TEXT_WIDTH - 4000];
  const annexRow = (loop: string, flag: string) => [
    cell(c(`{#${loop}}{no}`, { size: 13, before: 60 }), annexWidths[0]),
    cell([p('{name}', { b: true, size: 13, before: 60 }), p('{details}', { size: 13, after: 60 })], annexWidths[1]),
    cell(p(`{summary}{/${loop}}{/${flag}}`, { size: 13, align: 'both', before: 60, after: 60 }), annexWidths[2]),
  ];
  const bodyXml = [
    documentHeader({ upper: '{parentBody}', main: '{issuingBody}', number: '{number}' }),
    c('TỜ TRÌNH', { b: true, size: 14, before: 360 }),
    c('{subject}', { b: true, size: 14 }),
    rule(TEXT_WIDTH, 1700),
    c('Kính gửi: {addressee}', { size: 14, before: 240, after: 240 }),
    loopParagraphs('bases', body('{text}', { i: true })),
    body('{proposal}'),
    loopParagraphs('councilDecisions', body('{text}')),
    body('{closing}', { keepNext: true }),
    recipientsAndSigner(),
    ...annexList(['STT', 'Tên tập thể / Họ và tên, chức vụ, đơn vị', 'Tóm tắt thành tích'], annexWidths, annexRow),
  ].join('');
  return buildDocx({ title: 'Tờ trình đề nghị khen thưởng', properties: { ThiDuaTemplate: 'toTrinh' }, body: bodyXml, lastSection: { nextPage: true, restartNumbering: true } });
}

function bienBan(): string {
  const voteWidths = [700, TEXT_WIDTH - 700 - 2200 - 1500, 2200, 1500];
  const th = (t: string, w: number) => cell(c(t, { b: true, size: 13, before: 60, after: 60 }), w, { vAlign: 'center' });
  const line = (label: string, tag: string): string => body([{ text: label, b: true }, { text: tag }]);
  return [
    // Mẫu 1.9 (Nghị định 30/2020, Phụ lục III): no place and date in the header of a biên bản.
    documentHeader({ upper: '{parentBody}', main: '{council}', number: '{number}' }, false),
    c('BIÊN BẢN', { b: true, size: 14, before: 360 }),
    c('{subject}', { b: true, size: 14 }),
    rule(TEXT_WIDTH, 1700),
    heading('I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN', { before: 240 }),
    line('1. Thời gian: ', '{time}.'),
    line('2. Địa điểm: ', '{place}.'),
    line('3. Chủ trì: ', '{chair}.'),
    line('4. Thư ký: ', '{secretary}.'),
    line('5. Thành phần: ', '{attendance}'),
    heading('II. NỘI DUNG'),
    body([{ text: '1. Tiêu chuẩn xét khen thưởng ', b: true }, { text: 'theo Kế hoạch phát động {movement}:' }]),
    body('a) Đối với tập thể:', { i: true }),
    loopParagraphs('criteriaCollective', body('{text}')),
    body('b) Đối với cá nhân:', { i: true }),
    loopParagraphs('criteriaIndividual', body('{text}')),
    body([{ text: '2. Kết quả xét: ', b: true }, { text: '{reviewedText}' }]),
    body([{ text: '3. Kết quả biểu quyết ', b: true }, { text: '({voteBasis}):' }], { keepNext: true }),
    loopParagraphs('hasCount', body('{countText}', { keepNext: true })),
    table(
      [
        [th('STT', voteWidths[0]), th('Tập thể, cá nhân', voteWidths[1]), th('Đồng ý / Tổng số', voteWidths[2]), th('Tỷ lệ', voteWidths[3])],
        [
          cell(c('{#votes}{no}', { size: 13, before: 40, after: 40 }), voteWidths[0]),
          cell(p('{name} ({kindLabel})', { size: 13, before: 40, after: 40 }), voteWidths[1]),
          cell(c('{agree}/{total}', { size: 13, before: 40, after: 40 }), voteWidths[2]),
          cell(c('{share}{/votes}', { size: 13, before: 40, after: 40 }), voteWidths[3]),
        ],
      ],
      { widths: voteWidths, borders: true, headerRows: 1 },
    ),
    p('', { after: 120 }),
    loopParagraphs('hasTies', body('{tiesText}')),
    loopParagraphs('hasOverQuota', body('{overQuotaText}')),
    loopParagraphs('councilDecisions', body('{text}')),
    loopParagraphs('hasOpenInitiatives', body('{openInitiativesText}')),
    heading('III. KẾT LUẬN'),
    body('Hội đồng thống nhất đề nghị khen thưởng như sau:'),
    loopParagraphs('awards', `${body('{heading}', { keepNext: true })}${loopParagraphs('names', body('{text}'))}`),
    body('{endTime}'),
    body('Biên bản đã được thông qua trước các thành viên dự họp và được các thành viên thống nhất./.', { keepNext: true }),
    // Mẫu 1.9: THƯ KÝ left, CHỦ TỌA right, then "Nơi nhận" at the left, in the same unbreakable row.
    signatureBlock(
      [...signer({ title: 'THƯ KÝ', name: '{secretaryName}' }), p('', { size: 10 }), ...recipientsBlock('recipients')],
      signer({ title: 'CHỦ TỌA', name: '{chairName}' }),
    ),
  ].join('');
}

/**
 * The Báo cáo thành tích of one report form. Mẫu 07 of NĐ 91/2017 (the seed's 2022): I. sơ lược,
 * II. thành tích; thủ trưởng xác nhận and người báo cáo. The forms under Luật Thi đua, khen thưởng
 * 2022 (NĐ 98/2023, then NĐ 152/2025): the same, plus III. Các hình thức đã được khen thưởng (from
 * the sheet "Lịch sử khen thưởng", blank rows otherwise) and the Xác nhận của cấp trình khen
 * thưởng, which the dossier of those decrees requires on every report.
 */
function baoCao(form: ReportFormId): string {
  const law2022 = form !== 'nd91-2017-mau-07';
  const w = [700, TEXT_WIDTH - 700 - 2600 - 2000, 2600, 2000];
  const th = (t: string, width: number) => cell(c(t, { b: true, size: 13, before: 60, after: 60 }), width, { vAlign: 'center' });
  const dash = (label: string, tag: string) => body([{ text: `- ${label}: ` }, { text: tag }], { after: 60 });
  const gap = [c('', { keepNext: true }), c('', { keepNext: true })];
  // 13 pt (Nghị định 30/2020 allows 13–14): each title fits its half of the page on one or two lines.
  const approver = signer({ title: 'XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG', note: '(Ký, đóng dấu)', name: '', size: 13 });
  const signCollective = signatureBlock(
    [...signer({ title: 'THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN TRỰC TIẾP XÁC NHẬN, ĐỀ NGHỊ', note: '(Ký, đóng dấu)', name: '', size: law2022 ? 13 : 14 }).map(keep), ...(law2022 ? [...gap, ...approver] : [])],
    signer({ title: 'THỦ TRƯỞNG ĐƠN VỊ', note: '(Ký, đóng dấu)', name: '{headName}', size: law2022 ? 13 : 14 }),
  );
  const signIndividual = signatureBlock(
    [...signer({ title: law2022 ? 'THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN' : 'THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ', note: '(Ký, đóng dấu)', name: '{headName}', size: law2022 ? 13 : 14 }).map(keep), ...(law2022 ? [...gap, ...approver] : [])],
    signer({ title: 'NGƯỜI BÁO CÁO THÀNH TÍCH', note: '(Ký, ghi rõ họ và tên)', name: '{reporterName}', size: law2022 ? 13 : 14 }),
  );
  const hw = [700, 1300, TEXT_WIDTH - 700 - 1300 - 3600, 3600];
  const cellP = (text: string, align: 'center' | 'left') => (align === 'center' ? c(text, { size: 13, before: 40, after: 40, keepNext: true }) : p(text, { size: 13, before: 40, after: 40, keepNext: true }));
  const sectionIII = [
    heading('III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG'),
    table(
      [
        [th('STT', hw[0]), th('Năm', hw[1]), th('Danh hiệu thi đua, hình thức khen thưởng', hw[2]), th('Số, ngày, tháng, năm của quyết định khen thưởng', hw[3])],
        [
          cell(cellP('{#pastAwards}{no}', 'center'), hw[0]),
          cell(cellP('{year}', 'center'), hw[1]),
          cell(cellP('{award}', 'left'), hw[2]),
          cell(cellP('{decision}{/pastAwards}', 'left'), hw[3]),
        ],
      ],
      { widths: hw, borders: true, headerRows: 1 },
    ),
    // A table directly followed by another is merged with it by word processors (the signatures'
    // borderless table would take this one's borders away): a small paragraph, kept with both.
    p('', { keepNext: true, size: 6 }),
  ];
  return [
    p('{formLabel}', { align: 'right', i: true, size: 11, after: 120, left: 3000 }),
    // Nghị định 30/2020: a UBND xã/phường reports without a chủ quản line.
    headerTable([p('{#hasParentBody}'), c('{parentBody}', { size: 13 }), p('{/hasParentBody}'), c('{unitName}', { size: 13, b: true }), rule(LEFT, 1300)], undefined, true),
    c('BÁO CÁO THÀNH TÍCH', { b: true, size: 14, before: 360 }),
    c('{awardTitle}', { b: true, size: 14 }),
    c('{movement}', { i: true, size: 14 }),
    rule(TEXT_WIDTH, 1700),
    c('{name}', { b: true, size: 14, before: 240 }),
    loopParagraphs('isIndividual', c('{positionUnit}', { size: 14 })),
    loopParagraphs(
      'isCollective',
      [
        heading('I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH', { before: 240 }),
        body('1. Đặc điểm, tình hình (năm thành lập, cơ cấu tổ chức, tổng số cán bộ, công chức, viên chức): ……'),
        body('2. Chức năng, nhiệm vụ được giao: ……'),
      ].join(''),
    ),
    loopParagraphs(
      'isIndividual',
      [
        heading('I. SƠ LƯỢC LÝ LỊCH', { before: 240 }),
        dash('Họ và tên', '{name}'),
        dash('Năm sinh', '{birthYear}'),
        dash('Giới tính', '{gender}'),
        dash('Quê quán', '{hometown}'),
        dash('Chức vụ', '{position}'),
        dash('Đơn vị công tác', '{unit}'),
        dash('Trình độ chuyên môn, nghiệp vụ', '{qualification}'),
      ].join(''),
    ),
    heading('II. THÀNH TÍCH ĐẠT ĐƯỢC'),
    body('1. Tóm tắt thành tích:', { keepNext: true }),
    body('{achievement}'),
    body('2. Kết quả thực hiện các chỉ tiêu thi đua:', { keepNext: true }),
    table(
      [
        [th('STT', w[0]), th('Chỉ tiêu', w[1]), th('Kế hoạch', w[2]), th('Kết quả', w[3])],
        [
          cell(c('{#indicators}{no}', { size: 13, before: 40, after: 40 }), w[0]),
          cell(p('{label}', { size: 13, before: 40, after: 40 }), w[1]),
          cell(c('{target}', { size: 13, before: 40, after: 40 }), w[2]),
          cell(c('{result}{/indicators}', { size: 13, before: 40, after: 40 }), w[3]),
        ],
      ],
      { widths: w, borders: true, headerRows: 1 },
    ),
    // Short paragraphs kept with what follows (section III, the signatures): LibreOffice carries a
    // kept paragraph to the next page only when it moves whole, so the long free text comes first.
    body('3. Sáng kiến, giải pháp trong công tác cải cách hành chính: {initiative}.', { before: 120, keepNext: true, keepLines: true }),
    loopParagraphs('hasInitiative', body('Được cấp có thẩm quyền công nhận: {initiativeRecognition}.', { keepNext: true, keepLines: true })),
    ...(law2022 ? sectionIII : []),
    loopParagraphs('isCollective', signCollective),
    loopParagraphs('isIndividual', signIndividual),
  ].join('');
}

/** keepNext on a paragraph (the signer's lines stay together). */
function keep(para: string): string {
  return para.includes('<w:keepNext/>') ? para : para.replace('<w:pPr>', '<w:pPr><w:keepNext/>');
}

const REPORT_TITLES: Record<ReportFormId, { title: string; version: string }> = {
  'nd91-2017-mau-07': { title: 'Báo cáo thành tích (Mẫu số 07, Nghị định 91/2017/NĐ-CP)', version: 'Mẫu số 07 - Phụ lục Nghị định số 91/2017/NĐ-CP' },
  // The forms' numbers in these decrees could not be confirmed: named by their title and decree, never by an id.
  'nd98-2023': { title: 'Báo cáo thành tích (Nghị định 98/2023/NĐ-CP)', version: 'Báo cáo thành tích đề nghị khen thưởng - Phụ lục Nghị định số 98/2023/NĐ-CP' },
  'nd152-2025': { title: 'Báo cáo thành tích (Nghị định 152/2025/NĐ-CP)', version: 'Báo cáo thành tích đề nghị khen thưởng - Phụ lục Nghị định số 152/2025/NĐ-CP' },
};


/**
 * Quyết định khen thưởng: Nghị định 30/2020/NĐ-CP, Phụ lục III, Mẫu 1.2 "Quyết định (cá biệt) quy
 * định trực tiếp"; the danh sách follows in its own section, its pages numbered from 1.
 */
function quyetDinh(): Buffer {
  const w = [700, 4200, TEXT_WIDTH - 4900];
  const annexRow = (loop: string, flag: string) => [
    cell(c(`{#${loop}}{no}`, { size: 13, before: 60, after: 60 }), w[0]),
    cell(p('{name}', { size: 13, before: 60, after: 60 }), w[1]),
    cell(p(`{details}{/${loop}}{/${flag}}`, { size: 13, before: 60, after: 60 }), w[2]),
  ];
  const article = (n: number, tag: string) => body([{ text: `Điều ${n}. `, b: true }, { text: tag }]);
  // Số and date on one line, as in every header (documentHeader); the parent body may be absent.
  const leftHeader = [p('{#hasParentBody}'), c('{parentBody}', { size: 13 }), p('{/hasParentBody}'), c('{issuingBody}', { size: 13, b: true }), rule(LEFT, 1300)];
  const bodyXml = [
    headerTable(leftHeader, '{number}', true),
    c('QUYẾT ĐỊNH', { b: true, size: 14, before: 360 }),
    c('{subject}', { b: true, size: 14 }),
    rule(TEXT_WIDTH, 1700),
    c('{authority}', { b: true, size: 14, before: 240, after: 240 }),
    loopParagraphs('bases', body('{text}', { i: true })),
    c('QUYẾT ĐỊNH:', { b: true, size: 14, before: 120, after: 240 }),
    article(1, '{article1}'),
    article(2, '{article2}'),
    // The effect clause is part of Điều 3 (the last Điều), as Mẫu 1.2 has it.
    article(3, '{article3}'),
    recipientsAndSigner(),
    ...annexList(['STT', 'Tên tập thể / Họ và tên', 'Chức vụ, đơn vị'], w, annexRow),
  ].join('');
  return buildDocx({
    title: 'Quyết định khen thưởng',
    properties: { ThiDuaTemplate: 'quyetDinh', [FORM_VERSION_PROPERTY]: 'Mẫu 1.2 - Phụ lục III Nghị định số 30/2020/NĐ-CP' },
    body: bodyXml,
    restartNumbering: true,
  });
}

/**
 * Danh sách chi tiền thưởng, for the accountant: the decision's awardees with the amount each
 * receives (Điều 2), the total in figures and in words, a column to sign for receipt.
 */
function chiTienThuong(): Buffer {
  const w = [650, 3000, 2500, 1700, TEXT_WIDTH - 650 - 3000 - 2500 - 1700];
  const th = (t: string, width: number) => cell(c(t, { b: true, size: 12, before: 60, after: 60 }), width, { vAlign: 'center' });
  const td = (t: string, width: number, align: 'center' | 'left' | 'right' = 'left') => cell(p(t, { size: 12, before: 40, after: 40, align }), width);
  const leftHeader = [p('{#hasParentBody}'), c('{parentBody}', { size: 13 }), p('{/hasParentBody}'), c('{issuingBody}', { size: 13, b: true }), rule(LEFT, 1300)];
  const bodyXml = [
    headerTable(leftHeader, undefined, false),
    c('DANH SÁCH CHI TIỀN THƯỞNG', { b: true, size: 14, before: 240 }),
    c('{subtitle}', { b: true, size: 14 }),
    c('{reference}', { i: true, size: 13 }),
    rule(TEXT_WIDTH, 1700),
    p('', { after: 120 }),
    table(
      [
        [th('STT', w[0]), th('Tên tập thể / Họ và tên', w[1]), th('Chức vụ, đơn vị', w[2]), th('Số tiền (đồng)', w[3]), th('Ký nhận', w[4])],
        [td('{#rows}{no}', w[0], 'center'), td('{name}', w[1]), td('{details}', w[2]), td('{amount}', w[3], 'right'), td('{/rows}', w[4])],
        [cell(p('Tổng cộng ({counts})', { b: true, size: 12, before: 60, after: 60 }), w[0] + w[1] + w[2], { span: 3 }), td('{total}', w[3], 'right'), td('', w[4])],
      ],
      { widths: w, borders: true, headerRows: 1 },
    ),
    body('Số tiền bằng chữ: {totalInWords}.', { i: true, before: 120 }),
    body('{basis}', { i: true }),
    signatureBlock(signer({ title: 'NGƯỜI LẬP BIỂU', note: '(Ký, ghi rõ họ và tên)', name: '', size: 13 }), signer({ title: 'KẾ TOÁN', note: '(Ký, ghi rõ họ và tên)', name: '', size: 13 })),
  ].join('');
  return buildDocx({ title: 'Danh sách chi tiền thưởng', properties: { ThiDuaTemplate: 'chiTienThuong' }, body: bodyXml });
}

/** The default templates, by template id (byte-stable). */
export function buildTemplates(): Record<TemplateId, Buffer> {
  const out = {
    toTrinh: toTrinh(),
    bienBan: buildDocx({ title: 'Biên bản họp xét khen thưởng', properties: { ThiDuaTemplate: 'bienBan' }, body: bienBan() }),
  } as Record<TemplateId, Buffer>;
  for (const [form, id] of Object.entries(REPORT_TEMPLATES) as [ReportFormId, TemplateId][]) {
    out[id] = buildDocx({
      title: REPORT_TITLES[form].title,
      properties: { ThiDuaTemplate: id, ThiDuaReportForm: form, [FORM_VERSION_PROPERTY]: REPORT_TITLES[form].version },
      body: baoCao(form),
    });
  }
  out.quyetDinh = quyetDinh();
  out.chiTienThuong = chiTienThuong();
  return out;
}

function main(): void {
  const dir = path.resolve(__dirname, '..', '..', '..', 'templates');
  for (const [id, buf] of Object.entries(buildTemplates()) as [TemplateId, Buffer][]) {
    const name = TEMPLATE_FILES[id];
    writeFileSync(path.join(dir, name), buf);
    process.stdout.write(`${path.join('templates', name)} (${buf.length} bytes)\n`);
  }
}

if (require.main === module) main();
