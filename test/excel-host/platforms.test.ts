/**
 * The host plays the platform it is given as Microsoft documents it (tools/excel-host/platforms.ts):
 * what Office reports, the requirement sets, the 5 MB cap on the web only, openBrowserWindow off the
 * web; and another user's edit landing during the add-in's action (co-authoring).
 */
import { ExcelHost } from '../../tools/excel-host/host';
import { PLATFORMS } from '../../tools/excel-host/platforms';
import type { WorkbookModel } from '../../tools/excel-host/model';

type Ctx = Excel.RequestContext;

const model = (): WorkbookModel => ({ sheets: [{ name: 'S', cells: { A1: { value: 'a' }, A2: { value: 'b' } } }] });

function excel(host: ExcelHost): { run: <T>(cb: (ctx: Ctx) => Promise<T>) => Promise<T>; Office: typeof Office } {
  const g = host.globals() as unknown as { Excel: { run: <T>(cb: (ctx: Ctx) => Promise<T>) => Promise<T> }; Office: typeof Office };
  return { run: g.Excel.run, Office: g.Office };
}

/** Writes ~6 MB in one request. */
async function writeSixMegabytes(host: ExcelHost): Promise<void> {
  const big = 'x'.repeat(1024 * 1024);
  await excel(host).run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('S');
    for (let i = 0; i < 6; i++) ws.getRange(`B${i + 1}`).values = [[big]];
    await ctx.sync();
  });
}

describe('platforms', () => {
  it.each([
    ['web', 'OfficeOnline', false],
    ['windows', 'PC', true],
    ['mac', 'Mac', true],
    ['ipad', 'iOS', true],
  ] as const)('%s: Office.context.platform and diagnostics say %s; openBrowserWindow %s', (name, office, browser) => {
    const host = new ExcelHost(model(), { platform: name });
    const { Office: o } = excel(host);
    expect(o.context.platform).toBe(office);
    expect(o.context.diagnostics).toEqual({ host: 'Excel', platform: office, version: PLATFORMS[name].version });
    // Every current build has ExcelApi 1.20 (undo of add-in writes), none has 1.21.
    expect(o.context.requirements.isSetSupported('ExcelApi', '1.20')).toBe(true);
    expect(o.context.requirements.isSetSupported('ExcelApi', '1.21')).toBe(false);
    expect(o.context.requirements.isSetSupported('ExcelApiOnline', '1.1')).toBe(name === 'web');
    expect(o.context.requirements.isSetSupported('OpenBrowserWindowApi', '1.1')).toBe(browser);
    if (browser) {
      o.context.ui.openBrowserWindow('https://example.org/luu-tep.html');
      expect(host.openedBrowserUrls()).toEqual(['https://example.org/luu-tep.html']);
    } else {
      expect(() => o.context.ui.openBrowserWindow('https://example.org/luu-tep.html')).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    }
  });

  it('takes Office.PlatformType names too, and defaults to the web', () => {
    expect(new ExcelHost(model(), { platform: 'PC' }).profile.name).toBe('windows');
    expect(new ExcelHost(model(), { platform: 'iOS' }).profile.name).toBe('ipad');
    expect(new ExcelHost(model()).platform).toBe('OfficeOnline');
    expect(() => new ExcelHost(model(), { platform: 'Android' })).toThrow(/Unknown platform/);
  });

  it('a build of the platform: its requirement sets replace those of a current build, set by set', () => {
    const host = new ExcelHost(model(), { platform: 'windows', requirementSets: { ExcelApi: '1.14' } });
    const { Office: o } = excel(host);
    expect(o.context.requirements.isSetSupported('ExcelApi', '1.14')).toBe(true);
    expect(o.context.requirements.isSetSupported('ExcelApi', '1.15')).toBe(false);
    expect(o.context.requirements.isSetSupported('OpenBrowserWindowApi', '1.1')).toBe(true);
  });

  it('refuses a request over 5 MB on the web only', async () => {
    await expect(writeSixMegabytes(new ExcelHost(model(), { platform: 'web' }))).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    for (const name of ['windows', 'mac', 'ipad']) {
      const host = new ExcelHost(model(), { platform: name });
      await writeSixMegabytes(host);
      expect(host.requestSizes[0]).toBeGreaterThan(6 * 1024 * 1024);
      expect(String(host.cell('S', 'B6')?.value).length).toBe(1024 * 1024);
    }
  });

  it('refuses a response over 5 MB on the web only', async () => {
    const cells: WorkbookModel['sheets'][0]['cells'] = {};
    for (let i = 1; i <= 6; i++) cells[`A${i}`] = { value: 'y'.repeat(1024 * 1024) };
    const read = (host: ExcelHost) =>
      excel(host).run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('Big').getRange('A1:A6').load('values');
        await ctx.sync();
        return r.values.length;
      });
    await expect(read(new ExcelHost({ sheets: [{ name: 'Big', cells }] }, { platform: 'web' }))).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    await expect(read(new ExcelHost({ sheets: [{ name: 'Big', cells }] }, { platform: 'mac' }))).resolves.toBe(6);
  });
});

describe('co-authoring: another user edits while the add-in works', () => {
  it('by default the edit lands after the reads, just before the first request that writes', async () => {
    const host = new ExcelHost(model());
    const status = host.coAuthor(() => host.setCell('S', 'A1', { value: 'their edit' }));
    const seen = await excel(host).run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const first = ws.getRange('A1').load('values');
      await ctx.sync();
      const second = ws.getRange('A1').load('values');
      await ctx.sync();
      // The add-in writes what it decided from its reads, next to the cell it read.
      ws.getRange('B1').values = [[`saw ${second.values[0][0]}`]];
      await ctx.sync();
      const third = ws.getRange('A1').load('values');
      await ctx.sync();
      return [first.values[0][0], second.values[0][0], third.values[0][0]];
    });
    expect(seen).toEqual(['a', 'a', 'their edit']);
    expect(status).toEqual({ landed: true, afterRequests: 2 });
    // Both edits are kept: theirs, and the add-in's written from what it had read.
    expect(host.cell('S', 'A1')?.value).toBe('their edit');
    expect(host.cell('S', 'B1')?.value).toBe('saw a');
  });

  it('after a given number of requests; a row inserted moves the cells the add-in addresses', async () => {
    const host = new ExcelHost(model());
    const status = host.coAuthor(() => host.insertRows('S', 1, 1), 1);
    await excel(host).run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A1').load('values');
      await ctx.sync();
      // Addressed as read: A1 is now the new, empty row; "a" moved to A2.
      ws.getRange('A1').format.fill.color = '#FFC7CE';
      await ctx.sync();
    });
    expect(status).toEqual({ landed: true, afterRequests: 1 });
    expect(host.cell('S', 'A1')).toEqual({ value: null, fill: '#FFC7CE' });
    expect(host.cell('S', 'A2')?.value).toBe('a');
  });

  it('an edit Excel refuses (a protected sheet) is reported, not applied; what waits lands with landPending', async () => {
    const host = new ExcelHost(model());
    host.protectSheet('S', true);
    const refused = host.coAuthor(() => host.setCell('S', 'A1', { value: 'no' }), 0);
    await excel(host).run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').load('values');
      await ctx.sync();
    });
    expect(refused.landed).toBe(false);
    expect(refused.error).toMatchObject({ code: 'AccessDenied' });
    host.protectSheet('S', false);
    const waiting = host.coAuthor(() => host.setCell('S', 'A2', { value: 'later' }));
    await excel(host).run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').load('values');
      await ctx.sync();
    });
    expect(waiting.landed).toBe(false);
    expect(host.coAuthorsPending).toBe(1);
    host.landPending();
    expect(waiting).toEqual({ landed: true, afterRequests: 1 });
    expect(host.cell('S', 'A2')?.value).toBe('later');
  });
});
