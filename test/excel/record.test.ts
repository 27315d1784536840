/**
 * "Ghi vào lịch sử" on the Office.js adapter (strict Excel host): the facts saved and the awards of
 * the issued decision appended in one Excel.run, with the rows the CLI writes (same core plan);
 * the same decision refused the second time, nothing written; a protected history sheet refused.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { readHistory } from '../../src/core/history';
import { parseFacts } from '../../src/core/dossier/facts';
import { readGrid } from '../../src/excel/readGrid';
import { recordAwards } from '../../src/excel/session';
import { Syncer } from '../../src/excel/syncer';
import { fromGrid, releaseHost, sampleGrid, useHost } from './support';

afterEach(releaseHost);

const FACTS = (() => {
  const f = parseFacts(JSON.parse(readFileSync(path.resolve(__dirname, '../../templates/thong-tin-ho-so-mau.json'), 'utf8')), 'facts');
  if (!f.ok) throw new Error('sample facts');
  return f.facts;
})();

async function gridNow() {
  return Excel.run(async (context) => (await readGrid(new Syncer(context))).grid);
}

describe('recordAwards', () => {
  // The sample's own sheet "Lịch sử khen thưởng" holds 8 earlier awards (header on row 4).
  const EARLIER = 8;

  it('appends the 19 awards below the history sheet\'s earlier rows in one Excel.run; refuses the same decision again', async () => {
    const host = useHost(fromGrid(await sampleGrid()));
    host.resetCounters();
    const r = await recordAwards('vi', { facts: FACTS });
    expect(host.runCount).toBe(1);
    expect(r).toMatchObject({ ok: true, sheet: 'Lịch sử khen thưởng', recorded: [{ decision: '1520/QĐ-UBND', count: 19 }], refused: [] });
    const { history } = readHistory(await gridNow());
    expect(history?.entries).toHaveLength(EARLIER + 19);
    const first = 4 + EARLIER + 1;
    expect(history?.entries.find((e) => e.name === 'Nguyễn Thị Thu Hà' && e.year === 2022)).toMatchObject({ year: 2022, decisionNumber: '1520/QĐ-UBND', decisionDate: { day: 28, month: 12, year: 2022 } });
    const sheet = host.dump().sheets.find((s) => s.name === 'Lịch sử khen thưởng')!;
    // The date stays the text the decision was written with (a text format, not a reinterpreted date).
    const dateCol = history!.columns.decisionDate!;
    expect(sheet.cells[`${dateCol}${first}`].value).toBe('28/12/2022');
    expect(history?.entries.find((e) => e.row === first)?.decisionNumber).toBe('1520/QĐ-UBND');

    const before = JSON.stringify(host.dump());
    const again = await recordAwards('vi');
    expect(again).toMatchObject({ ok: false, reason: 'alreadyRecorded', refused: [{ decision: '1520/QĐ-UBND' }] });
    expect(JSON.stringify(host.dump())).toBe(before);
  });

  it('an unissued decision is not recorded (the missing facts named)', async () => {
    useHost(fromGrid(await sampleGrid()));
    const r = await recordAwards('vi', { facts: { movement: 'CCHC', year: 2022 } });
    expect(r).toMatchObject({ ok: false, reason: 'incomplete' });
    if (!r.ok) expect(r.problems).toEqual(expect.arrayContaining(['decision.number', 'decision.date']));
  });
});
