/**
 * The reader's fast paths (src/xlsx/fastPath.ts) against the general reading of the same part
 * (the tokenizer's events through gridReader.ts's handlers, `general = true`): the same Grid —
 * or the same error — on every worksheet and shared-strings part of the fixtures and on random
 * parts (the usual shapes and every odd one a fast path must decline), the text cut into chunks
 * anywhere, as it arrives from the zip.
 */
import fc from 'fast-check';
import { readFileSync } from 'fs';
import { readGrid, readSharedStrings, readWorksheet, worksheetsOf, type Styles } from '../../src/xlsx/gridReader';
import { openPackage, type Package } from '../../src/xlsx/package';
import { XmlScanner, type XmlHandlers } from '../../src/xlsx/xml';
import { FIXTURE_WORKBOOKS } from '../support/fixtureWorkbooks';

const FILES = FIXTURE_WORKBOOKS;

/** A package whose one part is `xml`, fed to the scanner in the pieces the cuts make. */
function partPackage(xml: string, cuts: number[]): Package {
  const scan = (_part: string, h: XmlHandlers) => {
    const s = new XmlScanner(h);
    let at = 0;
    for (const c of [...new Set(cuts)].sort((a, b) => a - b)) {
      if (c <= at || c >= xml.length) continue;
      s.write(xml.slice(at, c));
      at = c;
    }
    s.write(xml.slice(at));
    s.end();
  };
  const rels = [{ id: 'r', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings', target: 'x', external: false, part: 'part.xml' }];
  return { scan, has: () => true, workbook: { part: 'wb', sheets: [], date1904: false, rels } } as unknown as Package;
}

const STYLES: Styles = { formats: [undefined, '0.0%', 'dd/mm/yyyy', undefined, 'General'], isDate: [false, false, true, false, false] };
const STRINGS = ['zero', 'một', '', 'ba & bốn', 'năm'];
const INFO = { name: 'S', sheetId: '1', state: 'visible', relId: 'r', part: 'part.xml', kind: 'worksheet' };

type Outcome = { value: unknown } | { error: string };

function outcome(fn: () => unknown): Outcome {
  try {
    return { value: fn() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function sheetOf(xml: string, cuts: number[], general: boolean, date1904 = false): Outcome {
  return outcome(() => readWorksheet(partPackage(xml, cuts), INFO, STYLES, STRINGS, date1904, general));
}

function stringsOf(xml: string, cuts: number[], general: boolean): Outcome {
  return outcome(() => readSharedStrings(partPackage(xml, cuts), general));
}

/** Cut positions spread over the text (a prime step), and every position near the start. */
function spreadCuts(length: number, count: number, seed: number): number[] {
  return Array.from({ length: count }, (_, k) => Math.floor((((k + 1) * 7919 + seed * 104729) % 100003) / 100003 * length));
}

describe('on the fixtures: every worksheet and shared-strings part', () => {
  const cases: { name: string; pkg: Package }[] = FILES.map((f) => ({ name: f, pkg: openPackage(readFileSync(f)) }));

  it('readGrid: the same Grid with and without the fast paths', () => {
    for (const { name, pkg } of cases) expect([name, readGrid(pkg)]).toEqual([name, readGrid(pkg, true)]);
  });

  it('each part cut into chunks anywhere: the same as the general reading of it whole', () => {
    let parts = 0;
    for (const { name, pkg } of cases) {
      const sst = pkg.workbook!.rels.find((r) => r.type.endsWith('/sharedStrings'))?.part;
      const sheets = worksheetsOf(pkg).map((s) => s.part!);
      for (const part of [...sheets, ...(sst ? [sst] : [])]) {
        parts++;
        const xml = pkg.text(part);
        const read = part === sst ? stringsOf : sheetOf;
        const want = read(xml, [], true);
        expect('value' in want).toBe(true);
        for (let seed = 0; seed < 30; seed++) {
          const cuts = spreadCuts(xml.length, 1 + (seed % 7) * 5, seed);
          expect([name, part, seed, read(xml, cuts, false)]).toEqual([name, part, seed, want]);
        }
        // One cut at every place of a stretch of cells (the tag, its attributes, its value, its end).
        const from = Math.max(0, xml.indexOf(part === sst ? '<si' : '<c '));
        for (let c = from; c < Math.min(xml.length, from + 250); c++) expect([name, part, c, read(xml, [c], false)]).toEqual([name, part, c, want]);
      }
    }
    expect(parts).toBeGreaterThan(15);
  });
});

// ---- random parts: the usual shapes and the odd ones, with a few damaged.

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
const sp = pick(' ', ' ', ' ', '  ', '\n', '\t', '\r\n');
const quote = pick('"', '"', '"', "'");
/** An attribute value: mostly plain, sometimes with what only the tokenizer may read. */
const value = (plain: fc.Arbitrary<string>) => fc.oneof({ weight: 8, arbitrary: plain }, { weight: 1, arbitrary: pick('&amp;', '&#49;', 'a\tb', 'a\nb', 'x&bad;', '1&', '<', '>', '') });
const attr = (name: string, plain: fc.Arbitrary<string>) =>
  fc.tuple(sp, quote, value(plain), pick('=', '=', '=', '=', ' = ', ' =', '= ')).map(([s, q, v, eq]) => `${s}${name}${eq}${q}${v.replace(q, q === '"' ? '&quot;' : '&apos;')}${q}`);
const ref = fc.oneof(
  fc.tuple(pick('A', 'B', 'C', 'D', 'K', 'AA', 'b', '$C', 'XFD'), pick('1', '7', '12', '1048576', '$3', '')).map(([c, r]) => c + r),
  pick('', '7', '$', '1A', 'A-1', 'ﾟ1'),
);
const cellAttrs = fc
  .tuple(
    fc.option(attr('r', ref), { freq: 1 }),
    fc.option(attr('s', pick('0', '1', '2', '3', '4', '9', '01', '', 'x', '1.0', '0x2', ' 2', '4294967296')), { freq: 2 }),
    fc.option(attr('t', pick('s', 's', 'n', 'str', 'b', 'e', 'd', 'inlineStr', '', 'S', 'x')), { freq: 2 }),
    fc.array(fc.oneof(attr('cm', pick('1')), attr('x14ac:ph', pick('0')), attr('vm', pick('2')), attr('r', pick('B2')), attr('s', pick('2')), attr('t', pick('str'))), { maxLength: 2 }),
    fc.boolean(),
  )
  .map(([r, s, t, extra, shuffle]) => {
    const all = [r, s, t, ...extra].filter((x): x is string => x !== null);
    return (shuffle ? all.reverse() : all).join('');
  });
const vText = fc.oneof(
  { weight: 6, arbitrary: pick('0', '1', '2', '3', '4', '5', '12', '0.9', '-0', '-12.5', '88.1', '0.9520000000000001', '1e3', '44927', '44927.75', '9007199254740993', '123456789012345', '1234567890123456') },
  { weight: 2, arbitrary: pick('', ' 5', '5 ', '007', '.5', '5.', '-', '+3', '1.2.3', '12abc', 'TRUE', '#N/A', '2024-03-01', '2024-03-01T10:00:00', 'x_x0041_y', 'Tốt') },
  { weight: 1, arbitrary: pick('a &amp; b', '&lt;5', 'a\r\nb', 'a\rb', '&#13;', '&bad;', 'a & b', '1&#48;', '<![CDATA[7]]>', '<!-- c -->8', '4<!-- c -->') },
);
const formula = pick('', '<f>SUM(A1:A3)</f>', '<f>A1&amp;"x"</f>', '<f>IF(A1&lt;5,1,2)</f>', '<f t="shared" ref="A1:A9" si="0">B1</f>', '<f t="shared" si="0"/>', '<f>a&bad;</f>', '<f >X</f>', '<fx>1</fx>', '<f>\r\n</f>');
const content = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(formula, vText).map(([f, v]) => `${f}<v>${v}</v>`) },
  { weight: 1, arbitrary: formula },
  {
    weight: 2,
    arbitrary: pick(
      '',
      '<v/>',
      '<v></v>',
      ' <v>1</v>',
      '<v>1</v> ',
      '\n  <f>A1</f>\r\n  <v>2</v>\n',
      '\t<f/> <v>3</v>',
      '   ',
      ' x<v>4</v>',
      '<v>1</v><v>2</v>',
      '<v >3</v>',
      '<v>4</v >',
      '<is><t>in&amp;line</t></is>',
      '<is><r><t>a</t></r><r><t xml:space="preserve"> b</t></r><rPh><t>ph</t></rPh></is>',
      '<x:v>5</x:v>',
      '<v>6</x>',
      '<v>7',
      '<extLst><ext><c r="Z9"><v>1</v></c></ext></extLst>',
    ),
  },
);
/** The cell as nearly every writer writes it (read in one pass), or without its reference. */
const usualCell = fc
  .tuple(
    fc.option(pick('A1', 'B7', 'C12', 'K9', 'XFD1048576', 'AA3', 'Z1', 'ZZ99'), { freq: 4 }),
    fc.option(pick('0', '1', '2', '3', '4', '9', '123456789', '1234567890'), { freq: 2 }),
    fc.option(pick('s', 's', 's', 'n', 'str', 'b'), { freq: 2 }),
    fc.oneof(
      { weight: 6, arbitrary: pick('0', '1', '2', '3', '4', '7', '12', '0.9', '88.1', '0.9520000000000001', '44927.5', '123456789012345', '1234567890123456', '9.520000000000001', '.1234567890123456', '1.2.3', '.5', '5.', '.', '123456789', '1234567890') },
      { weight: 1, arbitrary: pick('', '1e3', '-2', ' 3', '3 ', '&#49;') },
    ),
    pick('v', 'v', 'v', 'v', 'none', 'self', 'empty'),
  )
  .map(([r, st, t, v, shape]) => {
    const head = `<c${r === null ? '' : ` r="${r}"`}${st === null ? '' : ` s="${st}"`}${t === null ? '' : ` t="${t}"`}`;
    return shape === 'self' ? `${head}/>` : shape === 'empty' ? `${head}></c>` : shape === 'none' ? `${head}><v></v></c>` : `${head}><v>${v}</v></c>`;
  });
const cell = fc.oneof(
  { weight: 12, arbitrary: usualCell },
  { weight: 12, arbitrary: fc.tuple(cellAttrs, content, pick('c', 'c', 'c', 'c', 'c', 'c', 'c', 'c', 'x:c'), pick('>', '>', '>', ' >')).map(([a, c, name, end]) => `<${name}${a}>${c}</${name}${end}`) },
  { weight: 2, arbitrary: cellAttrs.map((a) => `<c${a}/>`) },
  { weight: 1, arbitrary: pick('<c/>', '<cc r="A1"><v>1</v></cc>', '<c r="A1"s="1"><v>1</v></c>', '<c r="A1" r="B1"><v>1</v></c>', '<c cm="1" cm="1"><v>1</v></c>', '<c r="A1"><v>1</v>', '<c=1/>', '<!-- a comment -->', ' x ', '&amp;', '<c r="A1"><!-- c --><v>1</v></c>', '<c r="A1" ="1"><v>1</v></c>', '<c r=A1><v>1</v></c>', '<c r="A1">x/c></c>', '<c r="B7/></c><c r="C7"/>', '<c r="A1" t="s1><v>1</v></c><c r="B1"/>', '<c r="A1"x<v>5</v></c><c r="B1"/>', '<c r="A1"><v>1<x/></c></v></c>', '<c r="A1">xv>1</v></c>', 'xc r="D1"/><c><v>1</v></c>', '<c r="A1"><v>1</v>x/c></c>', '<c r=xBx s="1"><v>1</v></c>', "<c r='A\"1' s=\"1\"><v>1</v></c>", '<c r="A1"/ >', '<c r="C1" s="1"/><c/>') },
);
const rowAttrs = fc
  .tuple(
    fc.option(attr('r', pick('1', '2', '3', '5', '9', '10', '7', '', 'x', '0', '-3', '007', '2.5', '1e1')), { freq: 1 }),
    fc.option(attr('spans', pick('1:12', '2:3')), { freq: 2 }),
    fc.option(attr('x14ac:dyDescent', pick('0.25')), { freq: 2 }),
    fc.option(attr('ht', pick('15')), { freq: 4 }),
  )
  .map((xs) => xs.filter((x) => x !== null).join(''));
const row = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(rowAttrs, fc.array(fc.tuple(cell, pick('', '', '', '', ' ', '\n  ')), { maxLength: 6 }), pick('row', 'row', 'row', 'row', 'x:row')).map(([a, cs, name]) => `<${name}${a}>${cs.map(([c, s]) => c + s).join('')}</${name}>`) },
  { weight: 1, arbitrary: rowAttrs.map((a) => `<row${a}/>`) },
  { weight: 1, arbitrary: cell },
  { weight: 1, arbitrary: pick('<row r="2"><row r="3"><c r="A3"><v>1</v></c></row><c r="B2"><v>2</v></c></row>', '<rows/>', '<row r="4"></rowx>', '<c r="A1"><row r="9"><c r="B9"><v>1</v></c></row><v>2</v></c>', '\n') },
);
const merges = pick('', '<mergeCells><mergeCell ref="A1:B2"/></mergeCells>', '<mergeCells count="1"><mergeCell ref="B5:C5"/><mergeCell ref="A7:A8"/></mergeCells>');
const sheetXml = fc
  .tuple(fc.array(row, { maxLength: 10 }), merges, pick('sheetData', 'sheetData', 'sheetData', 'x:sheetData'), pick('', '', '<dimension ref="A1:C9"/>', '<c r="A1"><v>9</v></c>'))
  .map(([rows, m, sd, before]) => {
    const p = sd.startsWith('x:') ? 'x:' : '';
    // (A tail after the cells: the usual cell's one-pass reading wants USUAL_REACH characters after it.)
    const tail = '<pageSetup paperSize="9" orientation="portrait" horizontalDpi="300" verticalDpi="300" copies="1" useFirstPageNumber="1"/>';
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${p}worksheet xmlns="u">${before}<${sd}>${rows.join('')}</${sd}>${m}${tail}</${p}worksheet>`;
  });

const siText = fc.oneof({ weight: 6, arbitrary: pick('Phòng Nội vụ', 'Tốt', '', ' lề ', 'x_x0041_y', 'A &amp; B', 'a\r\nb', '&#x1F600;', '&bad;', 'a & b') }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }).map((s) => s.replace(/[<&\r]/g, '.')) });
const si = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(siText, pick('', '', ' xml:space="preserve"', " xml:space='preserve'", ' a="1" a="2"', ' xml:space="a<b"', '  ')).map(([t, a]) => `<si><t${a}>${t}</t></si>`) },
  {
    weight: 2,
    arbitrary: pick(
      '<si><t/></si>',
      '<si><r><rPr><b/></rPr><t>đậm</t></r><r><t xml:space="preserve"> thường</t></r></si>',
      '<si><t>chữ</t><rPh sb="0" eb="1"><t>phiên âm</t></rPh><phoneticPr fontId="1"/></si>',
      '<si><t><![CDATA[cd<ata]]></t></si>',
      '<si> <t>lề</t> </si>',
      '<si><t>a</t ></si >',
      '<si><t>b</t></si',
      '<si><t>c</si>',
      '<x:si><x:t>tiền tố</x:t></x:si>',
      '<si><t>1</t><t>2</t></si>',
      '<si><t/>x</t></si>',
      '<si><sst><si><t>inner</t></si></sst></si>',
      '<si><t>a<sst><si><t>inner</t></si></sst></t></si>',
      '<si><rPh><sst><si><t>inner</t></si></sst></rPh></si>',
      '<sst><si><t>inner</t></si></sst>',
      '<rPh><sst><si><t>inner</t></si></sst></rPh>',
      '<si a="1"><t>attr</t></si>',
      '<si><t>x</t>y/si></si>',
      '<si><t>x</t ></si >',
      '<si/>',
      '<si/><t>x</t></si>',
      '<!-- note -->',
      '\n',
      'text',
    ),
  },
);
const sstXml = fc
  .tuple(fc.array(si, { maxLength: 10 }), pick('sst', 'sst', 'sst', 'x:sst'))
  .map(([items, name]) => `<?xml version="1.0" encoding="UTF-8"?>\n<${name} xmlns="u" count="${items.length}">${items.join('')}</${name}>`);

describe('on random parts cut anywhere', () => {
  it('worksheets: the same Grid or the same error', () => {
    fc.assert(
      fc.property(sheetXml, fc.array(fc.nat(600), { maxLength: 10 }), fc.boolean(), (xml, cuts, date1904) => {
        expect(sheetOf(xml, [], false, date1904)).toEqual(sheetOf(xml, [], true, date1904));
        // (An error's words may quote the chunk it is found in: compared with the same cuts.)
        expect(sheetOf(xml, cuts, false, date1904)).toEqual(sheetOf(xml, cuts, true, date1904));
      }),
      { numRuns: 4000 },
    );
  });

  it('shared strings: the same items or the same error', () => {
    fc.assert(
      fc.property(sstXml, fc.array(fc.nat(300), { maxLength: 10 }), (xml, cuts) => {
        expect(stringsOf(xml, [], false)).toEqual(stringsOf(xml, [], true));
        expect(stringsOf(xml, cuts, false)).toEqual(stringsOf(xml, cuts, true));
      }),
      { numRuns: 3000 },
    );
  });

  it('every type with every kind of content, style and formula, one cell a row', () => {
    const types = ['', ' t="s"', ' t="n"', ' t="str"', ' t="b"', ' t="e"', ' t="d"', ' t="inlineStr"', ' t="x"'];
    const styles = ['', ' s="1"', ' s="2"', ' s="4"'];
    const contents = ['', '<v></v>', '<v>1</v>', '<v>0.5</v>', '<v>-2</v>', '<v>44927.5</v>', '<v>4</v>', '<v>99</v>', '<v>2024-03-01</v>', '<v>#N/A</v>', '<v>a_x0041_&amp;</v>', '<v>&#49;</v>', '<v>1&#48;</v>', '<v>\r\n</v>', '<v>1.2.3</v>', '<v>.</v>', '<v>5.</v>', '<v>.5</v>', '<v>1e2</v>', '<v/>', '<v> 7</v>', '<is><t>x</t></is>', '<v>1</v><v>2</v>'];
    const formulas = ['', '<f>A1</f>', '<f/>', '<f></f>'];
    const rows: string[] = [];
    for (const t of types) for (const s of styles) for (const c of contents) for (const f of formulas) {
      const r = rows.length + 1;
      rows.push(`<row r="${r}"><c r="B${r}"${s}${t}>${f}${c}</c><c${t}${s}>${f}${c}</c></row>`);
      rows.push(`<row r="${r + 1}"><c r="C${r + 1}"${t}${s}/></row>`);
    }
    // Odd references, in the usual form otherwise.
    for (const ref of ['7', 'A', 'A12345678', 'a1', '$B$2', 'XFC1048576', 'B0']) rows.push(`<row r="7"><c r="${ref}" s="1"><v>3</v></c><c><v>4</v></c><c r="${ref}" t="s"><v>1</v></c><c/><c r="${ref}"/></row>`);
    // Rows numbered oddly: each reads as Number() says, or follows the row before.
    for (const r of ['1e1', ' 3', '-1', '', 'x', '0', '007']) rows.push(`<row r="${r}"><c><v>1</v></c><c r="C9" s="1"><v>2.5</v></c></row><row><c><v>2</v></c></row>`);
    const xml = `<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`;
    const want = sheetOf(xml, [], true);
    expect(want).toHaveProperty('value');
    expect(sheetOf(xml, [], false)).toEqual(want);
    expect(sheetOf(xml, spreadCuts(xml.length, 300, 2), false)).toEqual(want);
  });

  it('references beyond Excel\'s grid: the same refusal both ways', () => {
    const rows = ['AAAA1', 'XFE1'].map((ref) => `<row r="7"><c r="${ref}" s="1"><v>3</v></c><c><v>4</v></c></row>`);
    rows.push('<row r="1048577"><c><v>1</v></c></row>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c><c><v>2</v></c></row>');
    for (const row of rows) {
      const xml = `<worksheet><sheetData>${row}</sheetData></worksheet>`;
      const want = sheetOf(xml, [], true);
      expect('error' in want).toBe(true);
      expect(sheetOf(xml, [], false)).toEqual(want);
      expect(sheetOf(xml, spreadCuts(xml.length, 30, 3), false)).toEqual(want);
    }
  });

  it('a generated sheet of the bench’s shape, cut at every place of its first rows', () => {
    const rows: string[] = [];
    for (let r = 1; r <= 40; r++) {
      const cells = [`<c r="A${r}"><v>${r}</v></c>`, `<c r="B${r}" t="s"><v>${r % 5}</v></c>`, `<c r="C${r}" s="1"><v>0.9${r}</v></c>`, `<c r="E${r}"/>`, `<c r="F${r}" s="2"><v>${44000 + r}.5</v></c>`, `<c r="H${r}" t="str"><f>A${r}&amp;"x"</f><v>${r}x</v></c>`];
      rows.push(`<row r="${r}" spans="1:8" x14ac:dyDescent="0.25">${cells.join('')}</row>`);
    }
    const xml = `<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`;
    const want = sheetOf(xml, [], true);
    expect('value' in want && (want.value as { values: unknown[] }).values.length).toBe(40);
    for (let c = 1; c < 1200; c++) expect([c, sheetOf(xml, [c], false)]).toEqual([c, want]);
    expect(sheetOf(xml, spreadCuts(xml.length, 200, 1), false)).toEqual(want);
  });
});
