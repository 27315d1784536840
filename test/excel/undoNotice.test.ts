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
    // An Excel before ExcelApi 1.20: no undo of add-in writes at all.
    const host = useHost(model, { requirementSets: { ExcelApi: '1.19' } });
    const before = host.snapshot();
    expect(undoNotice('vi')).toMatch(/không hoàn tác.*“Xóa đánh dấu”/);
    const first = await annotateWorkbook('vi');
    expect(first.undoNotice).toMatch(/không hoàn tác/);
    expect(undoNotice('vi')).toBeNull();
    expect(host.settings).toEqual({ 'thidua.undoNoticeShown': true });
    await clearWorkbook();
    expect(host.snapshot()).toEqual(before);

    // The same file opened again (another session, another day): said already.
    const again = useHost(host.dump(), { settings: host.settings, displayLanguage: 'en-US', requirementSets: { ExcelApi: '1.19' } });
    expect(undoNotice('en')).toBeNull();
    expect((await annotateWorkbook('en')).undoNotice).toBeUndefined();
    await clearWorkbook();
    expect(again.snapshot()).toEqual(before);
  });

  it('in English, and not remembered when the marking failed', async () => {
    const host = useHost(fromGrid(await sampleGrid()), { displayLanguage: 'en-US', requirementSets: { ExcelApi: '1.19' } });
    expect(undoNotice('en')).toMatch(/cannot undo.*“Clear”/);
    host.setCellEditMode(true);
    await expect(annotateWorkbook('en')).rejects.toThrow(/editing a cell/);
    expect(undoNotice('en')).not.toBeNull();
  });

  it('is true for the Excel in use: before 1.20 every write clears the undo history; from 1.20 the state sheet replaced at the end of every Đánh dấu does', async () => {
    const grid = await sampleGrid();
    // Before 1.20: the host's undo stack is cleared by the first write, as the notice says.
    const old = useHost(fromGrid(grid), { requirementSets: { ExcelApi: '1.19' } });
    expect((await annotateWorkbook('vi')).undoNotice).toMatch(/Excel không hoàn tác \(Ctrl\+Z\)/);
    expect(old.undoClearedBy).toContain('Range.values');

    // Excel on the web (1.20): writes are undoable, the state sheet deleted is not — the notice says why.
    const web = useHost(fromGrid(grid), { platform: 'web' });
    expect((await annotateWorkbook('en')).undoNotice).toMatch(/Ctrl\+Z cannot undo the marking.*deleting the old one.*when a sheet is deleted/);
    expect(web.undoClearedBy).toContain('Worksheet.delete');
    expect(web.undoClearedBy).not.toContain('Range.values');

    // Excel on Windows (1.20): the same notice; renaming and hiding the state sheet clear it too.
    const windows = useHost(fromGrid(grid), { platform: 'windows' });
    expect((await annotateWorkbook('vi')).undoNotice).toMatch(/Ctrl\+Z không hoàn tác được việc đánh dấu/);
    expect(windows.undoClearedBy).toEqual(expect.arrayContaining(['Worksheet.delete', 'Worksheet.visibility', 'Worksheet.name']));
  });
});
