/**
 * `check --json`'s byte writer against the JSON.stringify-based rendering it replaced (kept below as
 * the reference): the same bytes, on random results with strings that need escaping (quotes,
 * backslashes, control characters, lone and paired surrogates, U+2028/2029), values of every
 * CriterionValue type, null cells, fields of unexpected types, any batch size, and streams that
 * keep the chunks they are given or ask the writer to wait.
 */
import fc from 'fast-check';
import * as path from 'path';
import { writeCheckJson } from '../../src/cli/jsonOut';
import type { ByteOut } from '../../src/cli/io';
import { CRITERION_IDS, toJsonReport, type CheckResult, type Lang } from '../../src/core';
import { vi } from '../../src/core/messages/vi';

// ------------------------------------------------------------------ the reference (the old path)

/** The report as JSON.stringify wrote it: top level indented, each array element compact on its own line. */
function referenceJson(value: Record<string, unknown>): string {
  let out = '';
  const keys = Object.keys(value).filter((k) => {
    const v = value[k];
    return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
  });
  if (!keys.length) return '{}';
  out += '{\n';
  keys.forEach((k, i) => {
    const v = value[k];
    out += `  ${JSON.stringify(k)}: `;
    if (Array.isArray(v) && v.length) {
      out += '[\n';
      for (let j = 0; j < v.length; j++) out += `    ${JSON.stringify(v[j]) ?? 'null'}${j < v.length - 1 ? ',' : ''}\n`;
      out += '  ]';
    } else out += JSON.stringify(v);
    out += i < keys.length - 1 ? ',\n' : '\n';
  });
  return `${out}}`;
}

/** What `check --json` printed before: the candidates last, then a line break. */
function reference(result: CheckResult, lang: Lang): string {
  const { candidates, ...rest } = toJsonReport(result, lang);
  return `${referenceJson({ ...rest, candidates })}\n`;
}

// ------------------------------------------------------------------ the writer under test

interface Written {
  bytes: Buffer;
  chunks: number;
  largest: number;
  waits: number;
}

/**
 * Runs the writer. `keep`: the stream keeps each chunk it is given (returns false, as a queued
 * pipe) and reads them only at the end, so a chunk overwritten after being handed over shows.
 * `slow`: ready() asks the writer to wait now and then.
 */
async function written(result: CheckResult, lang: Lang, opts: { chunk?: number; keep?: boolean; slow?: boolean } = {}): Promise<Written> {
  const parts: Uint8Array[] = [];
  let waits = 0;
  let n = 0;
  const out: ByteOut = {
    write(chunk) {
      parts.push(opts.keep ? chunk : Buffer.from(chunk));
      return !opts.keep;
    },
    ready() {
      if (!opts.slow || ++n % 7) return null;
      waits++;
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
  await writeCheckJson(result, lang, out, opts.chunk);
  return { bytes: Buffer.concat(parts), chunks: parts.length, largest: Math.max(...parts.map((p) => p.length)), waits };
}

async function expectSame(result: CheckResult, lang: Lang, opts: { chunk?: number; keep?: boolean; slow?: boolean } = {}): Promise<Written> {
  const ref = reference(result, lang);
  const w = await written(result, lang, opts);
  // The reference has no lone surrogate left (JSON.stringify escapes them), so its UTF-8 is exact.
  expect(w.bytes.toString('utf8')).toBe(ref);
  expect(w.bytes.equals(Buffer.from(ref, 'utf8'))).toBe(true);
  return w;
}

// ------------------------------------------------------------------ random results

const tricky = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    'Phòng Nội vụ',
    'A "quoted" \\ back\\slash',
    'line\nbreak\r\ttab\b\f',
    '\u0000\u0001\u001f\u007f',
    'LS\u2028PS\u2029',
    'lone \ud800 high',
    'lone \udfff low',
    'pair 😀 \ud83d\ude00',
    'reversed \ude00\ud83d',
    'end high \ud83d',
    '</script>',
    'Tập thể',
  ),
);
const number = fc.oneof(fc.integer(), fc.integer({ min: 0, max: 2_000_000 }), fc.double(), fc.constantFrom(0, -0, 98.5, 1e21, 1e-7, 2 ** 31, -1, NaN, Infinity, -Infinity));
const value = fc.oneof(number, tricky, fc.boolean(), fc.constant(null));
const codes = Object.keys(vi);
const reason = fc.record({
  code: fc.oneof(fc.constantFrom(...codes), fc.constant('no.such.code')),
  params: fc.dictionary(fc.constantFrom('criterion', 'value', 'threshold', 'inclusive', 'op', 'text', 'unit', 'suggestions', 'name', 'atLeast', 'decision', 'agree', 'total'), fc.oneof(tricky, number)),
});
// Reasons shared by many rows, frozen, their value put back per row (as src/core/evaluate.ts makes them).
const shared = [
  { code: 'crit.rate.pass', params: { criterion: 'sipas', threshold: 90, op: '≥', inclusive: 1 } },
  { code: 'crit.rate.fail', params: { criterion: 'onTime', threshold: 98, op: '>', inclusive: 0 } },
  { code: 'crit.rating.pass', params: { criterion: 'parIndex', atLeast: 'Tốt' } },
  { code: 'crit.rating.fail', params: { criterion: 'parIndex', atLeast: 'A "B" \\ \u2028' } },
  { code: 'crit.blank', params: { criterion: 'sipas' } },
  { code: 'crit.rate.pass', params: { criterion: 'sipas', value: 12, threshold: 90, op: '≥', inclusive: 1 } },
].map((r) => Object.freeze({ code: r.code, params: Object.freeze(r.params) }));
const criterion = fc.record({
  id: fc.oneof(fc.constantFrom(...CRITERION_IDS), tricky),
  outcome: fc.oneof(fc.constantFrom('pass', 'fail', 'unknown'), tricky),
  value,
  sheet: fc.oneof(fc.constantFrom('Tập thể', 'Cá nhân'), tricky),
  cell: fc.oneof(fc.constant(null), fc.constantFrom('C7', 'AB1048576'), tricky),
  inherited: fc.boolean(),
  reason: fc.oneof(reason, fc.constantFrom(...shared)),
});
const candidate = fc.record(
  {
    kind: fc.oneof(fc.constantFrom('collective', 'individual'), tricky),
    name: tricky,
    sheet: fc.oneof(fc.constantFrom('Tập thể', 'Cá nhân'), tricky),
    row: fc.oneof(fc.integer({ min: 1, max: 1_048_576 }), number),
    nameCell: fc.constant('B7'),
    facts: fc.record({ unit: fc.oneof(tricky, fc.constant(undefined)) }, { requiredKeys: [] }),
    matchedUnit: fc.oneof(tricky, fc.constant(undefined)),
    criteria: fc.array(criterion, { maxLength: 6 }),
    eligible: fc.boolean(),
    pinnedAward: fc.constant(null),
    duplicate: fc.boolean(),
    rank: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 50_000 }), number),
    award: fc.oneof(fc.constant(null), fc.constantFrom('giay-khen-thi-xa', 'bang-khen-tinh'), tricky),
    overQuota: fc.boolean(),
    tiedAtCutoff: fc.boolean(),
  },
  { requiredKeys: ['kind', 'name', 'sheet', 'row', 'nameCell', 'facts', 'criteria', 'eligible', 'pinnedAward', 'duplicate', 'rank', 'award', 'overQuota', 'tiedAtCutoff'] },
);
const issue = fc.record({ severity: fc.constantFrom('error', 'warning'), sheet: tricky, cell: fc.oneof(fc.constant(null), tricky), code: fc.constantFrom(...codes), params: fc.dictionary(fc.constantFrom('text', 'row', 'name', 'unit'), fc.oneof(tricky, number)) });
const result = fc.record({
  profileName: tricky,
  tables: fc.array(fc.record({ sheet: tricky, kind: fc.constantFrom('collective', 'individual'), headerRow: fc.integer({ min: 1, max: 20 }), columns: fc.dictionary(fc.constantFrom('name', 'unit', 'sipas'), fc.constantFrom('A', 'B', 'C')) }), { maxLength: 2 }),
  candidates: fc.array(candidate, { maxLength: 12 }),
  issues: fc.array(issue, { maxLength: 3 }),
  quotas: fc.array(fc.record({ awardId: tricky, kind: fc.constantFrom('collective', 'individual'), used: fc.nat(), quota: fc.nat(), overflow: fc.nat() }), { maxLength: 2 }),
  ties: fc.array(fc.record({ awardId: tricky, kind: fc.constantFrom('collective', 'individual'), rank: fc.nat(), places: fc.nat(), names: fc.array(tricky, { maxLength: 3 }) }), { maxLength: 2 }),
}) as unknown as fc.Arbitrary<CheckResult>;

// ------------------------------------------------------------------ tests

it('writes the bytes JSON.stringify wrote, on random results (both languages, small and large batches)', async () => {
  await fc.assert(
    fc.asyncProperty(result, fc.constantFrom<Lang>('vi', 'en'), fc.constantFrom(undefined, 64, 100, 1000), async (r, lang, chunk) => {
      await expectSame(r, lang, { chunk });
    }),
    { numRuns: 600 },
  );
});

it('fields of unexpected types (never from the core) are still written as JSON.stringify writes them', async () => {
  const base = { kind: 'collective', name: 'A', sheet: 'S', row: 3, nameCell: 'B3', facts: {}, criteria: [], eligible: true, pinnedAward: null, duplicate: false, rank: 1, award: null, overQuota: false, tiedAtCutoff: false };
  const crit = { id: 'sipas', outcome: 'pass', value: 95, sheet: 'S', cell: 'C3', inherited: false, reason: { code: 'crit.blank', params: { criterion: 'sipas' } } };
  const odd = [
    { ...base, name: undefined },
    { ...base, kind: undefined, rank: undefined },
    { ...base, row: '3' },
    { ...base, award: { id: 'x', toJSON: () => 'y' } },
    { ...base, eligible: () => true, duplicate: Symbol('d') },
    { ...base, facts: { unit: 7 } },
    { ...base, criteria: [{ ...crit, value: undefined }, { ...crit, cell: undefined, inherited: 'no' }, { ...crit, value: [1, 'x'] }, { ...crit, id: 5 }] },
    // eslint-disable-next-line no-sparse-arrays
    { ...base, criteria: [crit, , crit] },
  ];
  await expectSame({ profileName: 'p', tables: [], candidates: odd, issues: [], quotas: [], ties: [] } as unknown as CheckResult, 'vi', { chunk: 128 });
});

it('many candidates across batch boundaries: every chunk within its size, a stream that keeps its chunks, a reader that makes it wait', async () => {
  const n = 3000;
  const r = fc.sample(result, { numRuns: 1, seed: 42 })[0];
  const many = fc.sample(candidate, { numRuns: n, seed: 7 });
  const big = { ...r, candidates: many } as CheckResult;
  const plain = await expectSame(big, 'vi');
  expect(plain.chunks).toBeGreaterThan(5);
  expect(plain.largest).toBeLessThanOrEqual(64 * 1024);
  // Batches smaller than a piece: the piece goes as a chunk of its own.
  for (const chunk of [64, 333, 4096]) await expectSame(big, 'en', { chunk });
  await expectSame(big, 'vi', { keep: true, chunk: 1000 });
  const slow = await expectSame(big, 'vi', { slow: true, chunk: 2000 });
  expect(slow.waits).toBeGreaterThan(10);
  // One candidate per line: grep-able.
  expect(plain.bytes.toString('utf8').split('\n').filter((l) => l.startsWith('    {"kind":'))).toHaveLength(n);
});

it('no candidates, no issues: the same layout', async () => {
  await expectSame({ profileName: 'p', tables: [], candidates: [], issues: [], quotas: [], ties: [] }, 'vi');
});

it('the sample workbook: the same bytes as before, in both languages and with the other preset', async () => {
  const { readWorkbook } = await import('../../src/xlsx/read');
  const { analyze } = await import('../../src/core');
  const r = await readWorkbook(path.join(__dirname, '..', '..', 'templates', 'mau-theo-doi-thi-dua-cchc.xlsx'));
  if (!r.ok) throw new Error(r.error.code);
  for (const lang of ['vi', 'en'] as const) {
    for (const preset of [undefined, 'xa-phuong-2026']) {
      const a = analyze(r.grid, { lang, preset });
      expect(a.result.candidates.length).toBeGreaterThan(20);
      await expectSame(a.result, lang);
    }
  }
});

it('a reader that leaves early (`| head`) ends the report quietly: no stack trace, exit 0', async () => {
  // 3,000 candidates (≈ 3 MB of JSON): more than a pipe holds, so the writer meets the closed pipe.
  const { spawnSync } = await import('child_process');
  const { mkdtempSync } = await import('fs');
  const { tmpdir } = await import('os');
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tập thể');
  ws.addRow(['STT', 'Tên đơn vị', 'Tỷ lệ hoàn thành nhiệm vụ (%)', 'Xếp loại PAR Index', 'Chỉ số SIPAS (%)', 'Tỷ lệ hồ sơ đúng hạn (%)']);
  for (let i = 1; i <= 3000; i++) ws.addRow([i, `Đơn vị ${i}`, 90 + (i % 10), 'Tốt', 95, 99]);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'thidua-json-')), 'big.xlsx');
  await wb.xlsx.writeFile(file);
  const bin = path.join(__dirname, '..', '..', 'bin', 'thidua.js');
  const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" check "${file}" --json | head -c 10`], { encoding: 'utf8' });
  expect(r.stdout).toBe('{\n  "profi');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});
