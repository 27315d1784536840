/**
 * A zip holding one part twice is damaged: check, check --annotate, clear and record all refuse it
 * with the same message naming the part (the reader and the writer open one package), write nothing,
 * and never show a stack.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { withDuplicate } from '../support/duplicatePart';
import { expectNoStack, ROOT, thidua } from './run';

let dir: string;
let file: string;
let part: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'thidua-dup-'));
  file = path.join(dir, 'hai-ban.xlsx');
  const crafted = withDuplicate();
  part = crafted.part;
  await fs.writeFile(file, crafted.bytes);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test.each([
  ['check --annotate', (out: string) => ['check', file, '--annotate', out]],
  ['clear', (out: string) => ['clear', file, '--out', out]],
  ['record', (out: string) => ['record', file, '--facts', path.join(ROOT, 'templates', 'thong-tin-ho-so-mau.json'), '--annotate', out]],
])('%s: exit 1, the part named, no copy written', async (name, args) => {
  const out = path.join(dir, `${name.split(' ')[0]}.xlsx`);
  const r = thidua(args(out));
  expectNoStack(r);
  expect(r.code).toBe(1);
  expect(r.stderr.trim()).toBe(`Tệp "${file}" bị hỏng: thành phần "${part}" có hai lần trong tệp nén, không biết bản nào là đúng. Mở bằng Excel và lưu lại, hoặc dùng bản sao khác.`);
  await expect(fs.access(out)).rejects.toThrow();
});

test('in English with --lang en', () => {
  const r = thidua(['check', file, '--json', '--lang', 'en']);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain(`File "${file}" is damaged: the part "${part}" is stored twice in the zip`);
});
