/**
 * Writes a JSON report exactly as JSON.stringify(value, null, 2) would, but piece by piece: each
 * element of a top-level array (the candidates, the issues) is stringified alone and written in
 * 64 KB batches, so that 50,000 candidates never become one string of tens of megabytes.
 * (Stringifying a nested value alone and indenting its lines by the enclosing depth gives the same
 * text: JSON strings never hold a raw line break.)
 */
const BATCH = 64 * 1024;

function indented(text: string, pad: string): string {
  return text.includes('\n') ? text.replace(/\n/g, `\n${pad}`) : text;
}

export function writeJson(value: Record<string, unknown>, write: (chunk: string) => void): void {
  let buffer = '';
  const put = (s: string) => {
    buffer += s;
    if (buffer.length >= BATCH) {
      write(buffer);
      buffer = '';
    }
  };
  // Keys JSON.stringify keeps (undefined, functions and symbols are left out of an object).
  const keys = Object.keys(value).filter((k) => {
    const v = value[k];
    return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
  });
  if (!keys.length) put('{}');
  else {
    put('{\n');
    keys.forEach((k, i) => {
      const v = value[k];
      put(`  ${JSON.stringify(k)}: `);
      if (Array.isArray(v) && v.length) {
        put('[\n');
        v.forEach((item, j) => {
          put(`    ${indented(JSON.stringify(item, null, 2) ?? 'null', '    ')}${j < v.length - 1 ? ',' : ''}\n`);
        });
        put('  ]');
      } else put(indented(JSON.stringify(v, null, 2), '  '));
      put(i < keys.length - 1 ? ',\n' : '\n');
    });
    put('}');
  }
  if (buffer) write(buffer);
}
