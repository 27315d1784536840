/**
 * Saving the product's state (profile, mapping overrides, dossier facts, certificate layout) into
 * a package without annotating: the state sheet rewritten in place (very hidden), added, or removed
 * when nothing is left — as the annotating writer does it (patch/annotate.ts applyState); every
 * other part copied as stored. The offline page's Cấu hình and Tạo hồ sơ save through it.
 */
import { STATE_SHEET, stateRows, type WorkbookState } from '../../core';
import type { Package } from '../package';
import { stateSheetXml } from './ourSheets';
import { Workbook } from './workbook';

export function saveStateInPackage(pkg: Package, state: WorkbookState): Uint8Array[] {
  const wb = new Workbook(pkg);
  const rows = stateRows(state);
  const entry = wb.find(STATE_SHEET);
  if (rows.length <= 1) {
    if (entry) wb.removeSheet(entry.name);
  } else if (entry?.part) {
    pkg.setText(entry.part, stateSheetXml(rows));
    wb.setSheet(entry.name, { state: 'veryHidden' });
  } else wb.addSheet(STATE_SHEET, stateSheetXml(rows), 'veryHidden');
  return pkg.toZip();
}
