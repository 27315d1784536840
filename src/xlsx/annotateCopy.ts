/**
 * The annotated copy (`thidua check --annotate`): the original package patched (patch/annotate.ts)
 * — only our marks, notes, result sheet and state sheet are added; every part we have no business
 * with (charts, pivot tables, drawings, images, macros, properties, links…) is copied as stored —
 * and written to a new file, never the input.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { AnnotationPlan } from '../core/annotationPlan';
import type { Message } from '../core/result';
import type { Grid } from '../core/grid';
import type { ReconcileReport } from '../core/reconcile';
import type { WorkbookState } from '../core/state';
import { packageExtension, patchPackage } from './patch/annotate';
import './messages';

/** Writing the copy failed (folder not writable, disk full…): the message says where and why. */
export class AnnotatedCopyError extends Error {
  constructor(readonly data: Message) {
    super(`${data.code}: ${String(data.params.path)}`);
    this.name = 'AnnotatedCopyError';
  }
}

/**
 * `mkdir -p`, one level at a time: Node's recursive mkdir never returns on some special file
 * systems (e.g. a path under /proc), where this fails at once with ENOENT.
 */
async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    try {
      await fs.stat(d);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || path.dirname(d) === d) throw e;
      missing.unshift(d);
    }
  }
  for (const d of missing) await fs.mkdir(d);
}

export interface WrittenCopy {
  noteMode: 'notes';
  state: WorkbookState;
  /** What the core found while reconciling (moved or gone candidates, cells the user changed…). */
  report: ReconcileReport;
  /** Marked cells holding a threaded comment (Excel 365): filled, their conversation left alone. */
  threaded: string[];
}

/** The workbook as just read: its grid and the state on its state sheet. */
export interface ReadWorkbook {
  grid: Grid;
  state: WorkbookState;
}

/**
 * Annotates (plan) or clears (null) the workbook `input` into `outPath`. The copy must keep the
 * original's type: a macro-enabled workbook stays .xlsm (Excel refuses an .xlsx holding macros,
 * and an .xlsm that holds none), so a name with another extension is refused, with the one it needs.
 */
export async function writeAnnotatedCopy(input: string | Buffer, plan: AnnotationPlan | null, read: ReadWorkbook, outPath: string): Promise<WrittenCopy> {
  const bytes = typeof input === 'string' ? await fs.readFile(input) : input;
  const needed = packageExtension(bytes) ?? '.xlsx';
  const given = path.extname(outPath).toLowerCase();
  if (given !== needed) throw new AnnotatedCopyError({ code: 'xlsx.copyType', params: { path: outPath, ext: needed } });
  const out = patchPackage(bytes, read.grid, plan, read.state);
  const target = path.resolve(outPath);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  let fh: fs.FileHandle | undefined;
  try {
    await makeFolder(path.dirname(target));
    // "wx": never follows or replaces whatever is at the temporary name.
    fh = await fs.open(temp, 'wx');
    for (const chunk of out.zip) await fh.write(chunk);
    await fh.sync();
    await fh.close();
    fh = undefined;
    await fs.rename(temp, target);
  } catch (e) {
    await fh?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    const err = e as NodeJS.ErrnoException;
    throw new AnnotatedCopyError({ code: 'xlsx.cannotWrite', params: { path: outPath, why: err.code ?? err.message ?? String(e) } });
  }
  return { noteMode: 'notes', state: out.state, report: out.report, threaded: out.threaded };
}
