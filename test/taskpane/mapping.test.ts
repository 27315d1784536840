/** The mapping editor's edits → the MappingOverride saved in the workbook, and the list filters. */
import { langFromDisplayLanguage } from '../../src/core';
import type { Candidate, CriterionResult, Issue, TableInfo } from '../../src/core/result';
import { matchesFilter } from '../../src/taskpane/filters';
import { columnChoices, editFromTable, overrideFromEdit, removeOverride, upsertOverride } from '../../src/taskpane/mapping';

const table: TableInfo = {
  sheet: 'Tập thể',
  kind: 'collective',
  headerRow: 3,
  headerRows: 1,
  firstDataRow: 4,
  lastDataRow: 20,
  columns: { order: 'A', name: 'B', sipas: 'E', onTime: 'F' },
  headers: { A: 'STT', B: 'Tên đơn vị', C: 'Ghi chú', E: 'Chỉ số SIPAS (%)', F: 'Tỷ lệ hồ sơ đúng hạn (%)' },
};

describe('mapping edits', () => {
  it('offers the header columns in column order', () => {
    expect(columnChoices(table).map((c) => c.letter)).toEqual(['A', 'B', 'C', 'E', 'F']);
    expect(columnChoices({ ...table, columns: { ...table.columns, unit: 'AA' } }).map((c) => c.letter)).toEqual(['A', 'B', 'C', 'E', 'F', 'AA']);
  });

  it('an unchanged edit saves kind and header row only', () => {
    expect(overrideFromEdit(table, editFromTable(table))).toEqual({ sheet: 'Tập thể', kind: 'collective', headerRow: 3 });
  });

  it('saves only the changed columns, null for a removed one', () => {
    const edit = editFromTable(table);
    edit.columns.unit = 'C';
    edit.columns.sipas = null;
    expect(overrideFromEdit(table, edit)).toEqual({ sheet: 'Tập thể', kind: 'collective', headerRow: 3, columns: { unit: 'C', sipas: null } });
  });

  it('a moved header row drops the old columns (they mean nothing on the new row)', () => {
    const edit = editFromTable(table);
    edit.headerRow = 5;
    edit.columns.unit = 'C';
    expect(overrideFromEdit(table, edit)).toEqual({ sheet: 'Tập thể', kind: 'collective', headerRow: 5 });
  });

  it('ignoring a sheet saves just that', () => {
    const edit = editFromTable(table);
    edit.ignore = true;
    expect(overrideFromEdit(table, edit)).toEqual({ sheet: 'Tập thể', ignore: true });
  });

  it('later saves accumulate column changes of the same header row; removal restores detection', () => {
    let list = upsertOverride([], { sheet: 'Tập thể', kind: 'collective', headerRow: 3, columns: { unit: 'C' } });
    list = upsertOverride(list, { sheet: 'Tập thể', kind: 'collective', headerRow: 3, columns: { sipas: null } });
    list = upsertOverride(list, { sheet: 'Cá nhân', ignore: true });
    expect(list).toEqual([
      { sheet: 'Tập thể', kind: 'collective', headerRow: 3, columns: { unit: 'C', sipas: null } },
      { sheet: 'Cá nhân', ignore: true },
    ]);
    expect(removeOverride(list, 'Cá nhân')).toEqual([list[0]]);
  });
});

function crit(id: CriterionResult['id'], outcome: CriterionResult['outcome']): CriterionResult {
  return { id, outcome, value: null, sheet: 'Tập thể', cell: 'E4', inherited: false, reason: { code: 'crit.blank', params: {} } };
}

function candidate(name: string, row: number, criteria: CriterionResult[], extra: Partial<Candidate> = {}): Candidate {
  return {
    kind: 'collective', name, sheet: 'Tập thể', row, nameCell: `B${row}`, facts: {}, criteria,
    eligible: criteria.every((c) => c.outcome === 'pass'), pinnedAward: null, duplicate: false,
    rank: null, award: null, overQuota: false, tiedAtCutoff: false, ...extra,
  };
}

describe('filters', () => {
  const good = candidate('A', 4, [crit('sipas', 'pass')]);
  const failing = candidate('B', 5, [crit('sipas', 'fail')]);
  const missing = candidate('C', 6, [crit('sipas', 'unknown')]);
  const rowIssue = candidate('D', 7, [crit('sipas', 'pass')]);
  const issues: Issue[] = [{ code: 'row.noAchievement', params: {}, severity: 'warning', sheet: 'Tập thể', cell: 'B7' }];
  const all = [good, failing, missing, rowIssue];
  const names = (f: Parameters<typeof matchesFilter>[1]) => all.filter((c) => matchesFilter(c, f, issues)).map((c) => c.name);

  it('all / eligible / failing / data problems', () => {
    expect(names('all')).toEqual(['A', 'B', 'C', 'D']);
    expect(names('eligible')).toEqual(['A', 'D']);
    expect(names('failing')).toEqual(['B']);
    expect(names('problems')).toEqual(['C', 'D']);
  });
});

describe('language', () => {
  it('is Vietnamese only when Office says so', () => {
    expect(langFromDisplayLanguage('vi-VN')).toBe('vi');
    expect(langFromDisplayLanguage('VI')).toBe('vi');
    expect(langFromDisplayLanguage('en-US')).toBe('en');
    expect(langFromDisplayLanguage('fr-FR')).toBe('en');
    expect(langFromDisplayLanguage(undefined)).toBe('en');
  });
});
