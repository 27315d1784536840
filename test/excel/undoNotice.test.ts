/**
 * Before the first Đánh dấu in a workbook the user is told, once, that Excel cannot undo it and that
 * Xóa đánh dấu is the way back; the workbook remembers it (document settings saved in the file), and
 * a cleared workbook is still exactly as it was (the notice leaves no sheet or cell behind).
 */
import { annotateWorkbook, clearWorkbook, undoNotice } from '../../src/excel/session';
import { fromGrid, releaseHost, sampleGrid, useHost } from './support';

afterEach(releaseHost);

describe('the undo notice', () => {
  it('is due before the first Đánh dấu, given with it, then never again in that workbook', async () => {
    const model = fromGrid(await sampleGrid());
    const host = useHost(model);
    const before = host.snapshot();
    expect(undoNotice('vi')).toMatch(/không hoàn tác.*“Xóa đánh dấu”/);
    const first = await annotateWorkbook('vi');
    expect(first.undoNotice).toMatch(/không hoàn tác/);
    expect(undoNotice('vi')).toBeNull();
    expect(host.settings).toEqual({ 'thidua.undoNoticeShown': true });
    await clearWorkbook();
    expect(host.snapshot()).toEqual(before);

    // The same file opened again (another session, another day): said already.
    const again = useHost(host.dump(), { settings: host.settings, displayLanguage: 'en-US' });
    expect(undoNotice('en')).toBeNull();
    expect((await annotateWorkbook('en')).undoNotice).toBeUndefined();
    await clearWorkbook();
    expect(again.snapshot()).toEqual(before);
  });

  it('in English, and not remembered when the marking failed', async () => {
    const host = useHost(fromGrid(await sampleGrid()), { displayLanguage: 'en-US' });
    expect(undoNotice('en')).toMatch(/cannot undo.*“Clear”/);
    host.setCellEditMode(true);
    await expect(annotateWorkbook('en')).rejects.toThrow(/editing a cell/);
    expect(undoNotice('en')).not.toBeNull();
  });
});
