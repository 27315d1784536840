/**
 * Writes `thidua check --json` piece by piece: the top level is indented, and each element of a
 * top-level array (a candidate, an issue) is written compact on a line of its own. 50,000
 * candidates never become one string of tens of megabytes, the output is a third smaller than fully
 * indented JSON (11.7 against 17.4 MB at 10,000 candidates), and it still reads by eye and by
 * `grep`, a candidate per line. The bytes are JSON.stringify's, element by element (held to it by
 * test/cli/jsonOut.test.ts).
 *
 * The candidates (≈ 1 KB of JSON each, 50,000 of them) are encoded straight into bytes
 * (jsonBytes.ts), their members in the order of the core's jsonCandidate, without building that
 * object or its text; the rest of the report (tables, issues, quotas, ties: small) goes through
 * JSON.stringify. When the stream asks to wait (a slow pipe reader), writing waits for 'drain', so
 * the report never piles up in memory.
 */
import { criterionMessage, jsonCandidate, renderMessage, toJsonReport, type CheckResult, type CriterionValue, type Lang, type Message } from '../core';
import type { ByteOut } from './io';
import { JsonBytes } from './jsonBytes';

type Candidate = CheckResult['candidates'][number];
type Criterion = Candidate['criteria'][number];

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const json = JSON.stringify;
const COMMA = bytes(',');
const CELL = bytes(',"cell":');
const CRITERIA = bytes(',"criteria":[');
const CLOSE = bytes('}');
const ELIGIBLE = [bytes('],"eligible":false,"rank":'), bytes('],"eligible":true,"rank":')];
const AWARD = bytes(',"award":');
/** overQuota, tiedAtCutoff, duplicate as three bits. */
const FLAGS = Array.from({ length: 8 }, (_, i) => bytes(`,"overQuota":${!!(i & 1)},"tiedAtCutoff":${!!(i & 2)},"duplicate":${!!(i & 4)},"unit":`));
const MATCHED = bytes(',"matchedUnit":');
const END = [bytes('},\n'), bytes('}\n')];

/** The constant runs of a candidate's JSON, for each kind, sheet, criterion id and outcome met (a handful). */
class Templates {
  private readonly heads = new Map<string, Map<string, [Uint8Array, Uint8Array]>>();
  private readonly criteria = new Map<string, Map<string, Uint8Array>>();
  private readonly sheets = new Map<string, [Uint8Array, Uint8Array]>();

  /** `    {"kind":…,"name":` and `,"sheet":…,"row":`. */
  head(kind: string, sheet: string): [Uint8Array, Uint8Array] {
    let bySheet = this.heads.get(kind);
    if (!bySheet) this.heads.set(kind, (bySheet = new Map()));
    let t = bySheet.get(sheet);
    if (!t) bySheet.set(sheet, (t = [bytes(`    {"kind":${json(kind)},"name":`), bytes(`,"sheet":${json(sheet)},"row":`)]));
    return t;
  }

  /** `{"id":…,"outcome":…,"value":`. */
  criterion(id: string, outcome: string): Uint8Array {
    let byOutcome = this.criteria.get(id);
    if (!byOutcome) this.criteria.set(id, (byOutcome = new Map()));
    let t = byOutcome.get(outcome);
    if (!t) byOutcome.set(outcome, (t = bytes(`{"id":${json(id)},"outcome":${json(outcome)},"value":`)));
    return t;
  }

  /** `,"sheet":…,"inherited":…,"message":`. */
  sheet(sheet: string, inherited: boolean): Uint8Array {
    let t = this.sheets.get(sheet);
    if (!t) this.sheets.set(sheet, (t = [false, true].map((i) => bytes(`,"sheet":${json(sheet)},"inherited":${i},"message":`)) as [Uint8Array, Uint8Array]));
    return t[inherited ? 1 : 0];
  }
}

/** Most cached messages before the cache stops growing (≈ 200 bytes each). */
const MESSAGE_CACHE_LIMIT = 20_000;

/**
 * Criterion messages. The core shares one frozen reason per rule and outcome among every row
 * (src/core/evaluate.ts), so the message is a function of that reason and the row's value: rendered
 * and encoded once per pair, then copied. Reasons of their own (a row's initiative…) are rendered
 * each time. A value of 0 is never a key (a Map would not tell 0 from -0).
 */
class Messages {
  private readonly byReason = new Map<Message, Map<CriterionValue, Uint8Array>>();
  private size = 0;
  constructor(private readonly lang: Lang) {}

  write(w: JsonBytes, x: Criterion): void {
    const r = x.reason;
    const v = x.value;
    if (v !== 0 && Object.isFrozen(r) && Object.isFrozen(r.params)) {
      let byValue = this.byReason.get(r);
      if (!byValue) this.byReason.set(r, (byValue = new Map()));
      const cached = byValue.get(v);
      if (cached) {
        w.frag(cached);
        return;
      }
      if (this.size < MESSAGE_CACHE_LIMIT) {
        const text = bytes(json(renderMessage(criterionMessage(x), this.lang)));
        byValue.set(v, text);
        this.size++;
        w.frag(text);
        return;
      }
    }
    w.text(renderMessage(criterionMessage(x), this.lang));
  }
}

const isText = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isPrim = (v: unknown): v is string | number | boolean | null => isText(v) || typeof v === 'number' || typeof v === 'boolean';

/** Every field of the type it has in CheckResult (then the fast writer gives JSON.stringify's bytes). */
function typical(c: Candidate): boolean {
  if (typeof c.kind !== 'string' || typeof c.name !== 'string' || typeof c.sheet !== 'string' || typeof c.row !== 'number') return false;
  if (typeof c.eligible !== 'boolean' || typeof c.overQuota !== 'boolean' || typeof c.tiedAtCutoff !== 'boolean' || typeof c.duplicate !== 'boolean') return false;
  if (!(c.rank === null || typeof c.rank === 'number') || !isText(c.award) || !isText(c.facts.unit ?? null) || !isText(c.matchedUnit ?? null)) return false;
  if (!Array.isArray(c.criteria)) return false;
  for (const x of c.criteria as Criterion[]) {
    if (typeof x !== 'object' || x === null || typeof x.id !== 'string' || typeof x.outcome !== 'string' || typeof x.sheet !== 'string') return false;
    if (typeof x.inherited !== 'boolean' || !isPrim(x.value) || !isText(x.cell)) return false;
  }
  return true;
}

/**
 * `    ` + JSON.stringify(jsonCandidate(c, lang)) + `,\n` (or `\n` for the last), as bytes: constant
 * runs copied, values encoded. A candidate with a field of an unexpected type (never from the
 * core) goes through JSON.stringify itself.
 */
function writeCandidate(w: JsonBytes, t: Templates, m: Messages, c: Candidate, lang: Lang, last: boolean): void {
  if (!typical(c)) {
    w.raw(`    ${json(jsonCandidate(c, lang))}${last ? '' : ','}\n`);
    return;
  }
  const [head, sheet] = t.head(c.kind, c.sheet);
  w.frag(head);
  w.str(c.name);
  w.frag(sheet);
  w.num(c.row);
  w.frag(CRITERIA);
  const criteria = c.criteria;
  for (let i = 0; i < criteria.length; i++) {
    const x = criteria[i];
    if (i) w.frag(COMMA);
    w.frag(t.criterion(x.id, x.outcome));
    w.prim(x.value);
    w.frag(CELL);
    w.prim(x.cell);
    w.frag(t.sheet(x.sheet, x.inherited));
    m.write(w, x);
    w.frag(CLOSE);
  }
  w.frag(ELIGIBLE[c.eligible ? 1 : 0]);
  w.prim(c.rank);
  w.frag(AWARD);
  w.prim(c.award);
  w.frag(FLAGS[(c.overQuota ? 1 : 0) | (c.tiedAtCutoff ? 2 : 0) | (c.duplicate ? 4 : 0)]);
  w.prim(c.facts.unit ?? null);
  w.frag(MATCHED);
  w.prim(c.matchedUnit ?? null);
  w.frag(END[last ? 1 : 0]);
}

/** The report of `check --json` (the layout above), then a line break, in chunks of `chunkSize` bytes. */
export async function writeCheckJson(result: CheckResult, lang: Lang, out: ByteOut, chunkSize?: number): Promise<void> {
  const w = new JsonBytes(out, chunkSize);
  const { candidates: _none, ...head } = toJsonReport({ ...result, candidates: [] }, lang);
  const record = head as Record<string, unknown>;
  w.raw('{\n');
  // Every member is a string or an array (JsonReport): nothing JSON.stringify would leave out.
  for (const k of Object.keys(record)) {
    const v = record[k];
    w.raw(`  ${JSON.stringify(k)}: `);
    if (Array.isArray(v) && v.length) {
      w.raw('[\n');
      for (let j = 0; j < v.length; j++) w.raw(`    ${JSON.stringify(v[j])}${j < v.length - 1 ? ',' : ''}\n`);
      w.raw('  ],\n');
    } else w.raw(`${JSON.stringify(v)},\n`);
  }
  w.raw('  "candidates": ');
  const list = result.candidates;
  if (list.length) {
    w.raw('[\n');
    const last = list.length - 1;
    const t = new Templates();
    const m = new Messages(lang);
    for (let j = 0; j <= last; j++) {
      writeCandidate(w, t, m, list[j], lang, j === last);
      const wait = w.ready();
      if (wait) await wait;
    }
    w.raw('  ]');
  } else w.raw('[]');
  w.raw('\n}\n');
  w.flush();
}
