/**
 * Builds the default dossier templates in templates/ (dossier.md): to-trinh.docx, bien-ban.docx,
 * bao-cao-thanh-tich-mau-07.docx. Run `npm run templates`; the output is byte-stable, so a
 * rebuilt template shows in git only when this script changed. Tags are docxtemplater's
 * `{tag}`, `{#loop}…{/loop}`; every tag is listed in src/dossier/tags.ts and the README.
 */
import { writeFileSync } from 'fs';
import * as path from 'path';
import { body, buildDocx, cell, p, rule, sectionBreak, table, TEXT_WIDTH } from './ooxml';
import type { TemplateId } from '../../src/dossier/model';
import { FORM_VERSION_PROPERTY, TEMPLATE_FILES } from '../../src/dossier/tags';

const LEFT = 3700;
const RIGHT = TEXT_WIDTH - LEFT;
const c = (text: string, extra = {}) => p(text, { align: 'center', ...extra });

/** The borderless two-column header of Nghị định 30: bodies left, Quốc hiệu and Tiêu ngữ right. */
function documentHeader(left: { upper: string; main: string; number?: string }): string {
  const leftCell = [
    c(left.upper, { size: 13 }),
    c(left.main, { size: 13, b: true }),
    rule(LEFT, 1300),
    ...(left.number ? [c(left.number, { size: 13, before: 120 })] : []),
  ];
  const rightCell = [
    c('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 13, b: true }),
    c('Độc lập - Tự do - Hạnh phúc', { size: 14, b: true }),
    // As long as the Tiêu ngữ (about 6 cm at 14 pt bold).
    rule(RIGHT, 3400),
    c('{placeDate}', { size: 14, i: true, before: 120 }),
  ];
  return table([[cell(leftCell, LEFT), cell(rightCell, RIGHT)]], { widths: [LEFT, RIGHT], borders: false });
}

function loopParagraphs(name: string, inner: string): string {
  return `${p(`{#${name}}`)}${inner}${p(`{/${name}}`)}`;
}

function heading(text: string, extra = {}): string {
  return p(text, { b: true, size: 14, align: 'both', before: 120, after: 120, keepNext: true, firstLine: 567, ...extra });
}

function signatureBlock(left: string[], right: string[]): string {
  const half = Math.round(TEXT_WIDTH / 2);
  return table([[cell(left.length ? left : [p('')], half), cell(right, TEXT_WIDTH - half)]], { widths: [half, TEXT_WIDTH - half], borders: false });
}

function signer(lines: { authority?: string; title: string; name: string; note?: string }): string[] {
  return [
    ...(lines.authority ? [c(lines.authority, { b: true, size: 14 })] : []),
    c(lines.title, { b: true, size: 14 }),
    ...(lines.note ? [c(lines.note, { i: true, size: 13 })] : []),
    c(''), c(''), c(''), c(''),
    c(lines.name, { b: true, size: 14 }),
  ];
}

function toTrinh(): Buffer {
  const annexWidths = [700, 3300, TEXT_WIDTH - 4000];
  const th = (t: string, w: number) => cell(c(t, { b: true, size: 13, before: 60, after: 60 }), w, { vAlign: 'center' });
  const listRows = (loop: string, headingTag: string, flag: string) => [
    [cell(p(`{#${flag}}{${headingTag}}`, { b: true, size: 13, before: 60, after: 60 }), TEXT_WIDTH, { span: 3 })],
    [
      cell(c(`{#${loop}}{no}`, { size: 13, before: 60 }), annexWidths[0]),
      cell([p('{name}', { b: true, size: 13, before: 60 }), p('{details}', { size: 13, after: 60 })], annexWidths[1]),
      cell(p(`{summary}{/${loop}}{/${flag}}`, { size: 13, align: 'both', before: 60, after: 60 }), annexWidths[2]),
    ],
  ];
  const bodyXml = [
    documentHeader({ upper: '{parentBody}', main: '{issuingBody}', number: '{number}' }),
    c('TỜ TRÌNH', { b: true, size: 14, before: 360 }),
    c('{subject}', { b: true, size: 14 }),
    rule(TEXT_WIDTH, 1700),
    c('Kính gửi: {addressee}', { size: 14, before: 240, after: 240 }),
    loopParagraphs('bases', body('{text}', { i: true })),
    body('{proposal}'),
    body('{closing}'),
    signatureBlock(
      [p('Nơi nhận:', { b: true, i: true, size: 12, before: 240 }), loopParagraphs('recipients', p('{text}', { size: 11 }))],
      [p('', { before: 240 }), loopParagraphs('signerAuthority', c('{signerAuthority}', { b: true, size: 14 })), ...signer({ title: '{signerTitle}', name: '{signerName}' })],
    ),
    c('DANH SÁCH', { b: true, size: 14, pageBreakBefore: true }),
    c('{annexSubtitle}', { b: true, size: 14 }),
    c('{annexReference}', { i: true, size: 14 }),
    rule(TEXT_WIDTH, 1700),
    p('', { after: 120 }),
    table(
      [
        [th('STT', annexWidths[0]), th('Tên tập thể / Họ và tên, chức vụ, đơn vị', annexWidths[1]), th('Tóm tắt thành tích', annexWidths[2])],
        ...listRows('collectives', 'collectiveHeading', 'hasCollectives'),
        ...listRows('individuals', 'individualHeading', 'hasIndividuals'),
      ],
      { widths: annexWidths, borders: true, headerRows: 1 },
    ),
    p('Danh sách có {counts}./.', { i: true, size: 13, before: 120 }),
  ].join('');
  return buildDocx({ title: 'Tờ trình đề nghị khen thưởng', properties: { ThiDuaTemplate: 'toTrinh' }, body: bodyXml });
}

function bienBan(): string {
  const voteWidths = [700, TEXT_WIDTH - 700 - 2200 - 1500, 2200, 1500];
  const th = (t: string, w: number) => cell(c(t, { b: true, size: 13, before: 60, after: 60 }), w, { vAlign: 'center' });
  const line = (label: string, tag: string): string => body([{ text: label, b: true }, { text: tag }]);
  return [
    documentHeader({ upper: '{parentBody}', main: '{council}', number: '{number}' }),
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
    body([{ text: '3. Kết quả biểu quyết ', b: true }, { text: '(số phiếu đồng ý trên tổng số thành viên dự họp):' }], { keepNext: true }),
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
    heading('III. KẾT LUẬN'),
    body('Hội đồng thống nhất đề nghị khen thưởng như sau:'),
    loopParagraphs('awards', `${body('{heading}', { keepNext: true })}${loopParagraphs('names', body('{text}'))}`),
    body('{endTime}'),
    body('Biên bản đã được thông qua trước các thành viên dự họp và được các thành viên thống nhất./.'),
    signatureBlock(signer({ title: 'THƯ KÝ', name: '{secretaryName}' }), signer({ title: 'CHỦ TỌA', name: '{chairName}' })),
  ].join('');
}

function baoCao(): string {
  const w = [700, TEXT_WIDTH - 700 - 2600 - 2000, 2600, 2000];
  const th = (t: string, width: number) => cell(c(t, { b: true, size: 13, before: 60, after: 60 }), width, { vAlign: 'center' });
  const dash = (label: string, tag: string) => body([{ text: `- ${label}: ` }, { text: tag }], { after: 60 });
  const signCollective = signatureBlock(
    signer({ title: 'THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN TRỰC TIẾP XÁC NHẬN, ĐỀ NGHỊ', note: '(Ký, đóng dấu)', name: '' }),
    signer({ title: 'THỦ TRƯỞNG ĐƠN VỊ', note: '(Ký, đóng dấu)', name: '' }),
  );
  const signIndividual = signatureBlock(
    signer({ title: 'THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ', note: '(Ký, đóng dấu)', name: '' }),
    signer({ title: 'NGƯỜI BÁO CÁO THÀNH TÍCH', note: '(Ký, ghi rõ họ và tên)', name: '{reporterName}' }),
  );
  return [
    p('Mẫu số 07 (Phụ lục Nghị định số 91/2017/NĐ-CP)', { align: 'right', i: true, size: 11, after: 120 }),
    documentHeader({ upper: '{parentBody}', main: '{unitName}' }),
    c('BÁO CÁO THÀNH TÍCH', { b: true, size: 14, before: 360 }),
    c('{awardTitle}', { b: true, size: 14 }),
    c('{movement}', { i: true, size: 14 }),
    rule(TEXT_WIDTH, 1700),
    c('{name}', { b: true, size: 14, before: 240 }),
    loopParagraphs('isIndividual', c('{position}, {unit}', { size: 14 })),
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
    body('1. Kết quả thực hiện các chỉ tiêu thi đua:', { keepNext: true }),
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
    body('2. Sáng kiến, giải pháp trong công tác cải cách hành chính: {initiative}.', { before: 120 }),
    loopParagraphs('hasInitiative', body('Được cấp có thẩm quyền công nhận: {initiativeRecognition}.')),
    body('3. Các thành tích khác:'),
    body('{achievement}'),
    loopParagraphs('isCollective', signCollective),
    loopParagraphs('isIndividual', signIndividual),
  ].join('');
}

/**
 * Quyết định khen thưởng: Nghị định 30/2020/NĐ-CP, Phụ lục III, Mẫu 1.2 "Quyết định (cá biệt) quy
 * định trực tiếp"; the danh sách follows in its own section, its pages numbered from 1.
 */
function quyetDinh(): Buffer {
  const w = [700, 4200, TEXT_WIDTH - 4900];
  const th = (t: string, width: number) => cell(c(t, { b: true, size: 13, before: 60, after: 60 }), width, { vAlign: 'center' });
  const listRows = (loop: string, headingTag: string, flag: string) => [
    [cell(p(`{#${flag}}{${headingTag}}`, { b: true, size: 13, before: 60, after: 60 }), TEXT_WIDTH, { span: 3 })],
    [
      cell(c(`{#${loop}}{no}`, { size: 13, before: 60, after: 60 }), w[0]),
      cell(p('{name}', { size: 13, before: 60, after: 60 }), w[1]),
      cell(p(`{details}{/${loop}}{/${flag}}`, { size: 13, before: 60, after: 60 }), w[2]),
    ],
  ];
  const article = (n: number, tag: string) => body([{ text: `Điều ${n}. `, b: true }, { text: tag }]);
  const leftHeader = [
    p('{#hasParentBody}'),
    c('{parentBody}', { size: 13 }),
    p('{/hasParentBody}'),
    c('{issuingBody}', { size: 13, b: true }),
    rule(LEFT, 1300),
    c('{number}', { size: 13, before: 120 }),
  ];
  const rightHeader = [
    c('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 13, b: true }),
    c('Độc lập - Tự do - Hạnh phúc', { size: 14, b: true }),
    rule(RIGHT, 3400),
    c('{placeDate}', { size: 14, i: true, before: 120 }),
  ];
  const bodyXml = [
    table([[cell(leftHeader, LEFT), cell(rightHeader, RIGHT)]], { widths: [LEFT, RIGHT], borders: false }),
    c('QUYẾT ĐỊNH', { b: true, size: 14, before: 360 }),
    c('{subject}', { b: true, size: 14 }),
    rule(TEXT_WIDTH, 1700),
    c('{authority}', { b: true, size: 14, before: 240, after: 240 }),
    loopParagraphs('bases', body('{text}', { i: true })),
    c('QUYẾT ĐỊNH:', { b: true, size: 14, before: 120, after: 240 }),
    article(1, '{article1}'),
    article(2, '{article2}'),
    article(3, '{article3}'),
    body('{effect}'),
    signatureBlock(
      [p('Nơi nhận:', { b: true, i: true, size: 12, before: 240 }), loopParagraphs('recipients', p('{text}', { size: 11 }))],
      [p('', { before: 240 }), loopParagraphs('signerAuthority', c('{signerAuthority}', { b: true, size: 14 })), ...signer({ title: '{signerTitle}', name: '{signerName}' })],
    ),
    sectionBreak(),
    c('DANH SÁCH', { b: true, size: 14 }),
    c('{annexSubtitle}', { b: true, size: 14 }),
    c('{annexReference}', { i: true, size: 14 }),
    rule(TEXT_WIDTH, 1700),
    p('', { after: 120 }),
    table(
      [
        [th('STT', w[0]), th('Tên tập thể / Họ và tên', w[1]), th('Chức vụ, đơn vị', w[2])],
        ...listRows('collectives', 'collectiveHeading', 'hasCollectives'),
        ...listRows('individuals', 'individualHeading', 'hasIndividuals'),
      ],
      { widths: w, borders: true, headerRows: 1 },
    ),
    p('Danh sách có {counts}./.', { i: true, size: 13, before: 120 }),
  ].join('');
  return buildDocx({
    title: 'Quyết định khen thưởng',
    properties: { ThiDuaTemplate: 'quyetDinh', [FORM_VERSION_PROPERTY]: 'Mẫu 1.2 - Phụ lục III Nghị định số 30/2020/NĐ-CP' },
    body: bodyXml,
    restartNumbering: true,
  });
}

/** The default templates, by template id (byte-stable). */
export function buildTemplates(): Record<TemplateId, Buffer> {
  return {
    toTrinh: toTrinh(),
    bienBan: buildDocx({ title: 'Biên bản họp xét khen thưởng', properties: { ThiDuaTemplate: 'bienBan' }, body: bienBan() }),
    baoCao: buildDocx({
      title: 'Báo cáo thành tích (Mẫu số 07, Nghị định 91/2017/NĐ-CP)',
      properties: { ThiDuaTemplate: 'baoCao', [FORM_VERSION_PROPERTY]: 'Mẫu số 07 - Phụ lục Nghị định số 91/2017/NĐ-CP' },
      body: baoCao(),
    }),
    quyetDinh: quyetDinh(),
  };
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
