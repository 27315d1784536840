/**
 * "Tạo trang Kiểm phiếu" on the strict host: the sheet is written in one Excel.run, the votes typed
 * in it judge in the pane as `thidua check --meeting` does, writing it again keeps them, and
 * "Xóa đánh dấu" takes the sheet only while no vote is typed in it.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze, meetingOf, STATE_SHEET } from '../../src/core';
import { checkWorkbook, clearWorkbook, saveState, writeCountSheet } from '../../src/excel/session';
import { fromGrid, releaseHost, sampleGrid, useHost } from './support';

afterEach(releaseHost);

const ROOT = path.resolve(__dirname, '..', '..');
const meeting = () => JSON.parse(readFileSync(path.join(ROOT, 'templates', 'cuoc-hop-mau.json'), 'utf8'));
const proposed = (a: { result: { candidates: { name: string; kind: string; award: string | null; rank: number | null }[] } }, kind: string) =>
  a.result.candidates.filter((c) => c.kind === kind && c.award).sort((x, y) => x.rank! - y.rank!).map((c) => c.name);

describe('the sheet "Kiểm phiếu" in the pane', () => {
  it('votes typed in it decide in the pane exactly as --meeting does in check and the dossier', async () => {
    const grid = await sampleGrid();
    const host = useHost(fromGrid(grid));
    await saveState({ profile: { voteThreshold: 70 } });
    const out = await writeCountSheet('vi');
    expect(out).toMatchObject({ sheet: 'Kiểm phiếu', created: true, kept: 0 });
    expect(out.candidates).toBe(20);
    expect(host.cell('Kiểm phiếu', 'C7')!.value).toBe('Văn phòng HĐND và UBND thị xã');
    // The clerk types the count: members, then each vote.
    host.setCell('Kiểm phiếu', 'B3', { value: 11 });
    host.setCell('Kiểm phiếu', 'B4', { value: 9 });
    const votes = new Map<string, number>(meeting().votes.map((v: { candidate: string; agree: number }) => [v.candidate, v.agree]));
    for (let r = 7; r < 7 + out.candidates; r++) host.setCell('Kiểm phiếu', `E${r}`, { value: votes.get(String(host.cell('Kiểm phiếu', `C${r}`)!.value))! });

    const pane = (await checkWorkbook('vi')).analysis;
    const cliLike = analyze(grid, { lang: 'vi', profileInput: { voteThreshold: 70 }, meeting: meetingOf(meeting()) });
    for (const kind of ['collective', 'individual']) expect(proposed(pane, kind)).toEqual(proposed(cliLike, kind));
    expect(proposed(pane, 'collective')).not.toContain('Phòng Tài nguyên và Môi trường');
    expect(pane.result.candidates.find((c) => c.name === 'Phòng Tài nguyên và Môi trường')!.criteria.find((x) => x.id === 'votes')).toMatchObject({ outcome: 'fail', sheet: 'Kiểm phiếu' });

    // Written again: the typed votes stay.
    const again = await writeCountSheet('vi');
    expect(again.kept).toBe(20);
    expect(host.cell('Kiểm phiếu', 'B3')!.value).toBe(11);
    for (const kind of ['collective', 'individual']) expect(proposed((await checkWorkbook('vi')).analysis, kind)).toEqual(proposed(cliLike, kind));

    // A count is the council's: clear keeps the sheet once votes are typed in it.
    await clearWorkbook('vi');
    expect(host.sheetNames()).toContain('Kiểm phiếu');
  });

  it('clear takes our sheet away while no vote is typed in it, and leaves the workbook as it was', async () => {
    const grid = await sampleGrid();
    const host = useHost(fromGrid(grid));
    const before = host.snapshot();
    await writeCountSheet('vi');
    expect(host.sheetNames()).toContain('Kiểm phiếu');
    await clearWorkbook('vi');
    expect(host.sheetNames()).not.toContain('Kiểm phiếu');
    expect(host.sheetNames()).not.toContain(STATE_SHEET);
    expect(host.snapshot()).toEqual(before);
  });
});
