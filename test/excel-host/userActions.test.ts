/**
 * What people and Excel do between two actions of the add-in, on the strict host: cells move with
 * everything they carry (values, number formats, fills, notes, comments, merges), protection refuses
 * writes as Excel does, another Excel has other requirement sets. Each rule is shown to bite.
 */
import { ExcelHost } from '../../tools/excel-host/host';
import type { WorkbookModel } from '../../tools/excel-host/model';
import { excelLibrary } from '../../tools/excel-host/wire/node';

type Ctx = Excel.RequestContext;

function run<T>(host: ExcelHost, cb: (ctx: Ctx) => Promise<T>): Promise<T> {
  const g = host.globals() as unknown as { Excel: { run: <R>(cb: (ctx: Ctx) => Promise<R>) => Promise<R> } };
  return g.Excel.run(cb);
}

const model = (): WorkbookModel => ({
  sheets: [
    {
      name: 'Tập thể',
      cells: {
        A1: { value: 'Tên' },
        B1: { value: 'SIPAS' },
        C1: { value: 'Ghi chú' },
        A2: { value: 'Phòng B', fill: '#FFFF00', note: 'của tôi' },
        B2: { value: 0.95, numberFormat: '0.0%' },
        A3: { value: 'Phòng A' },
        B3: { value: 0.9, numberFormat: '0.0%', comment: 'luồng' },
        A4: { value: 'Phòng C' },
        B4: { value: 0.95, fill: '#FFC7CE' },
        A5: { value: 'Phòng D' },
        A6: { value: 'Tổng' },
      },
      merges: ['C2:C4', 'A6:B6'],
      frozenRows: 1,
      columnWidths: { A: 40, C: 20 },
    },
    { name: 'Cá nhân', cells: { A1: { value: 'x' } } },
  ],
});

describe('rows and columns move with what their cells carry', () => {
  it('insertRows: cells at and below move down; a merge cut through grows, one below moves', () => {
    const host = new ExcelHost(model());
    host.insertRows('Tập thể', 3, 2);
    const s = host.dump().sheets[0];
    expect(s.cells.A2).toEqual({ value: 'Phòng B', fill: '#FFFF00', note: 'của tôi' });
    expect(s.cells.A3).toBeUndefined();
    expect(s.cells.A5).toEqual({ value: 'Phòng A' });
    expect(s.cells.B5).toEqual({ value: 0.9, numberFormat: '0.0%', comment: 'luồng' });
    expect(s.cells.B6).toEqual({ value: 0.95, fill: '#FFC7CE' });
    expect(s.merges).toEqual(['C2:C6', 'A8:B8']);
    expect(s.frozenRows).toBe(1);
  });

  it('deleteRows: the rows go, the rest moves up; merges shrink or vanish', () => {
    const host = new ExcelHost(model());
    host.deleteRows('Tập thể', 3, 2);
    const s = host.dump().sheets[0];
    expect(s.cells.A3).toEqual({ value: 'Phòng D' });
    expect(s.cells.A4).toEqual({ value: 'Tổng' });
    expect(Object.keys(s.cells)).not.toContain('B5');
    // C2:C4 loses rows 3–4 → a single cell: no merge any more; A6:B6 moves to A4:B4.
    expect(s.merges).toEqual(['A4:B4']);
  });

  it('insertColumns / deleteColumns: cells, merges and column widths move', () => {
    const host = new ExcelHost(model());
    host.insertColumns('Tập thể', 'B', 1);
    let s = host.dump().sheets[0];
    expect(s.cells.C2).toEqual({ value: 0.95, numberFormat: '0.0%' });
    expect(s.cells.B2).toBeUndefined();
    expect(s.merges).toEqual(['D2:D4', 'A6:C6']);
    expect(s.columnWidths).toEqual({ A: 40, D: 20 });
    host.deleteColumns('Tập thể', 'B', 1);
    s = host.dump().sheets[0];
    expect(s).toEqual(model().sheets[0]);
    host.deleteColumns('Tập thể', 'A', 2);
    s = host.dump().sheets[0];
    expect(s.cells.A1).toEqual({ value: 'Ghi chú' });
    expect(s.merges).toEqual(['A2:A4']);
    expect(s.columnWidths).toEqual({ A: 20 });
  });

  it('sort: a stable sort of whole rows of the range; blanks last both ways; fills, notes, comments move', () => {
    const cells: WorkbookModel['sheets'][0]['cells'] = {
      A1: { value: 'Tên' },
      B1: { value: 'Điểm' },
      A2: { value: 'b', fill: '#FFFF00' },
      B2: { value: 2 },
      A3: { value: 'a', note: 'n' },
      B3: { value: 1 },
      A4: { value: 'blank' },
      A5: { value: 'c' },
      B5: { value: 2, comment: 'c' },
      A6: { value: 'text' },
      B6: { value: 'x' },
      D2: { value: 'outside the range stays' },
    };
    const host = new ExcelHost({ sheets: [{ name: 'S', cells }] });
    host.sort('S', 'A2:B6', 'B', false);
    const col = (h: ExcelHost) => [2, 3, 4, 5, 6].map((r) => h.cell('S', `A${r}`)?.value);
    expect(col(host)).toEqual(['a', 'b', 'c', 'text', 'blank']);
    expect(host.cell('S', 'A2')).toEqual({ value: 'a', note: 'n' });
    expect(host.cell('S', 'A3')).toEqual({ value: 'b', fill: '#FFFF00' });
    expect(host.cell('S', 'B4')).toEqual({ value: 2, comment: 'c' });
    expect(host.cell('S', 'D2')!.value).toBe('outside the range stays');
    const down = new ExcelHost({ sheets: [{ name: 'S', cells }] });
    down.sort('S', 'A2:B6', 'B', true);
    // Descending: text above numbers, equal keys keep their order (b before c), blank still last.
    expect(col(down)).toEqual(['text', 'b', 'c', 'a', 'blank']);
  });

  it('sort is refused over merged cells, as Excel refuses it', () => {
    const host = new ExcelHost(model());
    expect(() => host.sort('Tập thể', 'A2:C5', 'B')).toThrow(expect.objectContaining({ code: 'MergedRangeConflict' }));
    expect(host.dump()).toEqual(model());
  });

  it('setCell: a value typed, a fill or note set, null removes the fill or the note', () => {
    const host = new ExcelHost(model());
    host.setCell('Tập thể', 'A2', { fill: null, note: null, value: 'Phòng B mới' });
    expect(host.cell('Tập thể', 'A2')).toEqual({ value: 'Phòng B mới' });
    host.setCell('Tập thể', 'Z9', { fill: '#00B050', note: 'mới' });
    expect(host.cell('Tập thể', 'Z9')).toEqual({ value: null, fill: '#00B050', note: 'mới' });
    host.setCell('Tập thể', 'Z9', { fill: null, note: null });
    expect(host.cell('Tập thể', 'Z9')).toBeUndefined();
  });
});

describe('a note or comment loaded before a co-author moves its cell follows the cell', () => {
  // Between two requests of one Excel.run another user inserts a row, deletes one or sorts: the items
  // loaded in the first request are the notes themselves, not their old addresses.
  const moves: [string, (host: ExcelHost) => void, string, string][] = [
    ['insertRows', (host) => host.insertRows('Tập thể', 2, 1), 'A3', 'B4'],
    ['deleteRows', (host) => host.deleteRows('Tập thể', 1, 1), 'A1', 'B2'],
    ['sort', (host) => host.sort('Tập thể', 'A2:B5', 'A'), 'A3', 'B2'],
  ];
  for (const wire of [false, true]) {
    it.each(moves)(`${wire ? "through Microsoft's library" : 'on the proxies'}: %s`, async (_name, move, noteAt, commentAt) => {
      const host = new ExcelHost(model(), wire ? { library: excelLibrary() } : {});
      const g = host.globals() as unknown as { Excel: { run: <R>(cb: (ctx: Ctx) => Promise<R>) => Promise<R> } };
      await g.Excel.run(async (ctx) => {
        const notes = ctx.workbook.notes.load('items/content');
        const comments = ctx.workbook.comments.load('items/content');
        const byAddress = ctx.workbook.notes.getItemOrNullObject("'Tập thể'!A2").load('content');
        await ctx.sync();
        move(host);
        notes.items[0].content = 'đã sửa';
        comments.items[0].content = 'luồng đã sửa';
        await ctx.sync();
        byAddress.content = 'sửa lần hai';
        await ctx.sync();
      });
      const s = host.dump().sheets[0];
      expect(s.cells[noteAt]).toMatchObject({ value: 'Phòng B', note: 'sửa lần hai' });
      expect(s.cells[commentAt]).toMatchObject({ value: 0.9, comment: 'luồng đã sửa' });
    });
  }
});

describe('sheets: rename, delete, visibility', () => {
  it('deletes a hidden or very hidden sheet; never the last visible one', async () => {
    const host = new ExcelHost({ sheets: [...model().sheets, { name: '_ThiDuaCCHC', cells: { A1: { value: 'k' } }, visibility: 'VeryHidden' }] });
    const seen = await run(host, async (ctx) => {
      const ws = ctx.workbook.worksheets;
      ws.load('items/name,items/visibility');
      await ctx.sync();
      return ws.items.map((w) => `${w.name}:${w.visibility}`);
    });
    expect(seen).toContain('_ThiDuaCCHC:VeryHidden');
    host.deleteSheet('_ThiDuaCCHC');
    host.setVisibility('Cá nhân', 'Hidden');
    expect(() => host.deleteSheet('Tập thể')).toThrow(expect.objectContaining({ code: 'InvalidOperation' }));
    expect(() => host.setVisibility('Tập thể', 'VeryHidden')).toThrow(expect.objectContaining({ code: 'InvalidOperation' }));
    host.deleteSheet('Cá nhân');
    expect(host.sheetNames()).toEqual(['Tập thể']);
    expect(() => host.deleteSheet('Không có')).toThrow(expect.objectContaining({ code: 'ItemNotFound' }));
  });

  it('renames as the user would; a taken name is refused', () => {
    const host = new ExcelHost(model());
    expect(() => host.renameSheet('Tập thể', 'cá nhân')).toThrow(expect.objectContaining({ code: 'ItemAlreadyExists' }));
    host.renameSheet('Tập thể', 'TT');
    expect(host.sheetNames()).toEqual(['TT', 'Cá nhân']);
  });
});

describe('protection', () => {
  it('a protected sheet is read, never written: values, fills, notes, comments, formats all fail with AccessDenied', async () => {
    const host = new ExcelHost(model());
    host.protectSheet('Tập thể');
    const read = await run(host, async (ctx) => {
      const ws = ctx.workbook.worksheets;
      ws.load('items/name,items/protection/protected');
      const one = ctx.workbook.worksheets.getItem('Tập thể');
      one.protection.load('protected');
      const r = one.getRange('A2');
      r.load('values');
      await ctx.sync();
      return { all: ws.items.map((w) => [w.name, w.protection.protected]), one: one.protection.protected, v: r.values };
    });
    expect(read).toEqual({ all: [['Tập thể', true], ['Cá nhân', false]], one: true, v: [['Phòng B']] });
    const writes: ((ctx: Ctx) => void)[] = [
      (ctx) => void (ctx.workbook.worksheets.getItem('Tập thể').getRange('A9').values = [['x']]),
      (ctx) => void (ctx.workbook.worksheets.getItem('Tập thể').getRange('A9').format.fill.color = '#FF0000'),
      (ctx) => ctx.workbook.worksheets.getItem('Tập thể').getRange('A2').format.fill.clear(),
      (ctx) => void ctx.workbook.worksheets.getItem('Tập thể').getRanges('A2,A3').format.fill.clear(),
      (ctx) => void ctx.workbook.notes.add("'Tập thể'!A9", 'x'),
      (ctx) => ctx.workbook.notes.getItem("'Tập thể'!A2").delete(),
      (ctx) => void (ctx.workbook.comments.getItemByCell("'Tập thể'!B3").content = 'y'),
      (ctx) => void (ctx.workbook.worksheets.getItem('Tập thể').getRange('A2').numberFormat = [['0']]),
    ];
    for (const w of writes) {
      await expect(
        run(host, async (ctx) => {
          w(ctx);
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'AccessDenied' });
    }
    expect(host.dump()).toEqual({ sheets: [{ ...model().sheets[0], protected: true }, model().sheets[1]] });
    // Other sheets are written as usual; the user is refused too.
    await run(host, async (ctx) => {
      ctx.workbook.worksheets.getItem('Cá nhân').getRange('B1').values = [['ok']];
      await ctx.sync();
    });
    expect(() => host.insertRows('Tập thể', 2)).toThrow(expect.objectContaining({ code: 'AccessDenied' }));
    expect(() => host.setCell('Tập thể', 'A2', { fill: null })).toThrow(expect.objectContaining({ code: 'AccessDenied' }));
    host.protectSheet('Tập thể', false);
    host.setCell('Tập thể', 'A2', { fill: null });
    expect(host.cell('Tập thể', 'A2')!.fill).toBeUndefined();
  });

  it('workbook structure protection: no sheet added, deleted, renamed, hidden — by the add-in or the user', async () => {
    const host = new ExcelHost(model());
    host.protectWorkbook();
    expect(
      await run(host, async (ctx) => {
        ctx.workbook.protection.load('protected');
        await ctx.sync();
        return ctx.workbook.protection.protected;
      }),
    ).toBe(true);
    const writes: ((ctx: Ctx) => void)[] = [
      (ctx) => void ctx.workbook.worksheets.add('Mới'),
      (ctx) => ctx.workbook.worksheets.getItem('Cá nhân').delete(),
      (ctx) => void (ctx.workbook.worksheets.getItem('Cá nhân').name = 'CN'),
      (ctx) => void (ctx.workbook.worksheets.getItem('Cá nhân').visibility = 'VeryHidden'),
    ];
    for (const w of writes) {
      await expect(
        run(host, async (ctx) => {
          w(ctx);
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'AccessDenied' });
    }
    expect(() => host.deleteSheet('Cá nhân')).toThrow(expect.objectContaining({ code: 'AccessDenied' }));
    expect(() => host.renameSheet('Cá nhân', 'CN')).toThrow(expect.objectContaining({ code: 'AccessDenied' }));
    expect(host.dump()).toEqual({ ...model(), structureProtected: true });
    // Cells can still be written.
    await run(host, async (ctx) => {
      ctx.workbook.worksheets.getItem('Cá nhân').getRange('B1').values = [['ok']];
      await ctx.sync();
    });
  });

  it('workbook protection needs ExcelApi 1.7', async () => {
    const host = new ExcelHost(model(), { requirementSets: { ExcelApi: '1.6' } });
    await expect(
      run(host, async (ctx) => {
        ctx.workbook.protection.load('protected');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

describe('another Excel, another moment', () => {
  it('setRequirementSets: the same file in an older Excel (no notes API)', async () => {
    const host = new ExcelHost(model());
    const g = host.globals() as unknown as { Office: typeof Office };
    expect(g.Office.context.requirements.isSetSupported('ExcelApi', '1.18')).toBe(true);
    host.setRequirementSets({ ExcelApi: '1.14' });
    expect(g.Office.context.requirements.isSetSupported('ExcelApi', '1.18')).toBe(false);
    expect(g.Office.context.requirements.isSetSupported('ExcelApi', '1.14')).toBe(true);
    await expect(
      run(host, async (ctx) => {
        ctx.workbook.notes.load('items');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('writing values over part of a merged area fails (MergedRangeConflict); the whole area or its anchor is fine', async () => {
    const host = new ExcelHost(model());
    await expect(
      run(host, async (ctx) => {
        ctx.workbook.worksheets.getItem('Tập thể').getRange('C3:C5').values = [['a'], ['b'], ['c']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'MergedRangeConflict' });
    await run(host, async (ctx) => {
      ctx.workbook.worksheets.getItem('Tập thể').getRange('C2').values = [['a']];
      ctx.workbook.worksheets.getItem('Tập thể').getRange('C1:C4').values = [['h'], ['a'], [''], ['']];
      await ctx.sync();
    });
  });

  it('a response over 5 MB fails also for cell properties, as Excel on the web refuses it', async () => {
    const cells: WorkbookModel['sheets'][0]['cells'] = {};
    const host = new ExcelHost({ sheets: [{ name: 'S', cells }] });
    // 100,000 cells × ~60 bytes of fill properties ≈ 6 MB back.
    await expect(
      run(host, async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:A100000').getCellProperties({ format: { fill: { color: true, pattern: true } } });
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(host.responseSizes[0]).toBeGreaterThan(5 * 1024 * 1024);
  });
});
