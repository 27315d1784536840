/** Downloads from the pane: dropped silently on Excel for Mac and on iPad, offered elsewhere. */
import { downloadsDropped } from '../../src/taskpane/platform';
import { isMac } from '../../src/taskpane/dossier/files';

describe('platform detection for downloads', () => {
  it.each([
    ['Mac', true],
    ['iOS', true],
    ['PC', false],
    ['OfficeOnline', false],
    [undefined, false],
  ])('%s → %s', (platform, dropped) => {
    expect(downloadsDropped(platform)).toBe(dropped);
  });

  it('the dossier form asks Office where it runs: an iPad is treated as a Mac', () => {
    const g = globalThis as unknown as { Office?: unknown };
    const before = g.Office;
    try {
      g.Office = { context: { platform: 'iOS' }, PlatformType: { Mac: 'Mac', iOS: 'iOS' } };
      expect(isMac()).toBe(true);
      g.Office = { context: { platform: 'PC' }, PlatformType: { Mac: 'Mac', iOS: 'iOS' } };
      expect(isMac()).toBe(false);
    } finally {
      g.Office = before;
    }
  });
});
