/**
 * Turns the user's edits of a table's column mapping into a MappingOverride saved in the workbook
 * (state key "overrides"), which the core applies on every later check — in Excel and in the CLI.
 */
import { columnIndex, FIELDS, type Field, type Kind, type TableInfo, type MappingOverride } from '../core';

export interface MappingEdit {
  kind: Kind;
  headerRow: number;
  ignore: boolean;
  /** Field → column letter, or null for "not used". */
  columns: Partial<Record<Field, string | null>>;
}

/** Column choices of a table: its header columns, plus any mapped column outside them. */
export function columnChoices(table: TableInfo): { letter: string; header: string }[] {
  const letters = new Set<string>(Object.keys(table.headers));
  for (const letter of Object.values(table.columns)) if (letter) letters.add(letter);
  return [...letters]
    .sort((a, b) => columnIndex(a) - columnIndex(b))
    .map((letter) => ({ letter, header: table.headers[letter] ?? '' }));
}

export function editFromTable(table: TableInfo): MappingEdit {
  const columns: Partial<Record<Field, string | null>> = {};
  for (const field of FIELDS) columns[field] = table.columns[field] ?? null;
  return { kind: table.kind, headerRow: table.headerRow, ignore: false, columns };
}

/**
 * The override for an edit. When the header row moves, the columns found on the old row mean
 * nothing on the new one: only kind and row are saved and the core matches the new headers.
 */
export function overrideFromEdit(table: TableInfo, edit: MappingEdit): MappingOverride {
  if (edit.ignore) return { sheet: table.sheet, ignore: true };
  const override: MappingOverride = { sheet: table.sheet, kind: edit.kind, headerRow: edit.headerRow };
  if (edit.headerRow !== table.headerRow) return override;
  const columns: Partial<Record<Field, string | null>> = {};
  for (const field of FIELDS) {
    const before = table.columns[field] ?? null;
    const after = edit.columns[field] ?? null;
    if (before !== after) columns[field] = after;
  }
  if (Object.keys(columns).length > 0) override.columns = columns;
  return override;
}

/** Merges an override into the saved list. Column changes accumulate over earlier saves. */
export function upsertOverride(list: MappingOverride[], next: MappingOverride): MappingOverride[] {
  const previous = list.find((o) => o.sheet === next.sheet);
  let merged = next;
  if (previous && !next.ignore && !previous.ignore && previous.headerRow === next.headerRow && previous.columns) {
    merged = { ...next, columns: { ...previous.columns, ...(next.columns ?? {}) } };
  }
  return [...list.filter((o) => o.sheet !== next.sheet), merged];
}

export function removeOverride(list: MappingOverride[], sheet: string): MappingOverride[] {
  return list.filter((o) => o.sheet !== sheet);
}

export function savedOverrides(state: { overrides?: unknown }): MappingOverride[] {
  return Array.isArray(state.overrides) ? (state.overrides as MappingOverride[]) : [];
}
