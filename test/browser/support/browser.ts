/**
 * The browsers the pane is tested in: Debian's Chromium (playwright-core) and WebKit, the engine of
 * Excel for Mac and iPad (WebKitGTK's MiniBrowser over WebDriver under Xvfb). Each browser test runs
 * its flow once per engine, one session per engine and test file (WebKit is slow to start).
 */
import { openChromium } from './chromium';
import type { Engine } from './page';
import type { OpenOptions, Session } from './session';
import { openWebKit } from './webkit';

export { foreignRequests, OFFICE_CDN, OFFICE_JS_URL, type OfficeAnswer, type Session } from './session';
export { tid, type Engine, type Page } from './page';

export const ENGINES: Engine[] = ['chromium', 'webkit'];

/** The task pane's default size in the tests: a narrow pane, tall enough for the forms. */
export const PANE = { width: 360, height: 900 };

export function openBrowser(engine: Engine, opts: OpenOptions = PANE): Promise<Session> {
  return engine === 'webkit' ? openWebKit(opts) : openChromium(opts);
}
