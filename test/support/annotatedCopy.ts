/**
 * The annotated copy as the CLI writes it (read, analyze, annotate the package read, write safely),
 * for the patching writer's tests on real office files (test/xlsx/patchOffice.test.ts,
 * patchThreaded.test.ts, annotateCopy.test.ts, annotatePlan.test.ts).
 */
import { promises as fs } from 'fs';
import { safeWriteFile } from '../../src/cli/safeWrite';
import { analyze } from '../../src/core/analyze';
import { annotateCopy, type AnnotatedCopy, type ReadWorkbook } from '../../src/xlsx/annotateCopy';
import type { AnnotationPlan } from '../../src/core';
import { openPackage } from '../../src/xlsx/package';
import { readWorkbook } from '../../src/xlsx/read';

/**
 * Annotates (plan) or clears (null) the file `from` into `out`, as the commands do: its package
 * patched, the copy written safely (never over `from`). Throws AnnotatedCopyError or SafeWriteError.
 */
export async function writeAnnotatedCopy(from: string, plan: AnnotationPlan | null, read: ReadWorkbook, out: string): Promise<AnnotatedCopy> {
  const copy = await annotateCopy(openPackage(await fs.readFile(from)), plan, read, out);
  await safeWriteFile(out, copy.bytes, { inputs: [from] });
  return copy;
}

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
