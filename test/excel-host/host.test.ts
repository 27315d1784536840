/** The test host is strict where Office.js is: these tests prove each rule can fail a caller. */
import { ExcelHost } from '../../tools/excel-host/host';
import type { WorkbookModel } from '../../tools/excel-host/model';

type Ctx = Excel.RequestContext;

const model = (): WorkbookModel => ({
  sheets: [
    {
      name: 'Tập thể',
      cells: { A1: { value: 'Tên đơn vị' }, B1: { value: 'Tỷ lệ' }, A2: { value: 'Sở Nội vụ' }, B2: { value: 0.985, numberFormat: '0.0%' }, B3: { value: { error: '#DIV/0!' } } },
      merges: ['A4:B4'],
    },
  ],
});

function excel(host: ExcelHost): { run: <T>(cb: (ctx: Ctx) => Promise<T>) => Promise<T>; Office: typeof Office } {
  const g = host.globals() as unknown as { Excel: { run: <T>(cb: (ctx: Ctx) => Promise<T>) => Promise<T> }; Office: typeof Office };
  return { run: g.Excel.run, Office: g.Office };
}

describe('strict Excel test host', () => {
  it('throws PropertyNotLoaded for a property not loaded, or loaded but not yet synced', async () => {
    const host = new ExcelHost(model());
    await excel(host).run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Tập thể').getRange('A1:B3');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(range.values).toEqual([
        ['Tên đơn vị', 'Tỷ lệ'],
        ['Sở Nội vụ', 0.985],
        ['', '#DIV/0!'],
      ]);
      expect(() => range.numberFormat).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const ws = ctx.workbook.worksheets;
      expect(() => ws.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const missing = ws.getItemOrNullObject('Không có');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
    });
  });

  it('counts syncs, including the one Excel.run makes for what is left queued', async () => {
    const host = new ExcelHost(model());
    await excel(host).run(async (ctx) => {
      ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Tập thể').getRange('C1').values = [['x']];
    });
    // Microsoft's library sends no request for a sync with nothing queued (viaLibrary.test.ts).
    expect(host.syncCount).toBe(host.library ? 2 : 3);
    expect(host.cell('Tập thể', 'C1')!.value).toBe('x');
  });

  it('applies writes only at sync', async () => {
    const host = new ExcelHost(model());
    await excel(host).run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Tập thể').getRange('A2');
      r.format.fill.color = '#FFC7CE';
      ctx.workbook.notes.add("'Tập thể'!A2", 'ghi chú');
      expect(host.cell('Tập thể', 'A2')!.fill).toBeUndefined();
      expect(host.cell('Tập thể', 'A2')!.note).toBeUndefined();
      await ctx.sync();
      expect(host.cell('Tập thể', 'A2')).toMatchObject({ fill: '#FFC7CE', note: 'ghi chú' });
    });
  });

  it('fails a request over 5 MB and applies none of it', async () => {
    const host = new ExcelHost(model());
    const big = 'x'.repeat(1024 * 1024);
    await expect(
      excel(host).run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Tập thể');
        for (let i = 0; i < 6; i++) ws.getRange(`D${i + 1}`).values = [[big]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(host.cell('Tập thể', 'D1')).toBeUndefined();
    // Under the cap the same writes pass.
    await excel(host).run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Tập thể');
      for (let i = 0; i < 4; i++) ws.getRange(`D${i + 1}`).values = [[big]];
      await ctx.sync();
    });
    expect(host.cell('Tập thể', 'D4')!.value).toBe(big);
  });

  it('fails a response over 5 MB (a read too large for one request)', async () => {
    const cells: Record<string, { value: string }> = {};
    for (let i = 1; i <= 6; i++) cells[`A${i}`] = { value: 'y'.repeat(1024 * 1024) };
    const host = new ExcelHost({ sheets: [{ name: 'Big', cells }] });
    await expect(
      excel(host).run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Big').getRange('A1:A6').load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    await excel(host).run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Big').getRange('A1:A4').load('values');
      await ctx.sync();
    });
    expect(host.responseSizes[1]).toBeGreaterThan(4 * 1024 * 1024);
  });

  it('switches requirement sets off: isSetSupported and the API itself', async () => {
    const host = new ExcelHost(model());
    const { Office: office, run } = excel(host);
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.18')).toBe(true);
    host.disable('ExcelApi', '1.18');
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.18')).toBe(false);
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.17')).toBe(true);
    await expect(
      run(async (ctx) => {
        ctx.workbook.notes.add("'Tập thể'!A2", 'x');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    host.disable('ExcelApi', '1.10');
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(false);
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Tập thể').getRange('A1:B4').getMergedAreasOrNullObject().load('address');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('rejects Excel.run in cell-edit mode', async () => {
    const host = new ExcelHost(model());
    host.setCellEditMode(true);
    await expect(
      excel(host).run(async (ctx) => {
        ctx.workbook.worksheets.load('items/name');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  });

  it('caps getRanges address lists at ~8k characters', async () => {
    const host = new ExcelHost(model());
    const list = Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(',');
    expect(list.length).toBeGreaterThan(8192);
    await expect(
      excel(host).run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Tập thể').getRanges(list).format.fill.color = '#FFEB9C';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('reports no fill as white, merges, used range; round-trips its model', async () => {
    const host = new ExcelHost(model());
    await excel(host).run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Tập thể');
      const used = ws.getUsedRange(true);
      used.load('address,rowIndex,columnIndex,rowCount,columnCount');
      const merged = used.getMergedAreasOrNullObject();
      merged.load('address');
      const props = ws.getRange('A2:A2').getCellProperties({ format: { fill: { color: true, pattern: true } } });
      await ctx.sync();
      expect(used.address).toBe("'Tập thể'!A1:B3");
      expect(merged.isNullObject).toBe(true); // A4:B4 is outside the values-only used range
      expect(props.value[0][0].format!.fill).toEqual({ color: '#FFFFFF', pattern: null });
    });
    expect(host.dump()).toEqual(model());
  });

  it('converts text that reads as a number or boolean, as Excel does, unless it starts with an apostrophe', async () => {
    const host = new ExcelHost(model());
    await excel(host).run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Tập thể').getRange('C1:C5').values = [['5'], ['98.5%'], ['TRUE'], ["'5"], ['Sở 5']];
      await ctx.sync();
    });
    expect(['C1', 'C2', 'C3', 'C4', 'C5'].map((c) => host.cell('Tập thể', c)!.value)).toEqual([5, 0.985, true, '5', 'Sở 5']);
  });

  it('refuses to write workbook text as a formula', async () => {
    const host = new ExcelHost(model());
    await expect(
      excel(host).run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Tập thể').getRange('C1').values = [['=1+1']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('refuses a note address whose sheet name needs quotes and has none', async () => {
    const m = model();
    m.sheets.push({ name: 'TT2024', cells: { A1: { value: 'x' } } });
    const host = new ExcelHost(m);
    const add = (address: string) => excel(host).run(async (ctx) => void ctx.workbook.notes.add(address, 'n'));
    await expect(add('Tập thể!A2')).rejects.toMatchObject({ code: 'InvalidCellAddress' });
    await expect(add('TT2024!A1')).rejects.toMatchObject({ code: 'InvalidCellAddress' }); // reads as cell TT2024
    await add("'Tập thể'!A2");
    await add("'TT2024'!A1");
    expect(host.cell('Tập thể', 'A2')!.note).toBe('n');
    expect(host.cell('TT2024', 'A1')!.note).toBe('n');
  });

  it('renames sheets under the rules of Excel', async () => {
    const m = model();
    m.sheets.push({ name: 'Khác', cells: {} });
    const host = new ExcelHost(m);
    const rename = (from: string, to: string) => excel(host).run(async (ctx) => void (ctx.workbook.worksheets.getItem(from).name = to));
    await expect(rename('Khác', 'tập THỂ')).rejects.toMatchObject({ code: 'ItemAlreadyExists' }); // names ignore case
    await expect(rename('Khác', 'a/b')).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(rename('Khác', "'x")).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(rename('Khác', 'x'.repeat(32))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await rename('Khác', 'Đổi tên');
    expect(host.sheetNames()).toEqual(['Tập thể', 'Đổi tên']);
  });

  it('a request failing part-way keeps what ran before the failure (no rollback), like Excel', async () => {
    const host = new ExcelHost(model());
    host.failAfterActions(1);
    await expect(
      excel(host).run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Tập thể');
        ws.getRange('C1').values = [['trước']];
        ws.getRange('C2').values = [['sau']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    expect(host.cell('Tập thể', 'C1')!.value).toBe('trước');
    expect(host.cell('Tập thể', 'C2')).toBeUndefined();
    // One failure only: the next request runs.
    await excel(host).run(async (ctx) => void (ctx.workbook.worksheets.getItem('Tập thể').getRange('C2').values = [['sau']]));
    expect(host.cell('Tập thể', 'C2')!.value).toBe('sau');
  });

  it('keeps one note or one threaded comment per cell, never both', async () => {
    const host = new ExcelHost(model());
    host.setCell('Tập thể', 'A2', { comment: 'Bình luận' });
    host.setCell('Tập thể', 'B2', { note: 'Ghi chú' });
    const run = (cb: (ctx: Ctx) => void) => excel(host).run(async (ctx) => cb(ctx));
    await expect(run((ctx) => ctx.workbook.notes.add("'Tập thể'!A2", 'n'))).rejects.toMatchObject({ code: 'InvalidOperation' });
    await expect(run((ctx) => ctx.workbook.comments.add("'Tập thể'!B2", 'c'))).rejects.toMatchObject({ code: 'InvalidOperation' });
    await run((ctx) => ctx.workbook.comments.getItemByCell("'Tập thể'!A2").delete());
    await run((ctx) => ctx.workbook.notes.add("'Tập thể'!A2", 'n'));
    expect(host.cell('Tập thể', 'A2')).toMatchObject({ note: 'n' });
    expect(host.cell('Tập thể', 'A2')!.comment).toBeUndefined();
  });
});


describe('charts (a minimal model, strict like the rest)', () => {
  it('records a chart at sync only, with its source, title and position; a bad type or a cross-sheet source fails', async () => {
    const host = new ExcelHost({ sheets: [{ name: 'A', cells: { A1: { value: 'x' }, B1: { value: 1 } } }, { name: 'B', cells: {} }] });
    const { Excel } = host.globals() as { Excel: { run: <T>(b: (ctx: any) => Promise<T>) => Promise<T> } };
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('A');
      const chart = ws.charts.add('BarClustered', ws.getRange('A1:B1'), 'Columns');
      chart.title.text = 'T';
      chart.setPosition('D1', 'H10');
      expect(host.dump().sheets[0].charts).toBeUndefined();
      // Microsoft's library gives back what the batch set; the proxies, stricter, only what was loaded.
      if (host.library) expect(chart.title.text).toBe('T');
      else expect(() => chart.title.text).toThrow(/not available/);
      await ctx.sync();
    });
    expect(host.dump().sheets[0].charts).toEqual([{ type: 'BarClustered', source: 'A1:B1', seriesBy: 'Columns', title: 'T', position: { start: 'D1', end: 'H10' } }]);
    await expect(Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('A');
      ws.charts.add('Radar3D', ws.getRange('A1:B1'), 'Columns');
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('A');
      ws.charts.add('BarClustered', ctx.workbook.worksheets.getItem('B').getRange('A1'), 'Columns');
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

/**
 * Excel as Microsoft documents it: one test per rule of the README's "Documented rules" table, each
 * named after its rule.
 */
describe('documented rules: the printed result sheet (row heights, font size, page layout, footer)', () => {
  const one = (): WorkbookModel => ({ sheets: [{ name: 'A', cells: { A1: { value: 'x' } } }] });

  it('rule row-height: 0–409 points on a range and on areas; 410 fails InvalidArgument and sets nothing', async () => {
    const host = new ExcelHost(one());
    const { run } = excel(host);
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('A');
      ws.getRange('A1:A2').format.rowHeight = 409;
      ws.getRanges('A4, A6').format.rowHeight = 0;
    });
    expect(host.workbook.sheet('A')!.rowHeights).toEqual({ 0: 409, 1: 409, 3: 0, 5: 0 });
    for (const set of [(ws: Excel.Worksheet) => void (ws.getRange('A8').format.rowHeight = 410), (ws: Excel.Worksheet) => void (ws.getRanges('A8, A9').format.rowHeight = 409.5)]) {
      await expect(run(async (ctx) => set(ctx.workbook.worksheets.getItem('A')))).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
    expect(host.workbook.sheet('A')!.rowHeights[7]).toBeUndefined();
  });

  it('rule font-size: 1–409 points; 0 and 410 fail InvalidArgument', async () => {
    const host = new ExcelHost(one());
    const { run } = excel(host);
    await run(async (ctx) => void (ctx.workbook.worksheets.getItem('A').getRange('A1:C3').format.font.size = 409));
    expect(host.workbook.sheet('A')!.fontSizes).toEqual([{ range: 'A1:C3', size: 409 }]);
    for (const size of [0, 410]) {
      await expect(run(async (ctx) => void (ctx.workbook.worksheets.getItem('A').getRange('A1').format.font.size = size))).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
  });

  it('rule page-layout: ExcelApi 1.9; the typings\' paper sizes and orientations, a zoom scale of 10–400, margins ≥ 0, print titles as rows', async () => {
    const host = new ExcelHost(one());
    const { run } = excel(host);
    await run(async (ctx) => {
      const page = ctx.workbook.worksheets.getItem('A').pageLayout;
      page.orientation = 'Landscape';
      page.paperSize = 'B5';
      page.zoom = { scale: 10 };
      page.leftMargin = 0;
      page.setPrintTitleRows('$3:$3');
    });
    expect(host.workbook.sheet('A')!.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'B5', zoom: { scale: 10 }, margins: { leftMargin: 0 }, printTitleRows: '$3:$3' });
    const bad: ((p: Excel.PageLayout) => void)[] = [
      (p) => void (p.paperSize = 'A9' as Excel.PaperType),
      (p) => void (p.orientation = 'Sideways' as Excel.PageOrientation),
      (p) => void (p.zoom = { scale: 401 }),
      (p) => void (p.topMargin = -1),
      (p) => p.setPrintTitleRows('A1:B2'),
    ];
    for (const set of bad) await expect(run(async (ctx) => set(ctx.workbook.worksheets.getItem('A').pageLayout))).rejects.toMatchObject({ code: 'InvalidArgument' });
    host.disable('ExcelApi', '1.9');
    await expect(run(async (ctx) => void (ctx.workbook.worksheets.getItem('A').pageLayout.orientation = 'Portrait'))).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('rule header-footer-255: the footer\'s three sections with their codes hold at most 255 characters', async () => {
    const host = new ExcelHost(one());
    const { run } = excel(host);
    // "&L" + 200 + "&C" + 49 = 253; "&R" + 1 more = 256.
    await run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItem('A').pageLayout.headersFooters.defaultForAllPages;
      f.leftFooter = 'x'.repeat(200);
      f.centerFooter = 'y'.repeat(49);
      f.leftHeader = 'z'.repeat(250);
    });
    await expect(run(async (ctx) => void (ctx.workbook.worksheets.getItem('A').pageLayout.headersFooters.defaultForAllPages.rightFooter = 'w'))).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(host.workbook.sheet('A')!.pageLayout.footer.rightFooter).toBeUndefined();
  });
});

describe('documented rules', () => {
  it('rule delete-very-hidden: deleting a very hidden sheet fails InvalidOperation; hidden first, it goes', async () => {
    const host = new ExcelHost({ sheets: [{ name: 'A', cells: {} }, { name: 'S', cells: {}, visibility: 'VeryHidden' }] });
    const { run } = excel(host);
    await expect(run(async (ctx) => ctx.workbook.worksheets.getItem('S').delete())).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(host.sheetNames()).toEqual(['A', 'S']);
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.visibility = 'Hidden';
      ws.delete();
    });
    expect(host.sheetNames()).toEqual(['A']);
  });

  it('rule fill-white-none: no fill and a white fill both read #FFFFFF with pattern null; tintAndShade is null for no fill only', async () => {
    const host = new ExcelHost({ sheets: [{ name: 'A', cells: { A1: { value: 1 }, A2: { value: 2, fill: '#FFFFFF' }, A3: { value: 3, fill: '#FFC7CE' } } }] });
    await excel(host).run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('A');
      const props = ws.getRange('A1:A3').getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
      const fills = ['A1', 'A2', 'A3'].map((a) => ws.getRange(a).format.fill.load('color,pattern,tintAndShade'));
      await ctx.sync();
      expect(props.value.map((r) => r[0].format!.fill)).toEqual([
        { color: '#FFFFFF', pattern: null, tintAndShade: null },
        { color: '#FFFFFF', pattern: null, tintAndShade: 0 },
        { color: '#FFC7CE', pattern: 'Solid', tintAndShade: 0 },
      ]);
      expect(fills.map((f) => [f.color, f.pattern, f.tintAndShade])).toEqual([
        ['#FFFFFF', null, null],
        ['#FFFFFF', null, 0],
        ['#FFC7CE', 'Solid', 0],
      ]);
    });
  });

  it('rule merged-top-left: getMergedAreasOrNullObject gives only the areas whose top-left cell is in the range', async () => {
    const host = new ExcelHost({ sheets: [{ name: 'A', cells: { A1: { value: 'x' } }, merges: ['A1:B2', 'C3:D3'] }] });
    await excel(host).run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('A');
      const fromB2 = ws.getRange('B2:D3').getMergedAreasOrNullObject();
      fromB2.load('address');
      const fromA2 = ws.getRange('A2:B2').getMergedAreasOrNullObject();
      fromA2.load('address');
      await ctx.sync();
      expect(fromB2.address).toBe('A!C3:D3'); // A1:B2 reaches B2 but starts outside
      expect(fromA2.isNullObject).toBe(true);
    });
  });

  it('rule merged-512: more than 512 merged areas in the range fail; 512 pass', async () => {
    const merges = Array.from({ length: 513 }, (_, i) => `A${i + 1}:B${i + 1}`);
    const host = new ExcelHost({ sheets: [{ name: 'A', cells: { A1: { value: 'x' } }, merges }] });
    const areas = (address: string) =>
      excel(host).run(async (ctx) => {
        const m = ctx.workbook.worksheets.getItem('A').getRange(address).getMergedAreasOrNullObject();
        m.load('areaCount');
        await ctx.sync();
        return m.areaCount;
      });
    await expect(areas('A1:B513')).rejects.toMatchObject({ code: 'GeneralException' });
    await expect(areas('A1:B512')).resolves.toBe(512);
  });

  it('rule comments-not-implemented: a build reporting ExcelApi 1.10 may refuse comments.add with NotImplemented', async () => {
    const host = new ExcelHost(model(), { requirementSets: { ExcelApi: '1.14' }, commentsNotImplemented: true });
    const { run, Office } = excel(host);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.10')).toBe(true);
    await expect(run(async (ctx) => void ctx.workbook.comments.add("'Tập thể'!A2", 'c'))).rejects.toMatchObject({ code: 'NotImplemented' });
    expect(host.cell('Tập thể', 'A2')!.comment).toBeUndefined();
    // Reading the collection still works, as in the log.
    await run(async (ctx) => {
      const c = ctx.workbook.comments.load('items');
      await ctx.sync();
      expect(c.items).toEqual([]);
    });
  });

  it('rule payload-general-exception: an oversized request can fail as GeneralException, applying nothing', async () => {
    const host = new ExcelHost(model(), { payloadError: 'GeneralException' });
    const big = 'x'.repeat(1024 * 1024);
    await expect(
      excel(host).run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Tập thể');
        for (let i = 0; i < 6; i++) ws.getRange(`D${i + 1}`).values = [[big]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    expect(host.cell('Tập thể', 'D1')).toBeUndefined();
  });

  it('rule note-address: notes.add refuses an address without its sheet, an invalid one or more than one cell with InvalidCellAddress', async () => {
    const host = new ExcelHost(model());
    const add = (address: string) => excel(host).run(async (ctx) => void ctx.workbook.notes.add(address, 'n'));
    await expect(add('A2')).rejects.toMatchObject({ code: 'InvalidCellAddress' });
    await expect(add("'Tập thể'!A2:B2")).rejects.toMatchObject({ code: 'InvalidCellAddress' });
    await expect(add("'Tập thể'!2A")).rejects.toMatchObject({ code: 'InvalidCellAddress' });
    await add("'Tập thể'!A2");
    expect(host.cell('Tập thể', 'A2')!.note).toBe('n');
  });

  it('rule comment-address: comments.add needs the full address with the sheet name, and one cell (InvalidArgument)', async () => {
    const host = new ExcelHost(model());
    const add = (address: string) => excel(host).run(async (ctx) => void ctx.workbook.comments.add(address, 'c'));
    await expect(add('A2')).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(add("'Tập thể'!A2:A3")).rejects.toMatchObject({ code: 'InvalidArgument' });
    await add("'Tập thể'!A2");
    expect(host.cell('Tập thể', 'A2')!.comment).toBe('c');
  });

  it('rule undo-1.20: before ExcelApi 1.20 every write clears the undo stack; from 1.20 only deleting a sheet (and, off the web, renaming or hiding one)', async () => {
    const act = async (options: ConstructorParameters<typeof ExcelHost>[1], cb: (ctx: Ctx) => void) => {
      const host = new ExcelHost({ sheets: [{ name: 'A', cells: {} }, { name: 'B', cells: {} }] }, options);
      await excel(host).run(async (ctx) => cb(ctx));
      return host.undoClearedBy;
    };
    const write = (ctx: Ctx) => void (ctx.workbook.worksheets.getItem('A').getRange('A1').values = [[1]]);
    const rename = (ctx: Ctx) => void (ctx.workbook.worksheets.getItem('B').name = 'C');
    const remove = (ctx: Ctx) => ctx.workbook.worksheets.getItem('B').delete();
    expect(await act({ requirementSets: { ExcelApi: '1.19' } }, write)).toEqual(['Range.values']);
    expect(await act({ platform: 'web' }, write)).toEqual([]);
    expect(await act({ platform: 'web' }, rename)).toEqual([]);
    expect(await act({ platform: 'windows' }, rename)).toEqual(['Worksheet.name']);
    expect(await act({ platform: 'web' }, remove)).toEqual(['Worksheet.delete']);
  });
});
