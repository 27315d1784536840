/** Saves part of the product's state (profile, mapping overrides, facts) on the hidden state sheet. */
import { STATE_SHEET, readState, type WorkbookState, isStagingSheet } from '../core';
import { writeStateSheet } from './applyPlan';
import { supports } from './capabilities';
import { protectionError } from './messages';
import type { Syncer } from './syncer';

/** Reads the state sheet (two small requests), merges `partial` over it and rewrites it. */
export async function saveState(syncer: Syncer, partial: WorkbookState): Promise<WorkbookState> {
  const sheets = syncer.context.workbook.worksheets;
  sheets.load('items/name');
  // Our state sheet is added, renamed and deleted: workbook structure protection refuses it, so say so first.
  const book = supports('1.7') ? syncer.context.workbook.protection : null;
  book?.load('protected');
  await syncer.sync();
  if (book?.protected) throw protectionError([], true);
  const names = sheets.items.map((ws) => ws.name);
  const stale = names.filter(isStagingSheet);
  // A staging sheet holds the state only when a write was interrupted after removing the old one.
  const sourceName = names.includes(STATE_SHEET) ? STATE_SHEET : stale[stale.length - 1];
  const source = sourceName ? sheets.getItem(sourceName) : null;
  let current: WorkbookState = {};
  if (source) {
    const used = source.getUsedRange(true);
    used.load('values');
    await syncer.sync();
    current = readState({ sheets: [{ name: STATE_SHEET, originRow: 0, originCol: 0, values: used.values as (string | number | boolean | null)[][] }] });
  }
  const next: WorkbookState = { ...current, ...partial };
  for (const k of Object.keys(next) as (keyof WorkbookState)[]) if (next[k] === undefined) delete next[k];
  await writeStateSheet(syncer, { exists: names.includes(STATE_SHEET), stale }, next);
  await syncer.flush();
  return next;
}
