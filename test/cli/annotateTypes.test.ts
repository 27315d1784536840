/** `thidua check --annotate` on a macro-enabled workbook: the copy stays .xlsm; a name of another type is refused. */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openPackage } from '../../src/xlsx/package';
import { expectNoStack, ROOT, thidua } from './run';

const XLSM = path.join(ROOT, 'test', 'fixtures', 'office', 'office.xlsm');
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'thidua-xlsm-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test('an .xlsm gives an .xlsm: the macros byte for byte, the macro-enabled type kept', async () => {
  const out = path.join(dir, 'copy.xlsm');
  const r = thidua(['check', XLSM, '--annotate', out]);
  expectNoStack(r);
  expect(r.code).toBe(0);
  const [a, b] = [openPackage(await fs.readFile(XLSM)), openPackage(await fs.readFile(out))];
  expect(Buffer.from(b.read('xl/vbaProject.bin')).equals(Buffer.from(a.read('xl/vbaProject.bin')))).toBe(true);
  expect(b.contentTypes.typeOf(b.workbook!.part)).toBe('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
});

test('--annotate out.xlsx from an .xlsm is a wrong call (exit 2) said before the report, with the extension it needs; nothing is written', async () => {
  const out = path.join(dir, 'copy.xlsx');
  const vi = thidua(['check', XLSM, '--annotate', out]);
  expectNoStack(vi);
  expect(vi.code).toBe(2);
  expect(vi.stdout).toBe('');
  expect(vi.stderr).toContain('phải có đuôi .xlsm');
  const en = thidua(['check', XLSM, '--annotate', out, '--lang', 'en']);
  expect(en.stderr).toContain('must end in .xlsm');
  await expect(fs.access(out)).rejects.toThrow();
});
