/** "Đánh dấu trong bảng tính": what annotation did, and which way the reasons were written. */
import { type Lang, type NoteMode, text } from '../../core';
import { h } from '../dom';
import { renderLegend } from '../../ui/overview';

/** `notices`: what the user should know besides (their own changes kept, notes another Excel must finish). */
export type AnnotateOutcome = ({ kind: 'annotated'; marks: number; noteMode: NoteMode } | { kind: 'cleared' }) & { notices?: string[] };

export function renderAnnotateIdle(lang: Lang): HTMLElement {
  return h('p', { class: 'hint' }, text(lang).pane.hints.annotateIdle);
}

export function renderAnnotate(outcome: AnnotateOutcome, lang: Lang): HTMLElement {
  const S = text(lang).pane;
  if (outcome.kind === 'cleared') {
    return h(
      'div',
      { class: `message-bar ${outcome.notices?.length ? 'warning' : 'success'}`, attrs: { 'data-testid': 'annotate-status' } },
      h('p', {}, S.annotate.cleared),
      ...(outcome.notices ?? []).map((n) => h('p', { class: 'notice' }, n)),
    );
  }
  return h(
    'div',
    { class: `message-bar ${outcome.noteMode === 'notes' ? 'success' : 'warning'}`, attrs: { 'data-testid': 'annotate-status', 'data-note-mode': outcome.noteMode } },
    h('p', {}, S.annotate.done(outcome.marks)),
    h('p', { class: 'note-mode' }, S.annotate.noteMode[outcome.noteMode]),
    h('p', { class: 'print-ready', attrs: { 'data-testid': 'print-ready' } }, S.annotate.printReady),
    ...(outcome.notices ?? []).map((n) => h('p', { class: 'notice' }, n)),
  );
}

/** The outcome and, after annotating, the colour legend of what was written. */
export function renderAnnotateResult(outcome: AnnotateOutcome, lang: Lang): HTMLElement[] {
  const bar = renderAnnotate(outcome, lang);
  return outcome.kind === 'annotated' ? [bar, renderLegend(lang)] : [bar];
}
