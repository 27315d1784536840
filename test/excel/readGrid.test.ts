/** readGrid on hand-made workbooks: origins, errors, dates, merges, hidden and empty sheets. */
import { readGrid } from '../../src/excel/readGrid';
import { Syncer } from '../../src/excel/syncer';
import { releaseHost, useHost } from './support';

afterEach(releaseHost);

it('reads used ranges with their origin, Excel errors, dates as dd/mm/yyyy, merges, in two syncs', async () => {
  const host = useHost({
    sheets: [
      {
        name: 'Cá nhân',
        cells: {
          C5: { value: 'Họ và tên' },
          D5: { value: 'Ngày sinh' },
          C6: { value: 'Lê Thị Hoa' },
          D6: { value: 32874, numberFormat: 'dd/mm/yyyy' },
          E6: { value: '#N/A' },
          F6: { value: { error: '#DIV/0!' } },
          G6: { value: 0.9, numberFormat: '0.0%' },
        },
        merges: ['C4:D4'],
      },
      { name: 'Trống', cells: {}, visibility: 'Hidden' },
    ],
  });
  const g = (globalThis as unknown as { Excel: typeof Excel }).Excel;
  const grid = await g.run(async (context) => (await readGrid(new Syncer(context))).grid);
  expect(host.syncCount).toBe(2);
  const [people, empty] = grid.sheets;
  expect(people).toMatchObject({ name: 'Cá nhân', originRow: 4, originCol: 2, hidden: false });
  expect(people.values[1]).toEqual(['Lê Thị Hoa', '01/01/1990', { error: '#N/A' }, { error: '#DIV/0!' }, 0.9]);
  expect(people.numberFormats![1][4]).toBe('0.0%');
  expect(people.merges).toEqual([]); // C4:D4 lies above the values-only used range
  expect(empty).toMatchObject({ name: 'Trống', hidden: true, values: [[null]] });
});

