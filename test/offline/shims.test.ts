/**
 * The browser stand-ins the offline page gives the xlsx layer (src/offline/shims) answer as Node's
 * modules do, for every call the layer makes: zlib over fflate, Buffer, path.posix.
 */
import { Buffer as NodeBuffer } from 'buffer';
import * as nodePath from 'path';
import * as zlib from 'zlib';
import fc from 'fast-check';
import { Buffer as ShimBuffer, isAscii } from '../../src/offline/shims/buffer';
import { posix } from '../../src/offline/shims/path';
import * as shimZlib from '../../src/offline/shims/zlib';

it('zlib: CRC-32 and raw deflate/inflate as Node has them', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 5000 }), fc.constantFrom(1, 4, 6, 9), (data, level) => {
      expect(shimZlib.crc32(data)).toBe(zlib.crc32(data) >>> 0);
      // Node's deflate read by the shim, the shim's by Node: the same bytes back.
      const byNode = zlib.deflateRawSync(data, { level });
      expect(NodeBuffer.from(shimZlib.inflateRawSync(byNode, { maxOutputLength: data.length })).equals(NodeBuffer.from(data))).toBe(true);
      expect(zlib.inflateRawSync(shimZlib.deflateRawSync(data, { level })).equals(NodeBuffer.from(data))).toBe(true);
    }),
  );
  // More output than declared is never hidden: the layer sees a size other than declared.
  const data = NodeBuffer.from('x'.repeat(1000));
  expect(shimZlib.inflateRawSync(zlib.deflateRawSync(data), { maxOutputLength: 10 }).length).not.toBe(10);
});

it('Buffer: the calls the layer makes', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(NodeBuffer.from(ShimBuffer.from(s, 'utf8')).equals(NodeBuffer.from(s, 'utf8'))).toBe(true);
      expect(NodeBuffer.from(ShimBuffer.from(s, 'utf16le')).equals(NodeBuffer.from(s, 'utf16le'))).toBe(true);
      const bytes = NodeBuffer.from(s, 'utf8');
      expect(ShimBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')).toBe(bytes.toString('latin1'));
      expect(isAscii(bytes)).toBe(NodeBuffer.from(s, 'utf8').every((b) => b < 0x80));
    }),
  );
  const a = ShimBuffer.alloc(12);
  const b = NodeBuffer.alloc(12);
  a.writeUInt32LE(0x04034b50, 0);
  b.writeUInt32LE(0x04034b50, 0);
  a.writeUInt16LE(0xffff, 4);
  b.writeUInt16LE(0xffff, 4);
  a.writeUInt32LE(0xfffffffe, 8);
  b.writeUInt32LE(0xfffffffe, 8);
  expect(NodeBuffer.from(a).equals(b)).toBe(true);
  expect(NodeBuffer.from(ShimBuffer.concat([a, ShimBuffer.from([1, 2, 3])])).equals(NodeBuffer.concat([b, NodeBuffer.from([1, 2, 3])]))).toBe(true);
  expect(ShimBuffer.from([0xd0, 0xcf]).equals(new Uint8Array([0xd0, 0xcf]))).toBe(true);
});

it('path: dirname, relative, extname of part names as path.posix', () => {
  const parts = ['/xl/workbook.xml', '/xl/worksheets/sheet1.xml', '/xl/worksheets/_rels/sheet1.xml.rels', '/[Content_Types].xml', '/xl/drawings/vmlDrawing1.vml', '/customXml/item1.xml', '/a/b/../c/./d.xml', '/', '/xl/', 'out.xlsx', 'ho so.xlsm', '.hidden', 'x.tar.gz'];
  for (const p of parts) {
    expect({ p, dirname: posix.dirname(p) }).toEqual({ p, dirname: nodePath.posix.dirname(p) });
    expect({ p, extname: posix.extname(p) }).toEqual({ p, extname: nodePath.posix.extname(p) });
    expect({ p, basename: posix.basename(p) }).toEqual({ p, basename: nodePath.posix.basename(p) });
    for (const q of parts) if (p.startsWith('/') && q.startsWith('/')) expect({ p, q, relative: posix.relative(p, q) }).toEqual({ p, q, relative: nodePath.posix.relative(p, q) });
  }
});
