/**
 * The "Kiểm tra nhanh" dialog: shows the report passed in its query (?r=JSON) as text only, and
 * asks the function file to close it.
 */
import { text } from '../core';
import { h, replaceChildren } from '../ui/dom';
import type { QuickReport } from './quickCheck';
import { renderLegend, renderOverview } from '../ui/overview';

function read(): QuickReport {
  try {
    const r = JSON.parse(new URLSearchParams(window.location.search).get('r') ?? '') as QuickReport;
    if (r && typeof r.title === 'string' && Array.isArray(r.lines)) return r;
  } catch {
    // fall through
  }
  return { lang: 'vi', tone: 'error', title: 'Thi đua CCHC', lines: ['Không có kết quả để hiển thị. / Nothing to show.'] };
}

function close(): void {
  try {
    Office.context.ui.messageParent('close');
  } catch {
    // fall through
  }
  // The command has completed before the user reads this: if its page is gone, nobody closes us.
  setTimeout(() => window.close(), 300);
}

const report = read();
document.documentElement.lang = report.lang;
const root = document.getElementById('report');
if (root) {
  replaceChildren(
    root,
    h('h1', {}, report.title),
    h('ul', { class: `message-bar ${report.tone}`, attrs: { 'data-testid': 'quick-lines' } }, ...report.lines.map((line) => h('li', {}, line))),
    // The same picture at a glance as at the top of "Xét tiêu chí", with its colour legend.
    report.overview?.kinds ? renderOverview(report.overview, report.lang, 'h2') : null,
    report.overview?.kinds ? renderLegend(report.lang) : null,
    h('button', { class: 'close-button', attrs: { type: 'button', 'data-action': 'close' }, on: { click: close } }, text(report.lang).quickCheck.close),
  );
}
if (typeof Office !== 'undefined') void Office.onReady(() => undefined);
