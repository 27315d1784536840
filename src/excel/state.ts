/** Saves part of the product's state (profile, mapping overrides, facts) on the hidden state sheet. */
import { STATE_SHEET } from '../core/annotationPlan';
import { readState, type WorkbookState } from '../core/state';
import { writeStateSheet } from './applyPlan';
import type { Syncer } from './syncer';

/** Reads the state sheet (two small requests), merges `partial` over it and rewrites it. */
export async function saveState(syncer: Syncer, partial: WorkbookState): Promise<WorkbookState> {
  const sheet = syncer.context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
  sheet.load('name');
  await syncer.sync();
  let current: WorkbookState = {};
  if (!sheet.isNullObject) {
    const used = sheet.getUsedRange(true);
    used.load('values');
    await syncer.sync();
    current = readState({ sheets: [{ name: STATE_SHEET, originRow: 0, originCol: 0, values: used.values as (string | number | boolean | null)[][] }] });
  }
  const next: WorkbookState = { ...current, ...partial };
  for (const k of Object.keys(next) as (keyof WorkbookState)[]) if (next[k] === undefined) delete next[k];
  await writeStateSheet(syncer, !sheet.isNullObject, next);
  await syncer.flush();
  return next;
}
