/**
 * "Xét tiêu chí": per candidate ✓/✗/? for each criterion with the reason in words, the rank, the
 * proposed award, the quota lines and the ties the council must decide; filtered on demand.
 */
import { type Analysis, KINDS, type Lang, criterionLabel, renderMessage, criterionMessage, shortAwardLabel, type Candidate, type CriterionResult, type Issue, awardLabel, displayOrder, questionLines, labels, verdictOf, overview, text, type PaneText } from '../../core';
import { custom, h, replaceChildren } from '../dom';
import { FILTERS, issuesOfCandidate, matchesFilter, type Filter } from '../filters';
import { renderLegend, renderOverview } from '../../ui/overview';

export interface ReviewHandlers {
  selectCell(sheet: string, cell: string): void;
  filter(f: Filter): void;
  /** The user opened or closed every reason at once (kept across re-renders). */
  reasonsOpen(open: boolean): void;
}

export interface ReviewState {
  filter: Filter;
  reasonsOpen: boolean;
}

const SIGN = { pass: '✓', fail: '✗', unknown: '?' } as const;

/** The reason in words (the core's messages already name the criterion). */
function criterionLine(c: CriterionResult, lang: Lang, S: PaneText): string {
  return renderMessage(criterionMessage(c), lang) + (c.inherited ? ` (${S.review.inherited})` : '');
}

type Tone = 'good' | 'warn' | 'bad' | 'neutral';

function verdict(c: Candidate, analysis: Analysis, S: PaneText, lang: Lang): { text: string; tone: Tone } {
  if (c.award) return { text: S.review.verdict.proposed(shortAwardLabel(awardLabel(analysis.profile, c.award))), tone: 'good' };
  if (c.tiedAtCutoff) return { text: S.review.verdict.tied, tone: 'warn' };
  if (c.councilDropped) return { text: labels(lang).council.dropped, tone: 'warn' };
  if (c.overQuota) return { text: S.review.verdict.overQuota, tone: 'warn' };
  const v = verdictOf(c);
  if (v === 'eligible') return { text: S.review.verdict.eligible, tone: 'neutral' };
  if (v === 'unknown') return { text: S.review.verdict.unknown, tone: 'warn' };
  return { text: v === 'duplicate' ? S.review.verdict.duplicate : S.review.verdict.fail, tone: 'bad' };
}

function candidateCard(c: Candidate, analysis: Analysis, lang: Lang, handlers: ReviewHandlers, open: boolean): HTMLElement {
  const S = text(lang).pane;
  const v = verdict(c, analysis, S, lang);
  const rowIssues: Issue[] = issuesOfCandidate(c, analysis.result.issues);
  // Each chip is real text for a screen reader: the sign is decoration, the outcome is spelled out.
  // A criterion met with a question open on it (an initiative claimed twice) is amber "!", never a green ✓.
  const pending = (x: CriterionResult) => x.outcome === 'pass' && !!x.pending;
  const marks = c.criteria.map((x) =>
    h(
      'li',
      { class: `mark ${pending(x) ? 'pending' : x.outcome}`, attrs: { title: `${criterionLabel(x.id, lang)}: ${criterionLine(x, lang, S)}`, 'data-criterion': x.id } },
      h('span', { attrs: { 'aria-hidden': 'true' } }, pending(x) ? labels(lang).council.pendingSign : SIGN[x.outcome]),
      ` ${text(lang).criteria.short[x.id]}`,
      h('span', { class: 'visually-hidden' }, `: ${pending(x) ? labels(lang).council.questions(1) : S.review.outcome[x.outcome]}`),
    ),
  );
  return h(
    'li',
    { class: `candidate tone-${v.tone}`, attrs: { 'data-kind': c.kind, 'data-row': c.row } },
    h(
      'div',
      { class: 'candidate-head' },
      h('span', { class: 'rank' }, c.rank !== null ? String(c.rank) : '–'),
      h(
        'button',
        {
          class: 'name',
          attrs: { type: 'button', title: S.review.goToCell(c.sheet, c.nameCell) },
          on: { click: () => handlers.selectCell(c.sheet, c.nameCell) },
        },
        c.name,
      ),
      h('span', { class: `verdict ${v.tone}` }, v.text),
    ),
    h('ul', { class: 'marks', attrs: { 'aria-label': S.review.reasons } }, ...marks),
    h(
      'details',
      { class: 'reasons', attrs: { open } },
      h('summary', {}, `${S.review.reasons} · ${c.rank !== null ? S.review.rank(c.rank) : S.review.unranked}`),
      h(
        'ul',
        {},
        ...c.criteria.map((x) =>
          h('li', { class: `reason ${x.outcome}` }, h('span', { class: `sign ${x.outcome}`, attrs: { 'aria-hidden': 'true' } }, SIGN[x.outcome]), h('span', { class: 'visually-hidden' }, `${S.review.outcome[x.outcome]}: `), ' ', criterionLine(x, lang, S)),
        ),
        ...c.criteria.filter(pending).map((x) =>
          h('li', { class: 'reason pending' }, h('span', { class: 'sign unknown', attrs: { 'aria-hidden': 'true' } }, labels(lang).council.pendingSign), ' ', renderMessage(x.pending!, lang)),
        ),
        ...rowIssues.map((i) => h('li', { class: `reason issue ${i.severity}` }, h('span', { class: 'sign unknown', attrs: { 'aria-hidden': 'true' } }, '!'), ' ', renderMessage(i, lang))),
      ),
    ),
  );
}

export function renderReview(analysis: Analysis, lang: Lang, view: ReviewState, handlers: ReviewHandlers): HTMLElement {
  const { filter } = view;
  const S = text(lang).pane;
  const { result, profile } = analysis;
  const eligible = result.candidates.filter((c) => c.eligible).length;
  const proposed = result.candidates.filter((c) => c.award).length;

  const group = custom('fluent-radio-group', {
    class: 'filters',
    attrs: { orientation: 'horizontal', name: 'filter', value: filter, 'aria-label': S.review.filterLabel },
  });
  for (const f of FILTERS) {
    const radio = custom('fluent-radio', { attrs: { value: f, 'data-filter': f, checked: f === filter } }, S.review.filters[f]);
    group.appendChild(radio);
  }
  group.addEventListener('change', () => {
    const value = (group as unknown as { value: string }).value as Filter;
    if (FILTERS.includes(value) && value !== filter) handlers.filter(value);
  });

  const list = h('div', { class: 'candidate-groups', attrs: { 'data-testid': 'candidates' } });
  const shown = displayOrder(result.candidates).filter((c) => matchesFilter(c, filter, result.issues));
  if (shown.length === 0) replaceChildren(list, h('p', { class: 'hint' }, S.review.empty));
  for (const kind of KINDS) {
    const ofKind = shown.filter((c) => c.kind === kind);
    if (ofKind.length === 0) continue;
    list.appendChild(h('h3', {}, `${S.kindsPlural[kind]} (${ofKind.length})`));
    list.appendChild(h('ol', { class: 'candidates' }, ...ofKind.map((c) => candidateCard(c, analysis, lang, handlers, view.reasonsOpen))));
  }

  const ties = questionLines(result, profile, lang);
  let open = view.reasonsOpen;
  const toggle = custom(
    'fluent-button',
    {
      attrs: { appearance: 'outline', 'data-action': 'toggle-reasons' },
      on: {
        click: () => {
          open = !open;
          for (const d of Array.from(list.querySelectorAll<HTMLDetailsElement>('details.reasons'))) d.open = open;
          toggle.textContent = open ? S.review.closeAll : S.review.openAll;
          handlers.reasonsOpen(open);
        },
      },
    },
    open ? S.review.closeAll : S.review.openAll,
  );
  return h(
    'div',
    { class: 'review-view' },
    h('p', { class: 'summary' }, S.review.summary(result.candidates.length, eligible, proposed)),
    renderOverview(overview(result, profile), lang),
    h(
      'div',
      { class: `card ties${ties.length ? ' attention' : ''}`, attrs: { 'data-testid': 'ties' } },
      h('h3', {}, ties.length ? `${S.review.ties} (${ties.length})` : S.review.ties),
      ties.length ? h('ul', {}, ...ties.map((line) => h('li', {}, line))) : h('p', { class: 'hint' }, S.review.noTies),
    ),
    renderLegend(lang),
    h('div', { class: 'list-tools' }, group, toggle),
    list,
  );
}
