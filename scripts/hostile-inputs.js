#!/usr/bin/env node
/**
 * Hostile inputs, made small on disk (a zip compresses their repetition), for the cost limits of
 * docs/files.md: each family is a function returning the file's bytes, which the tests
 * (test/xlsx/limits.test.ts, test/cli/limits.test.ts) use on a small scale; run as a script it
 * writes every family at full scale into a folder and runs `thidua check` (or the command the
 * family needs) on each under /usr/bin/time -v, printing the time and the largest resident size.
 *
 *   node scripts/hostile-inputs.js [folder]      (builds nothing: run `npm run build:node` first)
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { spawnSync } = require('child_process');

const CT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WB = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Tập thể" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WB_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** A header row the core recognises (a collective table) and one unit under it. */
const HEADER = `<row r="1"><c r="A1" t="inlineStr"><is><t>Tên đơn vị</t></is></c><c r="B1" t="inlineStr"><is><t>Tỷ lệ hồ sơ đúng hạn</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Phòng Nội vụ</t></is></c><c r="B2"><v>0.99</v></c></row>`;

/** Text as a Buffer, built from pieces (a part of hundreds of megabytes is never one JS string). */
function bytesOf(pieces) {
  return Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
}

function repeat(s, n) {
  return Buffer.from(s, 'utf8').length * n < 256 * 1024 * 1024 ? Buffer.alloc(Buffer.byteLength(s) * n, s) : null;
}

/** A zip of the given parts (name → Buffer|string), deflated (level 9: the repetition becomes a few KB). */
function zip(parts) {
  const local = [];
  const central = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const raw = zlib.deflateRawSync(data, { level: 9 });
    const n = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x800, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(zlib.crc32(data) >>> 0, 14);
    head.writeUInt32LE(raw.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(n.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    head.copy(cen, 8, 6, 28);
    cen.writeUInt32LE(offset, 42);
    local.push(head, n, raw);
    central.push(cen, n);
    offset += 30 + n.length + raw.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = Object.keys(parts).length;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, cd, end]);
}

/** A workbook of one sheet: `sheetData` is the rows after the header (Buffer or string), `strings` the shared strings' items. */
function workbook({ sheetData = '', strings = '', sheetBefore = '', sheetHead = '', stringsHead = '', header = HEADER } = {}) {
  const sheet = bytesOf([`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${sheetHead}<worksheet ${NS}>${sheetBefore}<sheetData>${header}`, sheetData, '</sheetData></worksheet>']);
  const sst = bytesOf([`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${stringsHead}<sst ${NS}>`, strings, '</sst>']);
  return zip({ '[Content_Types].xml': CT, '_rels/.rels': ROOT_RELS, 'xl/workbook.xml': WB, 'xl/_rels/workbook.xml.rels': WB_RELS, 'xl/worksheets/sheet1.xml': sheet, 'xl/sharedStrings.xml': sst });
}

const families = {
  /** A row far past Excel's last (1,048,576). */
  hugeRow: () => workbook({ sheetData: '<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>' }),
  /** A column far past XFD. */
  hugeColumn: () => workbook({ sheetData: '<row r="3"><c r="ZZZZZZZ3"><v>1</v></c></row>' }),
  /** n attributes on one element (default 10⁶). */
  manyAttributes: (n = 1e6) => {
    const attrs = [];
    for (let i = 0; i < n; i++) attrs.push(` a${i}="1"`);
    return workbook({ sheetData: `<row r="3"><c r="A3"${attrs.join('')}><v>1</v></c></row>` });
  },
  /** n nested elements (default 10⁶) before the sheet's data. */
  deepNesting: (n = 1e6) => workbook({ sheetBefore: bytesOf([repeat('<x>', n), repeat('</x>', n)]) }),
  /** One shared string of n characters (default 100 MB), used by one cell. */
  hugeSharedString: (n = 100 * 1024 * 1024) => workbook({ strings: bytesOf(['<si><t>', Buffer.alloc(n, 'x'), '</t></si>']), sheetData: '<row r="3"><c r="A3" t="s"><v>0</v></c></row>' }),
  /** A string of `len` characters in `cells` cells (default 32,000 × 300,000: 9.6 G characters from a file of ~100 KB). */
  sharedStringAmplification: (len = 32000, cells = 300000) => {
    const row = () => '<row><c t="s"><v>0</v></c><c t="s"><v>0</v></c></row>';
    const rows = [];
    for (let r = 3; r < 3 + cells / 2; r++) rows.push(row());
    return workbook({ strings: `<si><t>${'y'.repeat(len)}</t></si>`, sheetData: rows.join('') });
  },
  /**
   * Under the text budget: one shared string of `len` characters (default 1,000) as the name of
   * `rows` rows (default 60,000; 60 M characters from ~650 KB). More rows than are judged at once.
   */
  longNameRows: (rows = 60000, len = 1000) => {
    const out = [];
    for (let r = 3; r < 3 + rows; r++) out.push(`<row r="${r}"><c r="A${r}" t="s"><v>0</v></c><c r="B${r}"><v>0.99</v></c></row>`);
    return workbook({ strings: `<si><t>${'a'.repeat(len)}</t></si>`, sheetData: out.join('') });
  },
  /**
   * Under both the text budget and the rows judged: a people's table of `rows` rows (default 10,000)
   * whose twelve columns all hold one shared string of `len` characters (default 500): every cell
   * too long, every indicator unreadable, one name on every row, one initiative claimed by all.
   */
  longTextEverywhere: (rows = 10000, len = 500) => {
    const heads = ['TT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Chức vụ', 'Đơn vị công tác', 'Quê quán', 'Trình độ chuyên môn', 'Chỉ số SIPAS (%)', 'Tỷ lệ hồ sơ đúng hạn (%)', 'Sáng kiến, giải pháp', 'Quyết định công nhận', 'Tóm tắt thành tích'];
    const letters = 'ABCDEFGHIJKLM';
    const header = `<row r="1">${heads.map((h, i) => `<c r="${letters[i]}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>`;
    const out = [];
    for (let r = 2; r < 2 + rows; r++) out.push(`<row r="${r}"><c r="A${r}"><v>${r - 1}</v></c>${[...letters.slice(1)].map((c) => `<c r="${c}${r}" t="s"><v>0</v></c>`).join('')}</row>`);
    return workbook({ header, strings: `<si><t>${'ă'.repeat(len)}</t></si>`, sheetData: out.join('') });
  },
  /** A DOCTYPE of n bytes (default 50 MB) before the sheet. */
  hugeDoctype: (n = 50 * 1024 * 1024) => workbook({ sheetHead: bytesOf(['<!DOCTYPE worksheet [', Buffer.alloc(n, ' '), ']>\n']) }),
  /** n bytes (default 1.2 GB) that are no zip at all but start as one. Written to disk sparse (the script). */
  hugeNotZip: null,
};

module.exports = { zip, workbook, families, HEADER, NS };

// ---- the measurement

function measure(label, args, cwd) {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, path.join(__dirname, '..', 'bin', 'thidua.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, timeout: Number(process.env.HOSTILE_TIMEOUT ?? 120000), env: { ...process.env, THIDUA_DEBUG: '' } });
  const wall = /Elapsed \(wall clock\) time.*: (.*)/.exec(r.stderr)?.[1] ?? '?';
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const said = r.stderr.split('\n').filter((l) => l && !/^\t/.test(l) && !/Command (being timed|exited)/.test(l))[0] ?? r.stdout.split('\n')[0];
  console.log(`${label.padEnd(28)} exit ${String(r.status).padEnd(4)} ${wall.padStart(8)}  ${(rss / 1024).toFixed(0).padStart(5)} MB  ${String(said).slice(0, 150)}`);
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? path.join(require('os').tmpdir(), 'thidua-hostile'));
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, make] of Object.entries(families)) {
    const file = path.join(dir, `${name}.xlsx`);
    if (make) fs.writeFileSync(file, make());
    else {
      // 1.2 GB, sparse: "PK\3\4" and then nothing a zip directory could be found in.
      const fd = fs.openSync(file, 'w');
      fs.writeSync(fd, Buffer.from([0x50, 0x4b, 3, 4]));
      fs.ftruncateSync(fd, Math.round(1.2 * 1024 * 1024 * 1024));
      fs.closeSync(fd);
    }
    console.error(`${name}: ${fs.statSync(file).size} bytes on disk`);
  }
  for (const name of Object.keys(families)) measure(`check ${name}`, ['check', path.join(dir, `${name}.xlsx`)], dir);
  measure('check --annotate longNameRows', ['check', path.join(dir, 'longNameRows.xlsx'), '--annotate', path.join(dir, 'out-long-names.xlsx')], dir);
  measure('check --annotate longTextEverywhere', ['check', path.join(dir, 'longTextEverywhere.xlsx'), '--annotate', path.join(dir, 'out-long-text.xlsx')], dir);
  measure('check --annotate deepNesting', ['check', path.join(dir, 'deepNesting.xlsx'), '--annotate', path.join(dir, 'out-deep.xlsx')], dir);
  // JSON inputs: a 100 MB field in the facts, a 100 MB profile/meeting/layout.
  const big = 'x'.repeat(100 * 1024 * 1024);
  fs.writeFileSync(path.join(dir, 'facts-big-field.json'), `{"decision":{"number":"${big}"}}`);
  const sample = path.join(__dirname, '..', 'templates', 'mau-theo-doi-thi-dua-cchc.xlsx');
  measure('dossier --facts 100MB field', ['dossier', sample, '--out', path.join(dir, 'ho-so'), '--facts', path.join(dir, 'facts-big-field.json')], dir);
  measure('check --profile 100MB', ['check', sample, '--profile', path.join(dir, 'facts-big-field.json')], dir);
  measure('dossier --meeting 100MB', ['dossier', sample, '--out', path.join(dir, 'ho-so'), '--meeting', path.join(dir, 'facts-big-field.json')], dir);
  measure('certificates --layout 100MB', ['certificates', sample, '--out', path.join(dir, 'gk.docx'), '--layout', path.join(dir, 'facts-big-field.json')], dir);
}
