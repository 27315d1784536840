/**
 * The host at the wire level: Microsoft's Excel client library (@microsoft/office-js) builds the
 * requests, the host answers them (tools/excel-host/wire/).
 */
import { REQUEST_LIMIT } from '../../tools/excel-host/api';
import { ExcelHost } from '../../tools/excel-host/host';
import type { WorkbookModel } from '../../tools/excel-host/model';
import { utf8Bytes } from '../../tools/excel-host/wire/responder';
import { excelLibrary } from '../../tools/excel-host/wire/node';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

const library = excelLibrary();
const OE = library.OfficeExtension;

interface Sent {
  url: string;
  body: string;
  response: string;
}

/** Every request the library sends, with the host's answer, seen at the library's HTTP boundary. */
const sent: Sent[] = [];
const send = OE.HttpUtility.s_customSendRequestFunc as (r: any) => Promise<{ body: string }>;
beforeAll(() => {
  OE.HttpUtility.setCustomSendRequestFunc(async (request: any) => {
    const response = await send(request);
    sent.push({ url: request.url, body: OE.CoreUtility._getRequestBodyText(request), response: response.body });
    return response;
  });
});
afterAll(() => OE.HttpUtility.setCustomSendRequestFunc(send));
beforeEach(() => void (sent.length = 0));
/** The add-in's requests, without the library's release of tracked objects at the end of Excel.run. */
const requests = () => sent.filter((s) => !s.body.includes('"_RemoveReference"'));

function model(): WorkbookModel {
  return {
    sheets: [
      { name: 'Data', cells: { A1: { value: 'x' }, B2: { value: 2 } }, merges: ['C1:D1'] },
      { name: 'Locked', cells: {}, protected: true },
    ],
  };
}

function wired(m = model()): { host: ExcelHost; run: Run } {
  const host = new ExcelHost(m, { library });
  const g = host.globals() as { Excel: { run: Run } };
  return { host, run: g.Excel.run };
}

async function failure(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

describe('the host answers Microsoft’s Excel client library at the wire level', () => {
  it('a batch travels as one ProcessQuery request of JSON Actions and ObjectPaths, and its values come back', async () => {
    const { host, run } = wired();
    const values = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1:B2');
      r.load('values,address');
      await ctx.sync();
      return { values: r.values, address: r.address };
    });
    expect(values).toEqual({ values: [['x', ''], ['', 2]], address: 'Data!A1:B2' });
    expect(requests()).toHaveLength(1);
    expect(requests()[0].url).toMatch(/\/ProcessQuery/);
    const body = JSON.parse(requests()[0].body);
    const paths = Object.values(body.ObjectPaths) as { ObjectPathType: number; Name: string; ArgumentInfo?: { Arguments: unknown[] } }[];
    expect(paths.map((p) => p.Name)).toEqual(expect.arrayContaining(['Worksheets', 'GetRange']));
    expect(paths.find((p) => p.Name === 'GetRange')!.ArgumentInfo!.Arguments).toEqual(['A1:B2']);
    expect(body.Actions.find((a: any) => a.ActionType === 2).QueryInfo.Select).toEqual(['values', 'address']);
    expect(host.syncCount).toBe(1);
  });

  it('writes reach the workbook; an object made by a method (add) is used in later requests by reference', async () => {
    const { host, run } = wired();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add('New');
      await ctx.sync();
      ws.getRange('A1:B1').values = [['a', 1]];
      ws.getRange('A1').format.fill.color = '#FF0000';
      await ctx.sync();
    });
    expect(host.cell('New', 'A1')).toEqual({ value: 'a', fill: '#FF0000' });
    expect(host.cell('New', 'B1')).toEqual({ value: 1 });
    expect(requests()[1].body).toMatch(/"ObjectPathType":6/);
  });

  it('reading a property that was not loaded fails in the client library (PropertyNotLoaded), before any request', async () => {
    const { run } = wired();
    const e = await failure(
      run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('Data').getRange('A1');
        return r.values;
      }),
    );
    expect(e).toBeInstanceOf(OE.Error);
    expect(e.code).toBe('PropertyNotLoaded');
    expect(requests()).toHaveLength(0);
  });

  it('an error of the host arrives as OfficeExtension.Error with its code', async () => {
    const { host, run } = wired();
    const e = await failure(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Locked').getRange('A1').values = [['no']];
        await ctx.sync();
      }),
    );
    expect(e).toBeInstanceOf(OE.Error);
    expect(e.code).toBe('AccessDenied');
    expect(JSON.parse(requests()[0].response).Error.Code).toBe('AccessDenied');
    expect(host.cell('Locked', 'A1')).toBeUndefined();
    const missing = await failure(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Nope').load('name');
        await ctx.sync();
      }),
    );
    expect(missing.code).toBe('ItemNotFound');
  });

  it('the library’s API gate refuses an API above the host’s requirement sets, client-side', async () => {
    const { host, run } = wired();
    host.disable('ExcelApi', '1.13');
    const e = await failure(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('A1:D4').getMergedAreasOrNullObject();
        await ctx.sync();
      }),
    );
    expect(e).toBeInstanceOf(OE.Error);
    expect(e.code).toBe('ApiNotFound');
    expect(requests()).toHaveLength(0);
    // The same call on a host with ExcelApi 1.13 goes over the wire.
    const ok = wired();
    const areas = await ok.run(async (ctx) => {
      const m = ctx.workbook.worksheets.getItem('Data').getRange('A1:D4').getMergedAreasOrNullObject();
      m.load('address');
      await ctx.sync();
      return m.address;
    });
    expect(areas).toBe('Data!C1:D1');
  });

  it('notes (ExcelApi 1.18, missing from the npm build) go over the wire through classes added in the library’s style, gated on 1.18', async () => {
    const { host, run } = wired();
    await run(async (ctx) => {
      ctx.workbook.notes.add("'Data'!B2", 'hello');
      await ctx.sync();
      const n = ctx.workbook.notes.getItemOrNullObject("'Data'!B2");
      n.load('content');
      await ctx.sync();
      expect(n.isNullObject).toBe(false);
      expect(n.content).toBe('hello');
    });
    expect(host.cell('Data', 'B2')?.note).toBe('hello');
    expect(requests()[0].body).toMatch(/"Name":"Notes"/);
    host.disable('ExcelApi', '1.18');
    const e = await failure(run(async (ctx) => void ctx.workbook.notes.load('items')));
    expect(e.code).toBe('ApiNotFound');
  });

  it('the 5 MB limit is measured on the real request and response: sizes are the bodies’ bytes; a larger write is refused and applies nothing', async () => {
    const { host, run } = wired();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1:B2');
      r.load('values');
      await ctx.sync();
    });
    expect(host.requestSizes).toEqual([utf8Bytes(requests()[0].body)]);
    expect(host.responseSizes).toEqual([utf8Bytes(requests()[0].response)]);
    // About 5.5 MB of text in 1,000 rows × 10 columns: the library splits it into several actions of one request.
    const big = Array.from({ length: 1000 }, (_, r) => Array.from({ length: 10 }, (_, c) => `${r}-${c}-${'é'.repeat(270)}`));
    sent.length = 0;
    const e = await failure(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('A1:J1000').values = big;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(requests()).toHaveLength(1);
    const bytes = utf8Bytes(requests()[0].body);
    expect(bytes).toBeGreaterThan(REQUEST_LIMIT);
    expect(host.requestSizes[host.requestSizes.length - 1]).toBe(bytes);
    expect(host.cell('Data', 'C3')).toBeUndefined();
    expect(host.cell('Data', 'A1')).toEqual({ value: 'x' });
  });
});
