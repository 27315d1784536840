/**
 * docxtemplater and pizzip are loaded only when the user generates or picks a template: the
 * production build's first bundle (the scripts taskpane.html loads) must not contain them, while
 * a lazy chunk must (otherwise the markers below prove nothing).
 */
import * as fs from 'fs';
import * as path from 'path';
import { DIST, ensureProductionBuild } from '../browser/support/build';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { hashedName } = require('../../scripts/release-files') as { hashedName: (file: string, content: Buffer) => string };

// Strings of docxtemplater's and pizzip's own code (our language files name docxtemplater's error ids, such as
// unclosed_tag, so an id is no marker).
const MARKERS = ['Corrupted zip', 'End of data reached', 'docxtemplater', 'XTTemplateError', 'Unbalanced loop tag'];

function firstBundle(): string[] {
  const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]).filter((s) => !/^https?:/i.test(s));
}

describe('first bundle of the task pane', () => {
  beforeAll(() => ensureProductionBuild());

  it('holds neither docxtemplater nor pizzip; a lazy chunk does', () => {
    const first = firstBundle();
    expect(first.length).toBeGreaterThan(0);
    const firstText = first.map((f) => fs.readFileSync(path.join(DIST, f), 'utf8')).join('\n');
    for (const m of MARKERS) expect({ marker: m, inFirstBundle: firstText.includes(m) }).toEqual({ marker: m, inFirstBundle: false });
    const lazy = fs
      .readdirSync(DIST)
      .filter((f) => f.endsWith('.js') && !first.includes(f))
      .map((f) => fs.readFileSync(path.join(DIST, f), 'utf8'))
      .join('\n');
    for (const m of MARKERS) expect({ marker: m, inLazyChunk: lazy.includes(m) }).toEqual({ marker: m, inLazyChunk: true });
  });

  it('ships the default templates beside the page, under content-hashed names', () => {
    const shipped = fs.readdirSync(path.join(DIST, 'templates'));
    for (const f of ['to-trinh.docx', 'bien-ban.docx', 'bao-cao-thanh-tich-mau-07.docx']) {
      const source = fs.readFileSync(path.join(DIST, '..', 'templates', f));
      const hashed = hashedName(`templates/${f}`, source);
      expect(shipped).toContain(path.basename(hashed));
      expect(fs.readFileSync(path.join(DIST, hashed)).equals(source)).toBe(true);
    }
  });
});
