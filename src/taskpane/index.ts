/**
 * Entry of the task pane. Office.onReady comes before anything; outside Excel (a plain browser,
 * or Office.js missing) the page says politely that it must be opened from Excel.
 */
import { langFromDisplayLanguage } from '../core';
import { MIN_EXCEL_API, supports } from '../excel/capabilities';
import * as session from '../excel/session';
import { renderOldExcel, renderOutsideExcel, TaskPane } from './app';
import { byId } from './dom';
import { registerFluent } from './fluent';

function boot(): void {
  const root = byId('app');
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    renderOutsideExcel(root, false);
    return;
  }
  void Office.onReady((info) => {
    const excel = Office.HostType?.Excel ?? 'Excel';
    if (!info || info.host !== excel) {
      renderOutsideExcel(root, true);
      return;
    }
    // The manifest asks for it; a host that loads the pane anyway gets a pointer, not a broken pane.
    if (!supports(MIN_EXCEL_API)) {
      renderOldExcel(root);
      return;
    }
    registerFluent();
    new TaskPane(root, session, langFromDisplayLanguage(Office.context?.displayLanguage)).mount();
  });
}

boot();
