/**
 * The xlsx layer's own XML scanner against saxes (a general XML parser, kept as a test
 * dependency): the same events on every XML part of every fixture and on random documents, fed in
 * random chunks; and an error wherever saxes finds the document malformed in a way that matters.
 */
import fc from 'fast-check';
import { readFileSync } from 'fs';
import * as path from 'path';
import { SaxesParser } from 'saxes';
import { openPackage } from '../../src/xlsx/package';
import { attrs, escText, localName, setAttr, splice, xstring, XmlScanner } from '../../src/xlsx/xml';
import { FIXTURE_WORKBOOKS } from '../support/fixtureWorkbooks';

type Event = ['open', string, Record<string, string>, boolean] | ['text', string] | ['close', string];

const ROOT = path.resolve(__dirname, '..', '..');
const FILES = FIXTURE_WORKBOOKS;

/** Adjacent text pieces joined: where a text is cut into pieces is nobody's business. */
function push(events: Event[], e: Event): void {
  const last = events[events.length - 1];
  if (e[0] === 'text' && last && last[0] === 'text') last[1] += e[1];
  else events.push(e);
}

function ours(xml: string, cuts: number[] = [], raw = true): Event[] {
  const events: Event[] = [];
  const s = new XmlScanner({
    rawAttributes: raw,
    open: (name, attrs, selfClosing) => push(events, ['open', name, Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined)), selfClosing]),
    text: (t) => push(events, ['text', t]),
    close: (name) => push(events, ['close', name]),
  });
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    if (c <= at || c >= xml.length) continue;
    s.write(xml.slice(at, c));
    at = c;
  }
  s.write(xml.slice(at));
  s.end();
  return events;
}

/** saxes, as the former scanner used it: text outside the root is not reported. */
function reference(xml: string): Event[] {
  const events: Event[] = [];
  const p = new SaxesParser({ position: false });
  let depth = 0;
  let error: Error | null = null;
  p.on('opentag', (t) => {
    depth++;
    push(events, ['open', localName(t.name), { ...(t.attributes as Record<string, string>) }, t.isSelfClosing]);
  });
  p.on('text', (t) => {
    if (depth && t) push(events, ['text', t]);
  });
  p.on('cdata', (t) => {
    if (t) push(events, ['text', t]);
  });
  p.on('closetag', (t) => {
    depth--;
    push(events, ['close', localName(t.name)]);
  });
  p.on('error', (e) => (error ??= e));
  p.write(xml);
  p.close();
  if (error) throw error;
  return events;
}

describe('the same events as saxes', () => {
  const parts: [string, string][] = [];
  for (const f of FILES) {
    const pkg = openPackage(readFileSync(f));
    for (const e of pkg.entries) if (/\.(xml|rels|vml)$/i.test(e.name)) parts.push([`${f}: ${e.name}`, pkg.text(e.name)]);
  }

  it('on every XML part of the fixtures, whole and in chunks', () => {
    expect(parts.length).toBeGreaterThan(60);
    for (const [name, xml] of parts) {
      const want = reference(xml);
      expect([name, ours(xml)]).toEqual([name, want]);
      const cuts = Array.from({ length: 40 }, (_, k) => Math.floor(((k * 7919) % 1000) / 1000 * xml.length));
      expect([name, ours(xml, cuts)]).toEqual([name, want]);
      expect([name, ours(xml, Array.from({ length: Math.min(xml.length, 3000) }, (_, k) => k))]).toEqual([name, want]);
    }
  });

  const nameArb = fc.tuple(fc.constantFrom('', 'x:', 'ss:', 'mc:'), fc.constantFrom('c', 'v', 'row', 't', 'si', 'is', 'a-b', 'r.1', 'Ω')).map(([p, n]) => p + n);
  const textArb = fc
    .array(fc.constantFrom('a', 'Ồ', ' ', '\t', '\n', '\r\n', '\r', '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#10;', '&#13;', '&#x1F600;', '&#233;', '"', "'", '>', ']', '_x000D_'), { maxLength: 12 })
    .map((xs) => xs.join(''));
  /** Markup (CDATA, comment, processing instruction) written as is; a plain string is text and escaped. */
  type Raw = { raw: string };
  type Node = { name: string; attrs: [string, string][]; kids: (Node | Raw | string)[] };
  const { tree } = fc.letrec<{ tree: Node; kid: Node | Raw | string }>((tie) => ({
    tree: fc.record({
      name: nameArb,
      attrs: fc.uniqueArray(fc.tuple(fc.constantFrom('r', 's', 't', 'x:id', 'ref', 'xmlns:x', 'val'), textArb), { selector: (a) => a[0], maxLength: 4 }),
      kids: fc.array(tie('kid'), { maxLength: 4 }),
    }) as fc.Arbitrary<Node>,
    kid: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      textArb,
      textArb.map((t): Raw => ({ raw: `<![CDATA[${t.replace(/]]>/g, '')}]]>` })),
      fc.constant<Raw>({ raw: '<!-- a comment > with <tags/> & - single dashes -->' }),
      fc.constant<Raw>({ raw: '<?pi data > "x"?>' }),
      tie('tree'),
    ),
  }));
  const serialize = (n: Node, quote: string): string => {
    const attrs = n.attrs.map(([k, v]) => ` ${k}=${quote}${v.replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/</g, '&lt;')}${quote}`).join('');
    // Adjacent texts escaped together: "]" then "]>" would make the "]]>" text may not hold (§2.4).
    let kids = '';
    let text = '';
    for (const k of [...n.kids, { raw: '' }]) {
      if (typeof k === 'string') {
        text += k;
        continue;
      }
      kids += text.replace(/</g, '&lt;').replace(/]]>/g, ']]&gt;') + ('raw' in k ? k.raw : serialize(k, quote));
      text = '';
    }
    return kids ? `<${n.name}${attrs}>${kids}</${n.name}>` : `<${n.name}${attrs}/>`;
  };

  const documentOf = (t: Node, quote: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n${serialize(t, quote)}\n`;

  it('the random documents do hold CDATA, comments and processing instructions as markup', () => {
    const docs = fc.sample(tree, { numRuns: 500, seed: 1 }).map((t) => documentOf(t, '"'));
    const body = (d: string) => d.slice(d.indexOf('?>') + 2);
    for (const mark of ['<![CDATA[', '<!--', '<?']) expect(docs.filter((d) => body(d).includes(mark)).length).toBeGreaterThan(25);
  });

  it('on random documents (prefixes, entities, line ends, CDATA, comments, processing instructions), in random chunks', () => {
    fc.assert(
      fc.property(tree, fc.constantFrom('"', "'"), fc.array(fc.nat(400), { maxLength: 12 }), (t, quote, cuts) => {
        const xml = documentOf(t, quote);
        const want = reference(xml);
        expect(ours(xml)).toEqual(want);
        expect(ours(xml, cuts)).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('malformed parts are errors, as they are for saxes', () => {
  const BAD = [
    '',
    '   ',
    '<a>',
    '<a><b></a>',
    '<a></b>',
    '<a></a><b/>',
    'text<a/>',
    '<a/>text',
    '<a>x &foo; y</a>',
    '<a>x &amp y</a>',
    '<a>&#0;</a>',
    '<a>&#x110000;</a>',
    '<a x=1/>',
    '<a x="1" x="2"/>',
    '<a x="<"/>',
    '<a x="1"y="2"/>',
    '<a x/>',
    '< a/>',
    '<1a/>',
    '<a><!-- unclosed</a>',
    '<a><![CDATA[ unclosed</a>',
    '<a',
    '<a x="1',
  ];
  it.each(BAD)('%j', (xml) => {
    expect(() => reference(xml)).toThrow();
    expect(() => ours(xml)).toThrow();
    // Cut anywhere, still an error (never a silently shorter document).
    for (let c = 1; c < xml.length; c++) expect(() => ours(xml, [c])).toThrow();
  });
});

it('an element longer than the piece of the next chunk it is first joined to (4,096 characters), cut inside it', () => {
  const long = 'Phòng Nội vụ &amp; '.repeat(1500);
  const xml = `<sst><si><t>a</t></si><si x="${'v'.repeat(9000)}"><t>${long}</t></si><si><t>${'b'.repeat(20000)}</t></si></sst>`;
  const want = reference(xml);
  for (const cuts of [[10, 30, 20000, 60000], [25, 9100, 9200, 40000], [5000, 50000], [xml.length - 3]]) expect(ours(xml, cuts)).toEqual(want);
});

it('local names for attributes unless raw (namespace declarations dropped)', () => {
  expect(ours('<x:a xmlns:x="u" r:id="rId1" s="2"/>', [], false)).toEqual([
    ['open', 'a', { id: 'rId1', s: '2' }, true],
    ['close', 'a'],
  ]);
});

describe('readSharedStrings on a hand-written table', () => {
  // Plain items, whitespace kept with and without xml:space, rich runs joined, phonetic runs
  // (<rPh>, with their own <t>) and <phoneticPr> left out, entities and _xHHHH_ escapes decoded
  // (§22.9.2.19 ST_Xstring: "_x005F_" is a literal underscore, so what follows it stays as written).
  const SST =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9">' +
    '<si><t>Phòng Nội vụ</t></si>' +
    '<si><t xml:space="preserve">  hai  khoảng  </t></si>' +
    '<si><t> không preserve </t></si>' +
    '<si><r><rPr><b/></rPr><t>Đạt</t></r><r><t xml:space="preserve"> 95 </t></r><r><rPr><i/></rPr><t>điểm</t></r></si>' +
    '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>' +
    '<si><t>A &amp; B &lt;c&gt; &#233;</t></si>' +
    '<si><t>_x0041_B_x000d__x000A_C _x005F_x0041_</t></si>' +
    '<si><t/></si>' +
    '<si/>' +
    '</sst>';
  const WANT = ['Phòng Nội vụ', '  hai  khoảng  ', ' không preserve ', 'Đạt 95 điểm', '東京', 'A & B <c> é', 'AB\r\nC _x0041_', '', ''];

  it.each([
    ['its fast path', false],
    ['the general scanner', true],
  ])('gives exactly the literal texts, through %s', async (_how, general) => {
    const { readSharedStrings } = await import('../../src/xlsx/gridReader');
    const { Package } = await import('../../src/xlsx/package');
    const pkg = new Package(readFileSync(path.join(ROOT, 'templates/mau-theo-doi-thi-dua-cchc.xlsx')));
    pkg.setText('xl/sharedStrings.xml', SST);
    expect(readSharedStrings(openPackage(Buffer.concat(pkg.toZip())), general)).toEqual(WANT);
  });
});

describe('editing a part as text (the patching writer)', () => {
  test('attributes are set or removed in place; text is escaped as ST_Xstring', () => {
    expect(setAttr('<c r="A1" s="3" t="s">', 's', '7')).toBe('<c r="A1" s="7" t="s">');
    expect(setAttr('<c r="A1"/>', 's', '7')).toBe('<c r="A1" s="7"/>');
    expect(setAttr('<c r="A1" s="3">', 's', null)).toBe('<c r="A1">');
    expect(attrs('<sheet name="A &amp; B" r:id="rId1"/>').get('name')).toBe('A & B');
    expect(xstring('a<b & _x0041_ \u0001')).toBe('a&lt;b &amp; _x005F_x0041_ _x0001_');
    expect(splice('abcdef', [{ at: 4, del: 1, text: 'E' }, { at: 1, del: 0, text: '+' }])).toBe('a+bcdEf');
  });
});

describe('text written into a part is always well-formed XML', () => {
  /** Parsed by a strict parser after a trip through UTF-8, as Excel reads the part. */
  const parses = (body: string) => {
    const bytes = Buffer.from(`<t>${body}</t>`, 'utf8');
    const p = new SaxesParser();
    let text = '';
    p.on('text', (t) => (text += t));
    p.write(bytes.toString('utf8')).close();
    return text;
  };

  it('controls, U+FFFE/U+FFFF and lone surrogates: escaped by xstring, dropped by escText', () => {
    const s = 'a\u0001b\u000Bc\uFFFEd\uD800e\uDC00f\uD83D\uDE00g';
    expect(parses(xstring(s))).toBe('a_x0001_b_x000B_c_xFFFE_d\uFFFDe\uFFFDf\uD83D\uDE00g');
    expect(parses(escText(s))).toBe('abcdef\uD83D\uDE00g');
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (x) => {
      parses(xstring(x));
      parses(escText(x));
    }), { numRuns: 500 });
  });
});
