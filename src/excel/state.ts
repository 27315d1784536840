/** Saves part of the product's state (profile, mapping overrides, facts) on the hidden state sheet. */
import { STATE_SHEET, readState, type WorkbookState } from '../core';
import { STATE_SHEET_STAGING, writeStateSheet } from './applyPlan';
import { supports } from './capabilities';
import { protectionError } from './messages';
import type { Syncer } from './syncer';

/** Reads the state sheet (two small requests), merges `partial` over it and rewrites it. */
export async function saveState(syncer: Syncer, partial: WorkbookState): Promise<WorkbookState> {
  const sheets = syncer.context.workbook.worksheets;
  const sheet = sheets.getItemOrNullObject(STATE_SHEET);
  const staging = sheets.getItemOrNullObject(STATE_SHEET_STAGING);
  sheet.load('name');
  staging.load('name');
  // Our state sheet is added, renamed and deleted: workbook structure protection refuses it, so say so first.
  const book = supports('1.7') ? syncer.context.workbook.protection : null;
  book?.load('protected');
  await syncer.sync();
  if (book?.protected) throw protectionError([], true);
  // The staging sheet holds the state only when a write was interrupted after removing the old one.
  const source = !sheet.isNullObject ? sheet : !staging.isNullObject ? staging : null;
  let current: WorkbookState = {};
  if (source) {
    const used = source.getUsedRange(true);
    used.load('values');
    await syncer.sync();
    current = readState({ sheets: [{ name: STATE_SHEET, originRow: 0, originCol: 0, values: used.values as (string | number | boolean | null)[][] }] });
  }
  const next: WorkbookState = { ...current, ...partial };
  for (const k of Object.keys(next) as (keyof WorkbookState)[]) if (next[k] === undefined) delete next[k];
  await writeStateSheet(syncer, { exists: !sheet.isNullObject, staging: !staging.isNullObject }, next);
  await syncer.flush();
  return next;
}
