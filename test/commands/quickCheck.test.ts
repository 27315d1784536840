/**
 * "Kiểm tra nhanh" (ribbon ExecuteFunction) on the strict Excel host: one Excel.run that only reads
 * (the workbook is unchanged: no fill, note or sheet), syncs that do not grow with rows, a report in
 * the dialog, and event.completed() called exactly once — as soon as the dialog is open, before the
 * user closes it; at once when it cannot open, and on errors (cell-edit mode).
 */
import { overview } from '../../src/core/overview';
import { analyze } from '../../src/core/analyze';
import type { QuickReport } from '../../src/commands/quickCheck';
import { generatedWorkbook } from '../../tools/excel-host/generate';
import type { ExcelHost } from '../../tools/excel-host/host';
import { fromGrid, releaseHost, sampleGrid, useHost } from '../excel/support';

type Handler = (arg: unknown) => void;

interface FakeDialog {
  url: string;
  options: unknown;
  handlers: Map<string, Handler>;
  closed: boolean;
}

/** Office.context.ui, Office.actions and the enums the function file uses, over the installed host. */
function officeExtras(mode: 'ok' | 'fail' | 'throw' = 'ok') {
  const g = globalThis as unknown as { Office: Record<string, unknown> & { context: Record<string, unknown> }; location?: unknown };
  const dialogs: FakeDialog[] = [];
  const associated = new Map<string, (e: unknown) => unknown>();
  g.Office.AsyncResultStatus = { Succeeded: 'succeeded', Failed: 'failed' };
  g.Office.EventType = { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' };
  g.Office.actions = { associate: (name: string, fn: (e: unknown) => unknown) => associated.set(name, fn) };
  g.Office.context.ui = {
    displayDialogAsync: (url: string, options: unknown, cb: (r: unknown) => void) => {
      if (mode === 'throw') throw new Error('DialogApi is not supported');
      if (mode === 'fail') {
        setTimeout(() => cb({ status: 'failed', error: { code: 12007 } }), 0);
        return;
      }
      const d: FakeDialog = { url, options, handlers: new Map(), closed: false };
      dialogs.push(d);
      const dialog = { addEventHandler: (type: string, h: Handler) => d.handlers.set(type, h), close: () => (d.closed = true) };
      setTimeout(() => cb({ status: 'succeeded', value: dialog }), 0);
    },
  };
  g.location = { href: 'https://localhost:3000/commands.html' };
  return { dialogs, associated };
}

function loadCommands(): { associated: Map<string, (e: unknown) => unknown>; dialogs: FakeDialog[] } {
  let extras!: ReturnType<typeof officeExtras>;
  jest.isolateModules(() => {
    extras = officeExtras();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../../src/commands/commands');
  });
  return extras;
}

const tick = () => new Promise((r) => setTimeout(r, 5));

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !cond(); i++) await tick();
  if (!cond()) throw new Error('timed out');
}

function reportOf(d: FakeDialog): QuickReport {
  const url = new URL(d.url);
  expect(url.origin + url.pathname).toBe('https://localhost:3000/quickcheck.html');
  return JSON.parse(url.searchParams.get('r')!) as QuickReport;
}

afterEach(() => {
  releaseHost();
  delete (globalThis as { location?: unknown }).location;
});

describe('Kiểm tra nhanh', () => {
  it('is associated, only reads in one Excel.run, reports the counts, completes once as soon as the dialog is open', async () => {
    const grid = await sampleGrid();
    const host: ExcelHost = useHost(fromGrid(grid));
    const before = host.snapshot();
    const { associated, dialogs } = loadCommands();
    const fn = associated.get('thiduaQuickCheck');
    expect(fn).toBeDefined();
    const completed = jest.fn();
    host.resetCounters();
    const running = fn!({ completed }) as Promise<QuickReport>;
    await until(() => dialogs.length === 1 && dialogs[0].handlers.size >= 1);
    await running;
    expect(host.runCount).toBe(1);
    // Completed while the dialog is still open: Excel must not wait for the user.
    expect(dialogs[0].closed).toBe(false);
    expect(completed).toHaveBeenCalledTimes(1);
    // Nothing written: marking is Đánh dấu's job.
    expect(host.snapshot()).toEqual(before);

    const expected = analyze(grid, { lang: 'vi' });
    const report = reportOf(dialogs[0]);
    expect(report.tone).toBe('success');
    expect(report.title).toBe('Kiểm tra nhanh: kết quả xét');
    const { candidates, issues } = expected.result;
    const proposed = (kind: string, id: string) => candidates.filter((c) => c.kind === kind && c.award === id).length;
    const total = (kind: string) => candidates.filter((c) => c.kind === kind && c.award).length;
    expect(report.lines).toContain(`Tập thể: ${total('collective')} được đề nghị (Bằng khen: ${proposed('collective', 'bang-khen-tinh')}, Giấy khen: ${proposed('collective', 'giay-khen-thi-xa')})`);
    expect(report.lines).toContain(`Cá nhân: ${total('individual')} được đề nghị (Bằng khen: ${proposed('individual', 'bang-khen-tinh')}, Giấy khen: ${proposed('individual', 'giay-khen-thi-xa')})`);
    const failing = candidates.filter((c) => c.duplicate || c.criteria.some((x) => x.outcome === 'fail')).length;
    expect(report.lines).toContain(`${failing} trường hợp không đạt tiêu chí`);
    const errors = issues.filter((i) => i.severity === 'error').length;
    expect(report.lines).toContain(`${issues.length} lỗi dữ liệu (${errors} lỗi, ${issues.length - errors} cảnh báo)`);
    expect(report.lines.some((l) => l.startsWith('Bảng tính không bị thay đổi.'))).toBe(true);
    expect(report.lines.join(' ')).not.toMatch(/Đã đánh dấu/);
    // The picture at a glance travels with the report (the dialog draws it as the pane does).
    expect(report.overview).toEqual(overview(expected.result, expected.profile));

    // The dialog's "Đóng" button: closed by the function file (still loaded); nothing completes twice.
    dialogs[0].handlers.get('dialogMessageReceived')!({ message: 'close' });
    expect(dialogs[0].closed).toBe(true);
    await tick();
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('makes the same number of syncs at 10 and 2,000 rows', async () => {
    const syncs: number[] = [];
    for (const rows of [10, 2000]) {
      const host = useHost(generatedWorkbook(rows));
      const { associated, dialogs } = loadCommands();
      const completed = jest.fn();
      host.resetCounters();
      const running = associated.get('thiduaQuickCheck')!({ completed }) as Promise<unknown>;
      await until(() => dialogs.length === 1);
      await running;
      expect(completed).toHaveBeenCalledTimes(1);
      expect(host.runCount).toBe(1);
      syncs.push(host.syncCount);
    }
    expect(syncs[1]).toBe(syncs[0]);
  });

  it('in cell-edit mode: nothing written, the reason in the dialog, completed once', async () => {
    const grid = await sampleGrid();
    const host = useHost(fromGrid(grid), { displayLanguage: 'en-US' });
    const before = host.snapshot();
    host.setCellEditMode(true);
    const { associated, dialogs } = loadCommands();
    const completed = jest.fn();
    const running = associated.get('thiduaQuickCheck')!({ completed }) as Promise<unknown>;
    await until(() => dialogs.length === 1);
    const report = reportOf(dialogs[0]);
    expect(report).toEqual({
      lang: 'en',
      tone: 'error',
      title: 'The quick check did not work',
      lines: ['Excel is editing a cell. Please finish editing the cell (press Enter or Esc), then try again.'],
    });
    await running;
    expect(completed).toHaveBeenCalledTimes(1);
    host.setCellEditMode(false);
    expect(host.snapshot()).toEqual(before);
  });

  it('completes at once when the dialog cannot open or the dialog API is missing', async () => {
    for (const mode of ['fail', 'throw'] as const) {
      const grid = await sampleGrid();
      useHost(fromGrid(grid));
      let associated!: Map<string, (e: unknown) => unknown>;
      jest.isolateModules(() => {
        associated = officeExtras(mode).associated;
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require('../../src/commands/commands');
      });
      const completed = jest.fn();
      const report = (await associated.get('thiduaQuickCheck')!({ completed })) as QuickReport;
      expect(report.tone).toBe('success');
      expect(completed).toHaveBeenCalledTimes(1);
    }
  });
});
