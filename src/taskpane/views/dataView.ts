/**
 * "Kiểm tra dữ liệu": the tables found (sheet, kind, header row, column mapping — editable) and
 * every data problem; clicking a problem selects its cell in the workbook.
 */
import { type Analysis, FIELDS, KINDS, type Field, type Kind, type Lang, renderMessage, type Issue, type TableInfo, type MappingOverride, text } from '../../core';
import { custom, h, type Child } from '../dom';
import { columnChoices, editFromTable, overrideFromEdit, savedOverrides, type MappingEdit } from '../mapping';

export interface DataHandlers {
  selectCell(sheet: string, cell: string): void;
  saveOverride(override: MappingOverride, headerRowChanged: boolean): void;
  restoreSheet(sheet: string): void;
}

export function renderData(analysis: Analysis, lang: Lang, handlers: DataHandlers): HTMLElement {
  const S = text(lang).pane;
  const { result } = analysis;
  const ignored = savedOverrides(analysis.state).filter((o) => o.ignore);
  return h(
    'div',
    { class: 'data-view' },
    h(
      'p',
      { class: 'meta', attrs: { 'data-testid': 'profile-name' } },
      analysis.state.profile !== undefined && analysis.profileProblems.length === 0 ? S.profileSaved(analysis.profile.name) : S.profile(analysis.profile.name),
    ),
    analysis.profileProblems.length > 0 &&
      h(
        'div',
        { class: 'message-bar warning', attrs: { role: 'status' } },
        h('p', {}, S.profileProblems),
        h('ul', {}, ...analysis.profileProblems.map((p) => h('li', {}, `${p.path}: ${p.message}`))),
      ),
    // The problems the clerk must act on come first; the tables (mapping folded) after.
    problemList(result.issues, lang, handlers),
    h('h3', {}, result.tables.length ? S.tables.found(result.tables.length) : S.tables.none),
    h('div', { class: 'tables', attrs: { 'data-testid': 'tables' } }, ...result.tables.map((t) => tableCard(t, analysis, lang, handlers))),
    ignored.length > 0 &&
      h(
        'ul',
        { class: 'ignored' },
        ...ignored.map((o) =>
          h(
            'li',
            {},
            h('span', {}, `${S.tables.ignored}: `),
            h('strong', {}, o.sheet),
            ' ',
            custom('fluent-button', { attrs: { appearance: 'stealth' }, on: { click: () => handlers.restoreSheet(o.sheet) } }, S.tables.restoreSheet),
          ),
        ),
      ),
  );
}

/** Header columns of a table that no field took (their text as found), e.g. "Ghi chú". */
export function unrecognisedHeaders(table: TableInfo): string[] {
  const used = new Set(Object.values(table.columns));
  return Object.entries(table.headers)
    .filter(([letter, text]) => !used.has(letter) && text.trim() !== '')
    .map(([letter, text]) => `${letter} (${text})`);
}

function countCandidates(analysis: Analysis, table: TableInfo): number {
  return analysis.result.candidates.filter((c) => c.sheet === table.sheet && c.kind === table.kind).length;
}

function tableCard(table: TableInfo, analysis: Analysis, lang: Lang, handlers: DataHandlers): HTMLElement {
  const S = text(lang).pane;
  const mapped = FIELDS.filter((f) => table.columns[f]);
  const unknown = unrecognisedHeaders(table);
  return h(
    'article',
    { class: 'card table-card', attrs: { 'data-sheet': table.sheet } },
    h(
      'div',
      { class: 'card-head' },
      h('strong', { class: 'sheet-name' }, table.sheet),
      custom('fluent-badge', { class: `kind ${table.kind}`, attrs: { appearance: 'ghost' } }, S.kinds[table.kind]),
    ),
    h(
      'p',
      { class: 'meta' },
      `${S.tables.headerRow} ${table.headerRow} · ${S.tables.rows(table.firstDataRow, table.lastDataRow)} · ${S.tables.candidates(countCandidates(analysis, table))}`,
    ),
    // One line when every column was recognised; open, naming the others, when one was not.
    h(
      'details',
      { class: `mapping${unknown.length ? ' attention' : ''}`, attrs: { open: unknown.length > 0, 'data-testid': 'mapping' } },
      h(
        'summary',
        {},
        S.tables.recognised(mapped.length),
        unknown.length ? h('span', { class: 'unrecognised' }, ` · ${S.tables.unrecognised(unknown.join(', '))}`) : null,
        ' — ',
        h('span', { class: 'edit-link' }, S.tables.edit),
      ),
      h(
        'dl',
        { class: 'mapping-summary' },
        ...mapped.flatMap((f) => {
          const letter = table.columns[f] as string;
          const header = table.headers[letter];
          return [h('dt', {}, S.fields[f]), h('dd', {}, letter, header ? h('span', { class: 'header-text' }, ` — ${header}`) : null)];
        }),
      ),
      mappingEditor(table, lang, handlers),
    ),
  );
}

function option(value: string, label: string, selected: boolean): HTMLOptionElement {
  const o = h('option', { attrs: { value } }, label);
  o.selected = selected;
  return o;
}

function mappingEditor(table: TableInfo, lang: Lang, handlers: DataHandlers): HTMLElement {
  const S = text(lang).pane;
  const edit: MappingEdit = editFromTable(table);
  const choices = columnChoices(table);

  const kindSelect = h('select', { attrs: { name: 'kind' } }, ...KINDS.map((k) => option(k, S.kinds[k], k === table.kind)));
  kindSelect.addEventListener('change', () => (edit.kind = kindSelect.value as Kind));
  const rowInput = h('input', { attrs: { type: 'number', name: 'headerRow', min: 1, step: 1, value: table.headerRow } });
  rowInput.addEventListener('change', () => {
    const n = Number(rowInput.value);
    if (Number.isInteger(n) && n >= 1) edit.headerRow = n;
  });
  const ignoreBox = h('input', { attrs: { type: 'checkbox', name: 'ignore' } });
  ignoreBox.addEventListener('change', () => (edit.ignore = ignoreBox.checked));

  const fieldRow = (field: Field): HTMLElement => {
    const select = h(
      'select',
      { attrs: { 'data-field': field, 'aria-label': S.fields[field] } },
      option('', S.tables.unused, !table.columns[field]),
      ...choices.map((c) => option(c.letter, c.header ? `${c.letter} — ${c.header}` : c.letter, table.columns[field] === c.letter)),
    );
    select.addEventListener('change', () => (edit.columns[field] = select.value || null));
    return h('tr', {}, h('td', {}, S.fields[field]), h('td', {}, select));
  };

  const save = custom(
    'fluent-button',
    {
      attrs: { appearance: 'accent', 'data-action': 'save-mapping' },
      on: { click: () => handlers.saveOverride(overrideFromEdit(table, edit), edit.headerRow !== table.headerRow) },
    },
    S.tables.save,
  );

  // Mapped fields first: they are what the user came to check.
  const ordered = [...FIELDS.filter((f) => table.columns[f]), ...FIELDS.filter((f) => !table.columns[f])];
  return h(
    'div',
    { class: 'mapping-editor' },
    h('h4', {}, S.tables.editMapping),
    h(
      'div',
      { class: 'mapping-form' },
      h('label', {}, h('span', {}, S.tables.kind), kindSelect),
      h('label', {}, h('span', {}, S.tables.headerRow), rowInput),
      h('label', { class: 'inline' }, ignoreBox, h('span', {}, S.tables.ignoreSheet)),
      h(
        'table',
        { class: 'mapping-table' },
        h('thead', {}, h('tr', {}, h('th', {}, S.tables.field), h('th', {}, S.tables.column))),
        h('tbody', {}, ...ordered.map(fieldRow)),
      ),
      save,
    ),
  );
}

function problemList(issues: Issue[], lang: Lang, handlers: DataHandlers): HTMLElement {
  const S = text(lang).pane;
  const errors = issues.filter((i) => i.severity === 'error').length;
  const items: Child[] = issues.map((issue) => {
    const where = issue.cell ? `${issue.sheet}!${issue.cell}` : `${issue.sheet} (${S.problems.wholeSheet})`;
    const body: Child[] = [
      h('span', { class: `severity ${issue.severity}` }, issue.severity === 'error' ? S.problems.error : S.problems.warning),
      h('span', { class: 'where' }, where),
      h('span', { class: 'text' }, renderMessage(issue, lang)),
    ];
    if (!issue.cell) return h('li', { class: 'problem' }, h('div', { class: 'problem-body' }, ...body));
    const cell = issue.cell;
    return h(
      'li',
      { class: 'problem' },
      h(
        'button',
        {
          class: 'problem-body',
          attrs: { type: 'button', title: S.review.goToCell(issue.sheet, cell), 'data-sheet': issue.sheet, 'data-cell': cell },
          on: { click: () => handlers.selectCell(issue.sheet, cell) },
        },
        ...body,
      ),
    );
  });
  return h(
    'div',
    { class: 'problems', attrs: { 'data-testid': 'problems' } },
    h('h3', {}, issues.length ? S.problems.count(errors, issues.length - errors) : S.problems.none),
    issues.length > 0 && h('p', { class: 'hint' }, S.problems.selectHint),
    issues.length > 0 && h('ul', {}, ...items),
  );
}
