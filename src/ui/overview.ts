/**
 * The picture at a glance (core/overview.ts) as the pane shows it — at the top of "Xét tiêu chí"
 * and in the quick-check dialog: counts per kind, quota use per award as a bar with its words, the
 * criteria failed most as a small bar chart whose numbers are the text (bars are decoration).
 * Also the colour legend, shown wherever the mark colours appear.
 */
import { KINDS, type Lang, criterionLabel, shortAwardLabel, type Overview, text } from '../core';
import { h } from './dom';

const pct = (n: number, of: number) => `width:${of > 0 ? Math.min(100, Math.round((n / of) * 100)) : 0}%`;

export function renderOverview(ov: Overview, lang: Lang, headingLevel: 'h3' | 'h2' = 'h3'): HTMLElement {
  const S = text(lang).pane;
  const O = S.overview;
  const sub = headingLevel === 'h3' ? 'h4' : 'h3';
  const kinds = KINDS.filter((k) => ov.kinds[k].total > 0).map((k) => {
    const c = ov.kinds[k];
    const item = (key: Exclude<keyof typeof O.counts, 'questions'>, tone: string) =>
      h('li', { class: `count ${tone}${c[key] ? '' : ' zero'}`, attrs: { 'data-count': key } }, h('strong', {}, String(c[key])), ' ', O.counts[key]);
    return h(
      'div',
      { class: 'overview-kind', attrs: { 'data-kind': k } },
      h(sub, {}, `${S.kindsPlural[k]} · ${O.total(c.total)}`),
      h(
        'ul',
        { class: 'counts' },
        item('eligible', 'neutral'),
        item('proposed', 'good'),
        item('overQuota', 'warn'),
        item('tied', 'warn'),
        item('failing', 'bad'),
        item('missing', 'warn'),
      ),
    );
  });
  const awardIds = [...new Set(ov.awards.map((a) => a.awardId))];
  let unset = false;
  const quotas = awardIds.map((id) => {
    const parts = ov.awards.filter((a) => a.awardId === id);
    const label = shortAwardLabel(parts[0].label);
    if (parts.every((a) => !a.quotaSet)) {
      unset = true;
      return h('li', { class: 'quota-award' }, h('strong', {}, label), h('p', { class: 'quota unset', attrs: { 'data-award': id } }, O.noQuota('')));
    }
    const rows = parts.map((a) => {
      const kind = S.kindsPlural[a.kind].toLocaleLowerCase(lang === 'vi' ? 'vi' : 'en');
      if (!a.quotaSet) {
        unset = true;
        return h('li', { class: 'quota unset', attrs: { 'data-award': a.awardId, 'data-kind': a.kind } }, O.noQuota(kind));
      }
      const full = a.used >= a.quota;
      return h(
        'li',
        { class: `quota${full ? ' full' : ''}${a.overflow ? ' over' : ''}`, attrs: { 'data-award': a.awardId, 'data-kind': a.kind } },
        h('span', { class: 'quota-text' }, O.quotaUse(a.used, a.quota, kind), a.overflow ? ` (${O.overflow(a.overflow)})` : ''),
        h('span', { class: 'bar', attrs: { 'aria-hidden': 'true' } }, h('span', { class: 'fill', attrs: { style: pct(a.used, Math.max(a.quota, a.used)) } })),
      );
    });
    return h('li', { class: 'quota-award' }, h('strong', {}, label), h('ul', {}, ...rows));
  });
  const max = Math.max(1, ...ov.failing.map((x) => x.fail + x.unknown));
  const failing = ov.failing.length
    ? h(
        'ul',
        { class: 'failing-chart', attrs: { 'aria-label': O.chartAlt } },
        ...ov.failing.map((x) =>
          h(
            'li',
            { attrs: { 'data-criterion': x.id } },
            h('span', { class: 'failing-text' }, O.failingLine(criterionLabel(x.id, lang), x.fail, x.unknown)),
            h('span', { class: 'bar', attrs: { 'aria-hidden': 'true' } }, h('span', { class: 'fill bad', attrs: { style: pct(x.fail, max) } }), h('span', { class: 'fill warn', attrs: { style: pct(x.unknown, max) } })),
          ),
        ),
      )
    : h('p', { class: 'hint' }, O.noneFailing);
  return h(
    'section',
    { class: 'card overview', attrs: { 'data-testid': 'overview', 'aria-label': O.title } },
    h(headingLevel, {}, O.title),
    ...kinds,
    ov.questions
      ? h('p', { class: 'count warn questions', attrs: { 'data-count': 'questions', 'data-testid': 'overview-questions' } }, h('strong', {}, String(ov.questions)), ' ', O.counts.questions)
      : null,
    h(sub, {}, O.quotas),
    h('ul', { class: 'quotas-list', attrs: { 'data-testid': 'overview-quotas' } }, ...quotas),
    unset ? h('p', { class: 'hint', attrs: { 'data-testid': 'where-to-set' } }, O.whereToSet) : null,
    h(sub, {}, O.failing),
    failing,
  );
}

/** The colour legend: the same colours as the fills written into the workbook. */
export function renderLegend(lang: Lang): HTMLElement {
  const L = text(lang).pane.legend;
  const item = (cls: string, text: string) => h('li', {}, h('span', { class: `swatch ${cls}`, attrs: { 'aria-hidden': 'true' } }), text);
  return h(
    'div',
    { class: 'legend', attrs: { 'data-testid': 'legend' } },
    h('strong', {}, L.title),
    h('ul', {}, item('proposed', L.proposed), item('unknown', L.unknown), item('fail', L.fail)),
    h('p', {}, L.signs),
  );
}
