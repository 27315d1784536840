/**
 * A small WordprocessingML writer for the default templates: just what Nghị định 30/2020 layout
 * needs (A4, margins, Times New Roman, the borderless header table, rules, page numbers from
 * page 2). The result is an ordinary .docx a clerk can open and edit in Word.
 */
import PizZip from 'pizzip';

export const MM = 56.6929; // twips per millimetre
export const A4 = { width: 11906, height: 16838 };
export const MARGINS = { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) };
export const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
/** Zip entry dates are fixed so a rebuilt template is byte-identical. */
export const FIXED_DATE = new Date(Date.UTC(2022, 0, 1, 0, 0, 0));

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface RunStyle { b?: boolean; i?: boolean; size?: number }
export interface Run extends RunStyle { text: string }

export interface ParaStyle extends RunStyle {
  align?: 'left' | 'center' | 'right' | 'both';
  firstLine?: number;
  left?: number;
  right?: number;
  before?: number;
  after?: number;
  /** Line spacing in 240ths (240 = single). */
  line?: number;
  keepNext?: boolean;
  /** The paragraph's lines stay on one page. */
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  /** A rule under the paragraph (Quốc hiệu/Tiêu ngữ, issuing body, trích yếu). */
  ruleBelow?: boolean;
}

function rPr(s: RunStyle): string {
  const parts: string[] = [];
  if (s.b) parts.push('<w:b/><w:bCs/>');
  if (s.i) parts.push('<w:i/><w:iCs/>');
  if (s.size) parts.push(`<w:sz w:val="${s.size * 2}"/><w:szCs w:val="${s.size * 2}"/>`);
  return parts.length ? `<w:rPr>${parts.join('')}</w:rPr>` : '';
}

export function run(r: Run): string {
  return `<w:r>${rPr(r)}<w:t xml:space="preserve">${esc(r.text)}</w:t></w:r>`;
}

export function p(content: string | Run[], s: ParaStyle = {}): string {
  const runs = typeof content === 'string' ? (content ? [{ text: content }] : []) : content;
  const ppr: string[] = [];
  if (s.keepNext) ppr.push('<w:keepNext/>');
  if (s.keepLines) ppr.push('<w:keepLines/>');
  if (s.pageBreakBefore) ppr.push('<w:pageBreakBefore/>');
  if (s.ruleBelow) ppr.push('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>');
  ppr.push(`<w:spacing w:before="${s.before ?? 0}" w:after="${s.after ?? 0}" w:line="${s.line ?? 240}" w:lineRule="auto"/>`);
  if (s.firstLine !== undefined || s.left !== undefined || s.right !== undefined) {
    ppr.push(`<w:ind w:left="${s.left ?? 0}" w:right="${s.right ?? 0}"${s.firstLine ? ` w:firstLine="${s.firstLine}"` : ''}/>`);
  }
  if (s.align) ppr.push(`<w:jc w:val="${s.align}"/>`);
  const style: RunStyle = { b: s.b, i: s.i, size: s.size };
  const paraRun = rPr(style);
  if (paraRun) ppr.push(paraRun);
  const body = runs.map((r) => run({ ...style, ...r })).join('');
  return `<w:p><w:pPr>${ppr.join('')}</w:pPr>${body}</w:p>`;
}

/** Body text per Nghị định 30: justified, first-line indent 1 cm, 6 pt after, line spacing 1.2. */
export function body(content: string | Run[], extra: ParaStyle = {}): string {
  return p(content, { align: 'both', firstLine: 567, after: 120, line: 288, size: 14, ...extra });
}

/** A short centred rule drawn as the bottom border of an empty, tiny paragraph. */
export function rule(columnWidth: number, length: number): string {
  const side = Math.max(0, Math.round((columnWidth - length) / 2));
  return p([], { ruleBelow: true, left: side, right: side, size: 2, line: 240 });
}

export interface Cell { content: string; width: number; span?: number; vAlign?: 'top' | 'center' }

export function cell(content: string | string[], width: number, extra: Partial<Cell> = {}): Cell {
  return { content: Array.isArray(content) ? content.join('') : content, width, ...extra };
}

export function table(rows: Cell[][], opts: { widths: number[]; borders: boolean; headerRows?: number; layoutFixed?: boolean; topMargin?: number }): string {
  const border = opts.borders ? 'single' : 'nil';
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} w:val="${border}"${opts.borders ? ' w:sz="4" w:space="0" w:color="000000"' : ''}/>`)
    .join('');
  const total = opts.widths.reduce((a, b) => a + b, 0);
  const grid = opts.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const trs = rows
    .map((cells, i) => {
      const trPr = i < (opts.headerRows ?? 0) ? '<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>';
      const tcs = cells
        .map((c) => `<w:tc><w:tcPr><w:tcW w:w="${c.width}" w:type="dxa"/>${c.span ? `<w:gridSpan w:val="${c.span}"/>` : ''}<w:vAlign w:val="${c.vAlign ?? 'top'}"/></w:tcPr>${c.content || '<w:p/>'}</w:tc>`)
        .join('');
      return `<w:tr>${trPr}${tcs}</w:tr>`;
    })
    .join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>${borders}</w:tblBorders>${opts.layoutFixed === false ? '' : '<w:tblLayout w:type="fixed"/>'}<w:tblCellMar>${opts.topMargin ? `<w:top w:w="${opts.topMargin}" w:type="dxa"/>` : ''}<w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${trs}</w:tbl>`;
}

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function styles(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`;
}

/** Page number at the top centre (Nghị định 30: from page 2; page 1 uses the empty first-page header). */
function pageNumberHeader(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr ${NS}><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/><w:rPr><w:sz w:val="28"/></w:rPr></w:pPr><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>2</w:t></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>`;
}

function emptyHeader(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr ${NS}><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr></w:p></w:hdr>`;
}

/**
 * Section properties: A4, margins, page numbers from the section's page 2 (titlePg: its first page
 * takes the empty "first" header). `restartNumbering` starts the section's pages at 1 — an annex
 * is numbered on its own (Nghị định 30/2020, Phụ lục I).
 */
export function sectPr(opts: { restartNumbering?: boolean; nextPage?: boolean } = {}): string {
  return `<w:sectPr><w:headerReference w:type="default" r:id="rIdHeaderDefault"/><w:headerReference w:type="first" r:id="rIdHeaderFirst"/>${opts.nextPage ? '<w:type w:val="nextPage"/>' : ''}<w:pgSz w:w="${A4.width}" w:h="${A4.height}"/><w:pgMar w:top="${MARGINS.top}" w:right="${MARGINS.right}" w:bottom="${MARGINS.bottom}" w:left="${MARGINS.left}" w:header="567" w:footer="567" w:gutter="0"/>${opts.restartNumbering ? '<w:pgNumType w:start="1"/>' : ''}<w:cols w:space="720"/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr>`;
}

/** Ends the current section here (its properties ride on this empty paragraph); the next starts on a new page. */
export function sectionBreak(): string {
  return `<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>${sectPr()}</w:pPr></w:p>`;
}

export interface DocxSpec {
  title: string;
  /** Properties of the last section (an annex after a sectionBreak() restarts its numbering). */
  lastSection?: { restartNumbering?: boolean; nextPage?: boolean };
  /** Custom document properties, e.g. the form version (Mẫu số 07, Nghị định 91/2017/NĐ-CP). */
  properties: Record<string, string>;
  body: string;
  /** The last section's pages start at 1 (after a sectionBreak()). */
  restartNumbering?: boolean;
}

export function buildDocx(spec: DocxSpec): Buffer {
  const zip = new PizZip();
  const add = (name: string, text: string) => zip.file(name, text, { date: FIXED_DATE, createFolders: false });
  add(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>`,
  );
  add(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>`,
  );
  add(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdHeaderDefault" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdHeaderFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>`,
  );
  add(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${NS}><w:body>${spec.body}${sectPr(spec.lastSection ?? { restartNumbering: spec.restartNumbering, nextPage: spec.restartNumbering })}</w:body></w:document>`,
  );
  add('word/styles.xml', styles());
  add(
    'word/settings.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings ${NS}><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`,
  );
  add('word/header1.xml', pageNumberHeader());
  add('word/header2.xml', emptyHeader());
  add(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(spec.title)}</dc:title><dc:creator>Thi đua CCHC</dc:creator><dc:language>vi-VN</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">2022-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2022-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>`,
  );
  add(
    'docProps/app.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Thi đua CCHC</Application></Properties>`,
  );
  const props = Object.entries(spec.properties)
    .map(([name, value], i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${esc(name)}"><vt:lpwstr>${esc(value)}</vt:lpwstr></property>`)
    .join('');
  add(
    'docProps/custom.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${props}</Properties>`,
  );
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
