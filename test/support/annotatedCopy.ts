/**
 * The annotated copy as the CLI writes it (read, analyze, write), for the patching writer's tests
 * on real office files (test/xlsx/patchOffice.test.ts, patchThreaded.test.ts).
 */
import { promises as fs } from 'fs';
import { analyze } from '../../src/core/analyze';
import { writeAnnotatedCopy } from '../../src/xlsx/annotateCopy';
import { openPackage } from '../../src/xlsx/package';
import { readWorkbook } from '../../src/xlsx/read';

/** Annotates `from` (or clears it) into `out`: the plan, what was written, and the package before and after. */
export async function annotatedCopy(from: string, out: string, clear = false) {
  const r = await readWorkbook(from);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const a = analyze(r.grid, { lang: 'vi' });
  const written = await writeAnnotatedCopy(from, clear ? null : a.plan, { grid: r.grid, state: a.state }, out);
  // Marked cells holding a threaded comment (office-threaded.xlsx): filled, their notes left as they are.
  const threaded = new Set(written.threaded);
  return { out, plan: a.plan, written, threaded, before: openPackage(await fs.readFile(from)), after: openPackage(await fs.readFile(out)) };
}
