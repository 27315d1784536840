/** The package list is what CI and the README's test command install, and what globalSetup checks. */
import { readFileSync } from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { missingPackages } = require(path.join(ROOT, 'test/prerequisites.js')) as { missingPackages: (root: string) => string[] };

test('CI runs the README test command, which installs the listed packages', () => {
  expect(readFileSync(path.join(ROOT, '.ci/run'), 'utf8')).toMatch(/bash scripts\/test-all\.sh/);
  expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toMatch(/bash scripts\/test-all\.sh/);
  const script = readFileSync(path.join(ROOT, 'scripts/test-all.sh'), 'utf8');
  expect(script).toMatch(/system-packages\.txt/);
  expect(script).toMatch(/npm test/);
});

test('every listed package names a file that proves it installed, and all are here', () => {
  const rows = readFileSync(path.join(ROOT, 'scripts/system-packages.txt'), 'utf8').split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
  expect(rows.map((r) => r.split(/\s+/)[0])).toEqual(expect.arrayContaining(['chromium', 'python3-openpyxl', 'libreoffice-calc-nogui', 'webkit2gtk-driver', 'xvfb']));
  for (const r of rows) expect(r.split(/\s+/)[1]).toMatch(/^\//);
  expect(missingPackages(ROOT)).toEqual([]);
});
