/**
 * The "Tạo hồ sơ" form as plain data (no DOM): document and meeting facts ↔ text fields, and the
 * votes per eligible candidate. Pure, so the conversion and its messages are unit-tested.
 *
 * Round trip rule: a field whose text is unchanged keeps the stored value exactly (a number stays
 * a number, "05" stays "05"), so opening and saving the form never changes the dossier.
 * Facts the form does not show (other document numbers, symbols…) are kept as they are.
 */
import { nameKey, type CouncilQuestion, type DossierFieldGroup, type Lang, type PaneDossierText } from '../../core';
import { parseIsoDate } from '../../core/dossier/dates';
import { parseFacts, type Facts } from '../../core/dossier/facts';

/** How a field's text becomes a fact. */
export type FieldKind = 'text' | 'date' | 'count' | 'year' | 'docNumber' | 'lines' | 'money';

export type FieldGroup = DossierFieldGroup;

export interface FormField {
  /** The fact's path in Facts ("signer.name", "meeting.membersPresent"). */
  id: string;
  kind: FieldKind;
  group: FieldGroup;
}

const f = (id: string, kind: FieldKind, group: FieldGroup): FormField => ({ id, kind, group });

export const FORM_FIELDS: readonly FormField[] = [
  f('parentBody', 'text', 'body'),
  f('issuingBody', 'text', 'body'),
  f('issuingBodyShort', 'text', 'body'),
  f('place', 'text', 'body'),
  f('date', 'date', 'body'),
  f('numbers.toTrinh', 'docNumber', 'body'),
  f('numbers.bienBan', 'docNumber', 'body'),
  f('addressees', 'lines', 'body'),
  f('recipients', 'lines', 'body'),
  f('signer.authority', 'text', 'signer'),
  f('signer.title', 'text', 'signer'),
  f('signer.name', 'text', 'signer'),
  f('movement', 'text', 'movement'),
  f('year', 'year', 'movement'),
  f('plan.number', 'text', 'movement'),
  f('plan.date', 'date', 'movement'),
  f('plan.issuer', 'text', 'movement'),
  f('legalBases', 'lines', 'movement'),
  f('meeting.date', 'date', 'meeting'),
  f('meeting.time', 'text', 'meeting'),
  f('meeting.endTime', 'text', 'meeting'),
  f('meeting.place', 'text', 'meeting'),
  f('meeting.council', 'text', 'meeting'),
  f('meeting.chair', 'text', 'meeting'),
  f('meeting.chairRole', 'text', 'meeting'),
  f('meeting.secretary', 'text', 'meeting'),
  f('meeting.secretaryRole', 'text', 'meeting'),
  f('meeting.membersPresent', 'count', 'meeting'),
  f('meeting.membersTotal', 'count', 'meeting'),
  f('meeting.absentees', 'lines', 'meeting'),
  // The Quyết định khen thưởng (after the council): src/core/dossier/decision.ts.
  f('decision.issuingBody', 'text', 'decision'),
  f('decision.issuingBodyShort', 'text', 'decision'),
  f('decision.number', 'docNumber', 'decision'),
  f('decision.date', 'date', 'decision'),
  f('decision.authority', 'text', 'decision'),
  f('decision.issuerName', 'text', 'decision'),
  f('decision.proposer', 'text', 'decision'),
  f('decision.amounts.collective', 'money', 'decision'),
  f('decision.amounts.individual', 'money', 'decision'),
  f('decision.amountBasis', 'text', 'decision'),
  f('decision.fund', 'text', 'decision'),
  f('decision.executors', 'lines', 'decision'),
  f('decision.signer.authority', 'text', 'decision'),
  f('decision.signer.title', 'text', 'decision'),
  f('decision.signer.name', 'text', 'decision'),
  f('decision.recipients', 'lines', 'decision'),
];

/**
 * The facts shown first, short: enough for the Tờ trình and the Biên bản to carry their number,
 * date, signer and meeting. Everything else is folded under "Thông tin khác".
 */
export const ESSENTIAL_FACTS: readonly string[] = ['issuingBody', 'parentBody', 'numbers.toTrinh', 'date', 'signer.title', 'signer.name', 'meeting.date', 'meeting.chair', 'meeting.secretary', 'meeting.membersPresent'];

export interface VoteField {
  /** The candidate's name as in the workbook (votes are matched by name, as in the model). */
  candidate: string;
  agree: string;
}

export interface FormState {
  fields: Record<string, string>;
  votes: VoteField[];
}

/** A problem of one field ("meeting.date", or "vote:<name>"), or of the whole form (field null). */
export interface FieldProblem {
  field: string | null;
  message: string;
}

export type FormResult = { ok: true; facts: Facts } | { ok: false; problems: FieldProblem[] };

export const voteFieldId = (candidate: string): string => `vote:${candidate}`;

type Obj = Record<string, unknown>;

function getPath(o: unknown, path: string): unknown {
  let cur = o;
  for (const k of path.split('.')) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Obj)[k];
  }
  return cur;
}

function setPath(o: Obj, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = o;
  for (const k of keys.slice(0, -1)) {
    if (!cur[k] || typeof cur[k] !== 'object') cur[k] = {};
    cur = cur[k] as Obj;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete cur[last];
  else cur[last] = value;
}

/** A stored value as the text the field shows. */
function toText(kind: FieldKind, v: unknown): string {
  if (v === undefined || v === null) return '';
  if (kind === 'lines') return Array.isArray(v) ? v.map(String).join('\n') : String(v);
  return String(v);
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** The form's text for saved facts; votes shown for the given candidates (in that order). */
export function factsToForm(facts: Facts | undefined, voteCandidates: string[] = []): FormState {
  const fields: Record<string, string> = {};
  for (const field of FORM_FIELDS) fields[field.id] = toText(field.kind, getPath(facts, field.id));
  const saved = facts?.meeting?.votes ?? [];
  const votes = voteCandidates.map((candidate) => {
    const v = saved.find((x) => nameKey(x.candidate) === nameKey(candidate));
    return { candidate, agree: v ? String(v.agree) : '' };
  });
  return { fields, votes };
}

const MESSAGES = {
  vi: {
    date: 'Ngày không hợp lệ: ghi theo dạng dd/mm/yyyy (ví dụ 20/12/2022).',
    money: 'Số tiền (đồng) chỉ gồm chữ số, có thể có dấu chấm ngăn cách (ví dụ 447.000).',
    count: 'Phải là một số nguyên không âm (ví dụ 9).',
    year: 'Năm phải có 4 chữ số (ví dụ 2022).',
    docNumber: 'Số văn bản chỉ gồm chữ số (ví dụ 245), không ghi ký hiệu ở đây.',
    presentOverTotal: (present: number, total: number) => `Số thành viên có mặt (${present}) lớn hơn tổng số thành viên (${total}).`,
    votesOverPresent: (agree: number, present: number) => `Số phiếu đồng ý (${agree}) lớn hơn số thành viên có mặt (${present}).`,
  },
  en: {
    date: 'Invalid date: write it as dd/mm/yyyy (e.g. 20/12/2022).',
    money: 'An amount in đồng: digits, dots between thousands allowed (e.g. 447.000).',
    count: 'Must be a whole number, 0 or more (e.g. 9).',
    year: 'The year must have 4 digits (e.g. 2022).',
    docNumber: 'The document number is digits only (e.g. 245), without the symbol.',
    presentOverTotal: (present: number, total: number) => `Members present (${present}) exceed the council's members in total (${total}).`,
    votesOverPresent: (agree: number, present: number) => `Votes in favour (${agree}) exceed the members present (${present}).`,
  },
};

/** Removes empty objects left by cleared fields (an empty `signer: {}` means nothing). */
function prune(o: Obj): void {
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      prune(v as Obj);
      if (!Object.keys(v as Obj).length) delete o[k];
    }
  }
}

/**
 * The facts the form describes, merged over what was stored (facts the form does not show are
 * kept), validated with the same schema as the CLI. Problems are given by field, in `lang`.
 */
export function formToFacts(form: FormState, base: Facts | undefined, lang: Lang): FormResult {
  const M = MESSAGES[lang];
  const out = (clone(base) ?? {}) as Obj;
  const problems: FieldProblem[] = [];
  for (const field of FORM_FIELDS) {
    const raw = form.fields[field.id] ?? '';
    const text = raw.trim();
    const stored = getPath(base, field.id);
    // Unchanged text keeps the stored value as it was (number vs string, spacing of lines).
    if (stored !== undefined && toText(field.kind, stored) === raw) continue;
    if (!text) {
      setPath(out, field.id, undefined);
      continue;
    }
    switch (field.kind) {
      case 'text':
        setPath(out, field.id, text);
        break;
      case 'date':
        if (!parseIsoDate(text)) problems.push({ field: field.id, message: M.date });
        setPath(out, field.id, text);
        break;
      case 'count':
        if (!/^\d+$/.test(text)) problems.push({ field: field.id, message: M.count });
        setPath(out, field.id, /^\d+$/.test(text) ? Number(text) : text);
        break;
      case 'year':
        if (!/^\d{4}$/.test(text)) problems.push({ field: field.id, message: M.year });
        setPath(out, field.id, /^\d{4}$/.test(text) ? Number(text) : text);
        break;
      case 'docNumber':
        // "05" is kept as typed (it prints as typed); plain digits become a number ("5" → "05").
        if (!/^\d+$/.test(text)) problems.push({ field: field.id, message: M.docNumber });
        setPath(out, field.id, /^[1-9]\d*$|^0$/.test(text) ? Number(text) : text);
        break;
      case 'money': {
        // "447.000", "447 000" or "447000" đồng.
        const digits = text.replace(/[.\s\u00a0]/g, '');
        if (!/^\d+$/.test(digits)) problems.push({ field: field.id, message: M.money });
        setPath(out, field.id, /^\d+$/.test(digits) ? Number(digits) : text);
        break;
      }
      case 'lines': {
        const lines = raw.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
        setPath(out, field.id, lines.length ? lines : undefined);
        break;
      }
    }
  }

  // Votes: the candidates shown are replaced; votes for names not shown are kept.
  const meeting = (out.meeting ?? {}) as Obj;
  const present = typeof meeting.membersPresent === 'number' ? meeting.membersPresent : undefined;
  const total = typeof meeting.membersTotal === 'number' ? meeting.membersTotal : undefined;
  if (present !== undefined && total !== undefined && present > total) {
    problems.push({ field: 'meeting.membersPresent', message: M.presentOverTotal(present, total) });
  }
  const shown = new Set(form.votes.map((v) => nameKey(v.candidate)));
  const storedVotes = (base?.meeting?.votes ?? []) as { candidate: string; agree: number; total?: number }[];
  const votes: Obj[] = storedVotes.filter((v) => !shown.has(nameKey(v.candidate))).map((v) => ({ ...v }));
  for (const v of form.votes) {
    const text = v.agree.trim();
    if (!text) continue;
    const previous = storedVotes.find((x) => nameKey(x.candidate) === nameKey(v.candidate));
    if (!/^\d+$/.test(text)) {
      problems.push({ field: voteFieldId(v.candidate), message: M.count });
      continue;
    }
    const agree = Number(text);
    const limit = previous?.total ?? present;
    if (limit !== undefined && agree > limit) problems.push({ field: voteFieldId(v.candidate), message: M.votesOverPresent(agree, limit) });
    votes.push(previous ? { ...previous, agree } : { candidate: v.candidate, agree });
  }
  // Stored order first (unchanged facts stay byte-equal), new candidates after.
  const order = (name: string) => {
    const i = storedVotes.findIndex((x) => nameKey(x.candidate) === nameKey(name));
    return i < 0 ? storedVotes.length + form.votes.findIndex((x) => nameKey(x.candidate) === nameKey(name)) : i;
  };
  votes.sort((a, b) => order(a.candidate as string) - order(b.candidate as string));
  if (votes.length) meeting.votes = votes;
  else delete meeting.votes;
  out.meeting = meeting;
  prune(out);

  if (problems.length) return { ok: false, problems };
  const parsed = parseFacts(out, 'facts', lang);
  if (parsed.ok) return { ok: true, facts: parsed.facts };
  const voteNames = ((out.meeting as Obj | undefined)?.votes as Obj[] | undefined)?.map((v) => String(v.candidate)) ?? [];
  return { ok: false, problems: parsed.problems.map((p) => ({ field: fieldOf(p.path, voteNames), message: p.message })) };
}

/** The form field a schema path belongs to: the longest field id that prefixes it. */
export function fieldOf(path: string, voteNames: string[] = []): string | null {
  const vote = /^meeting\.votes\.(\d+)/.exec(path);
  if (vote) {
    const name = voteNames[Number(vote[1])];
    return name !== undefined ? voteFieldId(name) : null;
  }
  let best: string | null = null;
  for (const field of FORM_FIELDS) {
    if ((path === field.id || path.startsWith(`${field.id}.`)) && (!best || field.id.length > best.length)) best = field.id;
  }
  return best;
}

/** Saved facts as stored in the workbook, or undefined with the problems when they are broken. */
export function savedFacts(stored: unknown, lang: Lang): { facts: Facts | undefined; problems: FieldProblem[] } {
  if (stored === undefined || stored === null) return { facts: undefined, problems: [] };
  const parsed = parseFacts(stored, 'facts', lang);
  if (parsed.ok) return { facts: parsed.facts, problems: [] };
  // Broken facts are still shown, so the user can correct them rather than lose them.
  const shown = typeof stored === 'object' && !Array.isArray(stored) ? (stored as Facts) : undefined;
  return { facts: shown, problems: parsed.problems.map((p) => ({ field: fieldOf(p.path), message: `${p.path}: ${p.message}` })) };
}

/** A fact's name in the list of missing facts: "Cuộc họp — Địa điểm", "Kính gửi" (no "(one per line)"). */
export function missingLabel(D: PaneDossierText, path: string): string {
  const label = (D.labels[path] ?? path).replace(/\s*\([^)]*\)$/, '');
  return path.startsWith('meeting.') ? `${D.meetingPrefix} — ${label}` : label;
}

type FactsDecision = NonNullable<NonNullable<Facts['meeting']>['decisions']>[number];

/** The question a decision settles: a new choice replaces the council's earlier one on it (names compared as the core does). */
function decisionKey(d: FactsDecision): string {
  return d.type === 'initiative' ? `initiative:${nameKey(d.initiative)}` : `candidate:${nameKey(d.candidate)}`;
}

/** One control of the council's fieldset as the pane holds it: a select's value, a checkbox's state. */
export interface CouncilInput {
  decision: string;
  /** The index of its question in the check's `questions`. */
  question: number;
  candidate?: string;
  initiative?: string;
  award?: string;
  value?: string;
  checked?: boolean;
}

/**
 * What the controls say, as decisions in the CLI's shape — or, for a tie, more names ticked than
 * there are places (the council takes as many as the places; the rest stay tied).
 */
export function chosenDecisions(inputs: CouncilInput[], questions: readonly CouncilQuestion[]): { chosen: FactsDecision[]; tooMany: { places: number; ticked: number; rank: number }[] } {
  const chosen: FactsDecision[] = [];
  const ticked = new Map<number, number>();
  for (const x of inputs) {
    if (x.decision === 'initiative' && x.value && x.initiative) chosen.push({ type: 'initiative', initiative: x.initiative, owner: x.value });
    else if (x.decision === 'place' && x.checked && x.candidate) {
      chosen.push({ type: 'place', candidate: x.candidate, ...(x.award ? { award: x.award } : {}) });
      ticked.set(x.question, (ticked.get(x.question) ?? 0) + 1);
    } else if (x.decision === 'drop' && x.checked && x.candidate) chosen.push({ type: 'drop', candidate: x.candidate });
  }
  const tooMany: { places: number; ticked: number; rank: number }[] = [];
  for (const [i, n] of ticked) {
    const q = questions[i];
    if (q?.type === 'tie' && n > q.places) tooMany.push({ places: q.places, ticked: n, rank: q.rank });
  }
  return { chosen, tooMany };
}

/**
 * The council's decisions chosen in the pane, written into the facts' `meeting.decisions` (the shape
 * the CLI's --meeting reads): each replaces an earlier decision on the same initiative / candidate.
 */
export function withDecisions(facts: Facts, chosen: FactsDecision[]): Facts {
  const keys = new Set(chosen.map(decisionKey));
  const kept = (facts.meeting?.decisions ?? []).filter((d) => !keys.has(decisionKey(d)));
  return { ...facts, meeting: { ...(facts.meeting ?? {}), decisions: [...kept, ...chosen] } };
}
