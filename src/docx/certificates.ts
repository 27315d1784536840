/**
 * Giấy khen printed onto pre-printed blanks: one page per awardee, each line in a frame placed at
 * its layout position (mm from the page edges). Frames (w:framePr anchored to the page) are what
 * Word and LibreOffice both place at exact page coordinates (ECMA-376 §17.3.1.11); the tests check
 * the positions on LibreOffice's PDF with `pdftotext -bbox`. Built directly (no template: the blank
 * is the template). The calibration page draws rulers and a cross at each line's corner.
 */
import { xmlSafe } from '../core';
import PizZip from 'pizzip';
import { type Award, type Profile, type Candidate, type CheckResult } from '../core';
import { BLANK, parseIsoDate, vietnameseDate } from '../core/dossier/dates';
import { decisionFor, decisionNumber } from '../core/dossier/decision';
import type { Facts } from '../core/dossier/facts';
import { CERTIFICATE_FIELDS, PAPER, type CertificateField, type CertificateLayout, type FieldLayout } from '../core/dossier/certificateLayout';
import { movementPhrase, or, personDetails, proposedFor } from '../core/dossier/model';
import { stableZipBytes } from './render';
import { addressedName, grantorLocality, spelledOut, withPlace } from '../core/dossier/names';

export const CERTIFICATES_FILE = 'giay-khen.docx';

/** What one Giấy khen says. */
export type CertificatePage = Record<CertificateField, string> & { kind: Candidate['kind']; awardId: string };

/** "Quyết định số 1520/QĐ-UBND ngày 28 tháng 12 năm 2022": the date in the style of the place-and-date line. */
function decisionLine(facts: Facts, award: Award): string {
  const d = decisionFor(facts, award.id, award);
  return `Quyết định ${decisionNumber(d).replace(/^Số:/, 'số')} ${vietnameseDate(d.date)}`;
}

/** One page per awardee: every award with proposed candidates, tập thể then cá nhân, by rank. */
export function certificatePages(result: CheckResult, profile: Profile, facts: Facts): CertificatePage[] {
  const awards = profile.awards.filter((a) => result.candidates.some((c) => c.award === a.id));
  return awards.flatMap((award) => {
    const loc = grantorLocality(award, facts);
    return [...proposedFor(result, award.id, 'collective'), ...proposedFor(result, award.id, 'individual')].map((c) => ({
      kind: c.kind,
      awardId: award.id,
      // A Giấy khen names bodies in full (no abbreviation, the place said), and says Ông / Bà.
      name: c.kind === 'collective' ? spelledOut(withPlace(c.name, loc)) : addressedName(c),
      unit: spelledOut(withPlace(personDetails(c), loc)),
      achievement: `Đã có thành tích xuất sắc trong ${movementPhrase(facts)}`,
      decision: decisionLine(facts, award),
      placeDate: `${or(facts.place)}, ${vietnameseDate(decisionFor(facts, award.id, award).date)}`,
    }));
  });
}

const TWIPS = 56.6929; // per mm
const tw = (mm: number) => Math.round(mm * TWIPS);
// Characters XML forbids never reach the document (the command cleans the pages first and says so; this is the last guard).
export const esc = (s: string) => xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const FONT = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/>';

interface Box { x: number; y: number; width: number; height?: number }

/** A paragraph in a frame anchored to the page: its box's top-left corner at (x, y) mm. */
function frame(box: Box, inner: { text?: string; size: number; align?: string; bold?: boolean; italic?: boolean; border?: string }): string {
  const h = box.height !== undefined ? ` w:h="${tw(box.height)}" w:hRule="exact"` : '';
  const rPr = `<w:rPr>${FONT}${inner.bold ? '<w:b/><w:bCs/>' : ''}${inner.italic ? '<w:i/><w:iCs/>' : ''}<w:sz w:val="${Math.round(inner.size * 2)}"/><w:szCs w:val="${Math.round(inner.size * 2)}"/></w:rPr>`;
  const run = inner.text ? `<w:r>${rPr}<w:t xml:space="preserve">${esc(inner.text)}</w:t></w:r>` : '';
  return (
    `<w:p><w:pPr><w:framePr w:w="${tw(box.width)}"${h} w:hSpace="0" w:vSpace="0" w:wrap="around" w:vAnchor="page" w:hAnchor="page" w:x="${tw(box.x)}" w:y="${tw(box.y)}"/>` +
    `${inner.border ?? ''}<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:left="0" w:right="0"/><w:jc w:val="${inner.align ?? 'left'}"/>${rPr}</w:pPr>${run}</w:p>`
  );
}

function fieldFrame(f: FieldLayout, text: string, offset: { x: number; y: number }): string {
  if (!f.print || !text) return '';
  return frame({ x: f.x + offset.x, y: f.y + offset.y, width: f.width }, { text: f.uppercase ? text.toLocaleUpperCase('vi') : text, size: f.size, align: f.align === 'center' ? 'center' : f.align, bold: f.bold, italic: f.italic });
}

const PAGE_BREAK = '<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>';

function documentXml(layout: CertificateLayout, pages: string[]): string {
  const paper = PAPER[layout.paper];
  const body = pages.join(PAGE_BREAK);
  const sect = `<w:sectPr><w:pgSz w:w="${tw(paper.width)}" w:h="${tw(paper.height)}" w:orient="landscape"/><w:pgMar w:top="567" w:right="567" w:bottom="567" w:left="567" w:header="0" w:footer="0" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}<w:p/>${sect}</w:body></w:document>`;
}

export function packageBytes(title: string, document: string): Uint8Array {
  const zip = new PizZip();
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`);
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`);
  zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr>${FONT}<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`);
  zip.file('docProps/core.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(title)}</dc:title><dc:creator>Thi đua CCHC</dc:creator><dc:language>vi-VN</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">2022-01-01T00:00:00Z</dcterms:created></cp:coreProperties>`);
  zip.file('word/document.xml', document);
  return stableZipBytes(zip);
}

/** The certificates: one page per awardee, nothing else on the page. */
export function certificatesDocx(pages: CertificatePage[], layout: CertificateLayout): Uint8Array {
  const xml = pages.map((page) => CERTIFICATE_FIELDS.map((f) => fieldFrame(layout.fields[f], page[f], layout.offset)).join(''));
  return packageBytes('Giấy khen', documentXml(layout, xml));
}

export const FIELD_LABEL: Record<CertificateField, string> = {
  name: 'Tên tập thể / Họ và tên',
  unit: 'Chức vụ, đơn vị',
  achievement: 'Thành tích',
  decision: 'Số, ngày Quyết định',
  placeDate: 'Địa danh, ngày tháng',
};

const LINE = '<w:pBdr><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:pBdr>';
const TOP = '<w:pBdr><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:pBdr>';
const BOX = '<w:pBdr><w:top w:val="dashed" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="dashed" w:sz="4" w:space="0" w:color="808080"/><w:bottom w:val="dashed" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="dashed" w:sz="4" w:space="0" w:color="808080"/></w:pBdr>';

/** A cross centred on (x, y) mm: a horizontal and a vertical stroke of 10 mm. */
function cross(x: number, y: number): string {
  return frame({ x: x - 5, y, width: 10, height: 0.4 }, { size: 1, border: TOP }) + frame({ x, y: y - 5, width: 0.5, height: 10 }, { size: 1, border: LINE });
}

/**
 * The calibration page: a ruler along the top (every 10 mm, labelled) and the left edge, and for
 * each line of the layout a cross at its box's top-left corner with its name and coordinates.
 * Printed on a blank (or on paper held against one), it shows where each line will fall.
 */
export function calibrationDocx(layout: CertificateLayout): Uint8Array {
  const paper = PAPER[layout.paper];
  const parts: string[] = [];
  const rulerY = 12;
  const rulerX = 12;
  for (let x = 20; x < paper.width - 5; x += 10) {
    parts.push(frame({ x, y: rulerY, width: 0.5, height: x % 50 === 0 ? 5 : 3 }, { size: 1, border: LINE }));
    if (x % 50 === 0) parts.push(frame({ x: x - 6, y: rulerY + 5.5, width: 12 }, { text: String(x), size: 8, align: 'center' }));
  }
  for (let y = 20; y < paper.height - 5; y += 10) {
    parts.push(frame({ x: rulerX, y, width: y % 50 === 0 ? 5 : 3, height: 0.4 }, { size: 1, border: TOP }));
    if (y % 50 === 0) parts.push(frame({ x: rulerX + 6, y: y - 1.5, width: 10 }, { text: String(y), size: 8 }));
  }
  parts.push(frame({ x: 30, y: 22, width: paper.width - 60 }, { text: `Trang canh chỉnh Giấy khen — khổ ${layout.paper} ngang (${paper.width} × ${paper.height} mm), dịch chuyển x ${layout.offset.x} mm, y ${layout.offset.y} mm. Thước: mỗi vạch 10 mm tính từ mép trái / mép trên của trang.`, size: 9, italic: true, align: 'center' }));
  for (const f of CERTIFICATE_FIELDS) {
    const b = layout.fields[f];
    const x = b.x + layout.offset.x;
    const y = b.y + layout.offset.y;
    parts.push(cross(x, y));
    parts.push(frame({ x, y, width: b.width }, { text: `${FIELD_LABEL[f]} — x ${b.x}, y ${b.y}, rộng ${b.width} mm, cỡ ${b.size}${b.print ? '' : ' (không in)'}`, size: 9, align: b.align, border: BOX }));
  }
  return packageBytes('Trang canh chỉnh Giấy khen', documentXml(layout, [parts.join('')]));
}
