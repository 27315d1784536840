/**
 * The phiếu bầu and the Biên bản kiểm phiếu as .docx (src/core/dossier/ballots.ts says what they
 * hold). Built directly, as the Giấy khen are: A4 portrait, NĐ 30/2020 margins (top/bottom 20 mm,
 * left 30 mm, right 15 mm), Times New Roman; the ballot's "Đồng ý" / "Không đồng ý" boxes are empty
 * table cells, so nothing depends on a box glyph being in the printer's font.
 */
import type { BallotPaper, BallotSection, CountRecord } from '../core/dossier/ballots';
import { esc, FONT, packageBytes } from './certificates';

export const BALLOTS_FILE = 'phieu-bau.docx';
export const COUNT_RECORD_FILE = 'bien-ban-kiem-phieu.docx';


interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
}

function runs(list: Run[], size: number): string {
  return list
    .map((r) => {
      const sz = Math.round((r.size ?? size) * 2);
      const rPr = `<w:rPr>${FONT}${r.bold ? '<w:b/><w:bCs/>' : ''}${r.italic ? '<w:i/><w:iCs/>' : ''}<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/></w:rPr>`;
      // A line break inside a run: "\n".
      return r.text
        .split('\n')
        .map((t, i) => `${i ? `<w:r>${rPr}<w:br/></w:r>` : ''}<w:r>${rPr}<w:t xml:space="preserve">${esc(t)}</w:t></w:r>`)
        .join('');
    })
    .join('');
}

function para(content: Run[] | string, opts: { align?: 'left' | 'center' | 'right' | 'both'; size?: number; before?: number; after?: number; bold?: boolean; italic?: boolean; indent?: number; keepNext?: boolean } = {}): string {
  const size = opts.size ?? 14;
  const list = typeof content === 'string' ? [{ text: content, bold: opts.bold, italic: opts.italic }] : content;
  const ind = opts.indent ? `<w:ind w:firstLine="${opts.indent}"/>` : '';
  return `<w:p><w:pPr>${opts.keepNext ? '<w:keepNext/>' : ''}<w:spacing w:before="${opts.before ?? 0}" w:after="${opts.after ?? 60}" w:line="276" w:lineRule="auto"/>${ind}<w:jc w:val="${opts.align ?? 'both'}"/></w:pPr>${runs(list, size)}</w:p>`;
}

const BORDERS = '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>';
const NO_BORDERS = '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>';

interface Cell {
  text: string;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'right';
}

/** A table of `widths` twips; `header` rows repeat on each page and are bold. */
function table(widths: number[], rows: Cell[][], opts: { header?: number; borders?: boolean; size?: number; minHeight?: number } = {}): string {
  const size = opts.size ?? 13;
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const body = rows
    .map((cells, r) => {
      const head = r < (opts.header ?? 0);
      const trPr = `<w:trPr><w:cantSplit/>${head ? '<w:tblHeader/>' : ''}${opts.minHeight && !head ? `<w:trHeight w:val="${opts.minHeight}" w:hRule="atLeast"/>` : ''}</w:trPr>`;
      const tcs = cells
        .map((c, i) => {
          const inner = para([{ text: c.text, bold: c.bold ?? head, italic: c.italic }], { align: c.align ?? (head ? 'center' : 'left'), size, after: 0 });
          return `<w:tc><w:tcPr><w:tcW w:w="${widths[i]}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>${inner}</w:tc>`;
        })
        .join('');
      return `<w:tr>${trPr}${tcs}</w:tr>`;
    })
    .join('');
  const total = widths.reduce((a, b) => a + b, 0);
  return `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/>${opts.borders === false ? NO_BORDERS : BORDERS}<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`;
}

/** The two-column heading of NĐ 30/2020: the body on the left, the national motto on the right. */
function heading(council: string, issuingBody: string, placeDate?: string): string {
  const left: Cell = { text: [issuingBody, council].filter(Boolean).join('\n'), bold: true, align: 'center' };
  const right: Cell = { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc', bold: true, align: 'center' };
  const rows: Cell[][] = [[left, right]];
  if (placeDate) rows.push([{ text: '' }, { text: placeDate, italic: true, align: 'center' }]);
  return table([3800, 5700], rows, { borders: false, size: 13 });
}

const TEXT_WIDTH = 9355; // A4 less 30 mm and 15 mm, in twips
const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

function documentXml(body: string): string {
  const sect = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}${sect}</w:body></w:document>`;
}

function ballotSection(s: BallotSection): string {
  const widths = [700, 4255, 2400, 1000, 1000];
  const rows: Cell[][] = [
    [{ text: 'STT' }, { text: s.nameHeader }, { text: 'Hình thức đề nghị' }, { text: 'Đồng ý' }, { text: 'Không đồng ý' }],
    ...s.rows.map((r) => [{ text: String(r.no), align: 'center' as const }, { text: r.name }, { text: r.award }, { text: '' }, { text: '' }]),
  ];
  return para(s.heading, { bold: true, before: 120, after: 0, keepNext: true }) + para(s.quota, { italic: true, size: 13, after: 60, keepNext: true }) + table(widths, rows, { header: 1, size: 12, minHeight: 420 });
}

/** One ballot per copy, each on its own page(s). */
export function ballotsDocx(paper: BallotPaper): Uint8Array {
  const one =
    heading(paper.council, paper.issuingBody) +
    para(paper.title, { align: 'center', bold: true, size: 16, before: 360, after: 0 }) +
    para(paper.subject, { align: 'center', bold: true, after: 0 }) +
    (paper.meeting ? para(paper.meeting, { align: 'center', italic: true, size: 13, after: 120 }) : para('', { after: 120 })) +
    paper.instructions.map((t) => para(`- ${t}`, { size: 13, italic: true, after: 40 })).join('') +
    paper.sections.map(ballotSection).join('');
  const pages = Array.from({ length: paper.copies }, () => one).join(PAGE_BREAK);
  return packageBytes('Phiếu bầu', documentXml(pages));
}

function countSection(s: BallotSection): string {
  const widths = [700, 3155, 2400, 1100, 900, 1100];
  const rows: Cell[][] = [
    [{ text: 'STT' }, { text: s.nameHeader }, { text: 'Hình thức đề nghị' }, { text: 'Số phiếu đồng ý' }, { text: 'Tỷ lệ' }, { text: 'Kết quả' }],
    ...s.rows.map((r) => [{ text: String(r.no), align: 'center' as const }, { text: r.name }, { text: r.award }, { text: r.agree ?? '', align: 'center' as const }, { text: r.share ?? '', align: 'center' as const }, { text: r.outcome ?? '', align: 'center' as const }]),
  ];
  return para(s.heading, { bold: true, before: 120, after: 60, keepNext: true }) + table(widths, rows, { header: 1, size: 12 });
}

export function countRecordDocx(record: CountRecord): Uint8Array {
  const signatures = table(
    [TEXT_WIDTH / 2, TEXT_WIDTH / 2],
    [
      [{ text: 'CÁC THÀNH VIÊN BAN KIỂM PHIẾU', bold: true, align: 'center' }, { text: 'TRƯỞNG BAN KIỂM PHIẾU', bold: true, align: 'center' }],
      [{ text: '(Ký, ghi rõ họ tên)', italic: true, align: 'center' }, { text: '(Ký, ghi rõ họ tên)', italic: true, align: 'center' }],
    ],
    { borders: false, size: 13 },
  );
  const body =
    heading(record.council, record.issuingBody, record.placeDate) +
    para('BIÊN BẢN KIỂM PHIẾU', { align: 'center', bold: true, size: 15, before: 360, after: 0 }) +
    para(record.subject, { align: 'center', bold: true, after: 240 }) +
    para(record.opening, { indent: 567 }) +
    record.counts.map((t) => para(`- ${t}`, { indent: 567 })).join('') +
    para(`- ${record.basis}`, { indent: 567 }) +
    para('Kết quả biểu quyết từng trường hợp:', { indent: 567, bold: true, before: 120, keepNext: true }) +
    record.sections.map(countSection).join('') +
    para(record.closing, { indent: 567, before: 240, after: 240 }) +
    signatures;
  return packageBytes('Biên bản kiểm phiếu', documentXml(body));
}
