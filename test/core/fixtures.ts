/** Builders of host-neutral grids for core tests (no files, no mocks). */
import type { CellRect, CellValue, Grid, SheetGrid } from '../../src/core/grid';

export function sheet(name: string, values: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { name, originRow: 0, originCol: 0, values, ...extra };
}

export function grid(...sheets: SheetGrid[]): Grid {
  return { sheets };
}

/** "A4:C4" → 0-based rectangle. */
export function rect(range: string): CellRect {
  const [a, b] = range.split(':');
  const p = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s)!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  const s = p(a);
  const e = p(b ?? a);
  return { top: s.row, left: s.col, bottom: e.row, right: e.col };
}

export const COLLECTIVE_HEADER = ['STT', 'Tên đơn vị', 'Tỷ lệ hoàn thành nhiệm vụ (%)', 'Xếp loại PAR Index', 'Chỉ số SIPAS (%)', 'Tỷ lệ hồ sơ đúng hạn (%)', 'Sáng kiến', 'Quyết định công nhận'];

/** A unit row that passes every default criterion, with overrides. */
export function unitRow(order: number, name: string, o: Partial<Record<'task' | 'par' | 'sipas' | 'onTime' | 'initiative' | 'decision', CellValue>> = {}): CellValue[] {
  return [
    order,
    name,
    'task' in o ? o.task! : 95,
    'par' in o ? o.par! : 'Tốt',
    'sipas' in o ? o.sipas! : 92,
    'onTime' in o ? o.onTime! : 99,
    'initiative' in o ? o.initiative! : 'Một cửa điện tử',
    'decision' in o ? o.decision! : 'QĐ số 125/QĐ-UBND ngày 10/11/2022',
  ];
}

export function collectives(rows: CellValue[][], header: CellValue[] = COLLECTIVE_HEADER, name = 'Tập thể'): SheetGrid {
  return sheet(name, [header, ...rows]);
}
