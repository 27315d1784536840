/** "Tạo hồ sơ" on the adapter: save the facts and read the workbook in one Excel.run, syncs independent of rows. */
import { readState } from '../../src/core/state';
import { readForDossier } from '../../src/excel/session';
import { generatedWorkbook } from '../../tools/excel-host/generate';
import { fromGrid, releaseHost, sampleGrid, useHost } from './support';

afterEach(releaseHost);

describe('readForDossier', () => {
  it('saves the facts then reads them back, in one Excel.run', async () => {
    const host = useHost(fromGrid(await sampleGrid()));
    host.resetCounters();
    const facts = { place: 'Ninh Hòa', meeting: { membersPresent: 9 } };
    const { grid } = await readForDossier('vi', { facts });
    expect(host.runCount).toBe(1);
    expect(readState(grid).facts).toEqual(facts);
    // Without facts to save: only the read.
    host.resetCounters();
    const again = await readForDossier('vi');
    expect(host.runCount).toBe(1);
    expect(readState(again.grid).facts).toEqual(facts);
  });

  it('does not sync more for more rows', async () => {
    const syncs: number[] = [];
    for (const rows of [50, 2000]) {
      const host = useHost(generatedWorkbook(rows));
      host.resetCounters();
      const out = await readForDossier('vi', { facts: { place: 'Ninh Hòa' } });
      syncs.push(out.syncs);
      expect(host.syncCount).toBe(out.syncs);
      releaseHost();
    }
    expect(syncs[0]).toBe(syncs[1]);
    expect(syncs[0]).toBeLessThanOrEqual(6);
  });
});
