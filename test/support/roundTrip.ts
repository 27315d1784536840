/**
 * Annotate → clear on a workbook's bytes, as `thidua check --annotate` and `thidua clear` do it
 * (read, analyze, patch the package read; read the copy, its state, clear), in memory; and the
 * comparison of two packages part for part: the same part names, the same content types, every
 * part's bytes (inflated) the same.
 */
import { analyze } from '../../src/core/analyze';
import { parseState } from '../../src/core';
import { annotateCopy } from '../../src/xlsx/annotateCopy';
import { openPackage, type Package } from '../../src/xlsx/package';
import { readWorkbookBytes } from '../../src/xlsx/read';

function read(bytes: Uint8Array, name: string) {
  const r = readWorkbookBytes(bytes, name);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r;
}

export interface RoundTrip {
  marks: number;
  annotated: Uint8Array;
  cleared: Uint8Array;
}

/** `bytes` (an .xlsx or .xlsm, by `ext`) annotated, then the copy cleared. */
export async function annotateThenClear(bytes: Uint8Array, ext = '.xlsx'): Promise<RoundTrip> {
  const r = read(bytes, `in${ext}`);
  const a = analyze(r.grid, { lang: 'vi' });
  const annotated = (await annotateCopy(r.pkg, a.plan, { grid: r.grid, state: a.state }, `annotated${ext}`)).bytes;
  const r2 = read(annotated, `annotated${ext}`);
  const { state } = parseState(r2.grid);
  const cleared = (await annotateCopy(r2.pkg, null, { grid: r2.grid, state }, `cleared${ext}`)).bytes;
  return { marks: a.plan.marks.length, annotated, cleared };
}

/** The extension a package needs, by its main part's content type. */
export function extensionOf(bytes: Uint8Array): string {
  const p = openPackage(bytes);
  return /macroEnabled/i.test(p.contentTypes.typeOf(p.workbook!.part) ?? '') ? '.xlsm' : '.xlsx';
}

/** Where two packages differ, part for part (empty: the same parts, content types and bytes). */
export function packageDiff(a: Uint8Array | Package, b: Uint8Array | Package): string[] {
  const pa = a instanceof Uint8Array ? openPackage(a) : a;
  const pb = b instanceof Uint8Array ? openPackage(b) : b;
  const out: string[] = [];
  const na = new Set(pa.names());
  const nb = new Set(pb.names());
  for (const n of na) if (!nb.has(n)) out.push(`${n}: lost`);
  for (const n of nb) if (!na.has(n)) out.push(`${n}: added`);
  for (const n of na) {
    if (!nb.has(n)) continue;
    if (!Buffer.from(pa.read(n)).equals(Buffer.from(pb.read(n)))) out.push(`${n}: changed`);
    const [ta, tb] = [pa.contentTypes.typeOf(n), pb.contentTypes.typeOf(n)];
    if (ta !== tb) out.push(`${n}: content type ${ta} → ${tb}`);
  }
  return out;
}


