/** The "Tạo hồ sơ" form model: facts ↔ fields, votes, and the messages shown by field. */
import { text } from '../../src/core';
import { parseFacts, type Facts } from '../../src/core/dossier/facts';
import { chosenDecisions, factsToForm, fieldOf, FORM_FIELDS, formToFacts, savedFacts, voteFieldId, withDecisions, type CouncilInput, type FormState } from '../../src/taskpane/dossier/form';
import { missingFacts } from '../../src/core/dossier/facts';
import { missingLabel } from '../../src/taskpane/dossier/form';
import { parsedSampleFacts } from '../support/dossier';

const sampleFacts = parsedSampleFacts;

const voteNames = (f: Facts) => (f.meeting?.votes ?? []).map((v) => v.candidate);

function ok(r: ReturnType<typeof formToFacts>): Facts {
  if (!r.ok) throw new Error(`unexpected problems: ${JSON.stringify(r.problems)}`);
  return r.facts;
}

function edit(form: FormState, changes: Record<string, string>): FormState {
  return { fields: { ...form.fields, ...changes }, votes: form.votes };
}

describe('facts ↔ form', () => {
  it('shows every sample fact in a field and gives the same facts back, unchanged', () => {
    const facts = sampleFacts();
    const form = factsToForm(facts, voteNames(facts));
    expect(form.fields['parentBody']).toBe('UBND thị xã Ninh Hòa');
    expect(form.fields['numbers.toTrinh']).toBe('245');
    expect(form.fields['meeting.membersPresent']).toBe('9');
    expect(form.fields['recipients']).toBe('- Như trên;\n- Hội đồng TĐKT thị xã;\n- Lưu: VT, NV.');
    expect(form.votes.find((v) => v.candidate === 'Phòng Tư pháp')?.agree).toBe('8');
    expect(ok(formToFacts(form, facts, 'vi'))).toEqual(facts);
    // Typed from scratch (no stored facts), the same text gives the same facts.
    expect(ok(formToFacts(form, undefined, 'vi'))).toEqual(facts);
  });

  it('covers every fact of the sample files with a field (nothing the user cannot see)', () => {
    const facts = sampleFacts();
    const { meeting, numbers, ...rest } = facts;
    const shown = new Set(FORM_FIELDS.map((f) => f.id));
    // Every leaf (arrays are leaves): "signer.name", "decision.amounts.collective".
    const leaves = (prefix: string, v: unknown): string[] =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v).flatMap(([k, x]) => leaves(`${prefix}.${k}`, x)) : [prefix];
    const paths = [
      ...Object.entries(rest).flatMap(([k, v]) => leaves(k, v)),
      ...Object.keys(numbers ?? {}).map((k) => `numbers.${k}`),
      ...Object.keys(meeting ?? {}).filter((k) => k !== 'votes').map((k) => `meeting.${k}`),
    ];
    expect(paths.filter((p) => !shown.has(p))).toEqual([]);
  });

  it('writes a changed field to its fact, keeps facts the form does not show, and removes cleared ones', () => {
    const facts: Facts = { ...sampleFacts(), symbols: { toTrinh: 'TTr-PNV' }, numbers: { toTrinh: 245, 'toTrinh:giayKhen': 7 } };
    const form = factsToForm(facts, voteNames(facts));
    const out = ok(formToFacts(edit(form, { 'signer.name': '  Lê Văn Tám ', 'signer.title': '', 'signer.authority': '', 'plan.issuer': '', 'meeting.date': '16/12/2022' }), facts, 'vi'));
    expect(out.signer).toEqual({ name: 'Lê Văn Tám' });
    expect(out.symbols).toEqual({ toTrinh: 'TTr-PNV' });
    expect(out.numbers).toEqual({ toTrinh: 245, 'toTrinh:giayKhen': 7 });
    expect(out.plan).toEqual({ number: '135/KH-UBND', date: '2022-03-15' });
    expect(out.meeting?.date).toBe('16/12/2022');
    // Clearing every signer field removes the signer, not an empty object.
    const none = ok(formToFacts(edit(form, { 'signer.name': '', 'signer.title': '' }), facts, 'vi'));
    expect(none.signer).toBeUndefined();
  });

  it('turns lines into lists and numbers into numbers', () => {
    const form = factsToForm(undefined);
    const out = ok(formToFacts(edit(form, { addressees: ' Chủ tịch UBND thị xã \n\n  Hội đồng TĐKT \n', year: '2023', 'numbers.toTrinh': '5', 'meeting.membersPresent': '7', 'meeting.membersTotal': '9' }), undefined, 'vi'));
    expect(out.addressees).toEqual(['Chủ tịch UBND thị xã', 'Hội đồng TĐKT']);
    expect(out.year).toBe(2023);
    expect(out.numbers).toEqual({ toTrinh: 5 });
    expect(out.meeting).toEqual({ membersPresent: 7, membersTotal: 9 });
    // An empty form is empty facts, never blanks or "undefined".
    expect(ok(formToFacts(form, undefined, 'vi'))).toEqual({});
  });

  it('keeps a stored value exactly when its text is unchanged ("05" stays a string)', () => {
    const facts: Facts = { numbers: { toTrinh: '05' }, year: '2022' };
    const out = ok(formToFacts(factsToForm(facts), facts, 'vi'));
    expect(out.numbers).toEqual({ toTrinh: '05' });
    expect(out.year).toBe('2022');
  });

  it('saves votes per candidate shown, keeps votes of others, removes a cleared one', () => {
    const facts = sampleFacts();
    const form = factsToForm(facts, ['Phòng Tư pháp', 'Phòng Nội vụ', 'Đơn vị mới']);
    expect(form.votes.map((v) => v.agree)).toEqual(['8', '9', '']);
    form.votes[0].agree = '9';
    form.votes[1].agree = '';
    form.votes[2].agree = '7';
    const out = ok(formToFacts(form, facts, 'vi'));
    const votes = out.meeting?.votes ?? [];
    expect(votes.find((v) => v.candidate === 'Phòng Tư pháp')?.agree).toBe(9);
    expect(votes.find((v) => v.candidate === 'Phòng Nội vụ')).toBeUndefined();
    expect(votes[votes.length - 1]).toEqual({ candidate: 'Đơn vị mới', agree: 7 });
    expect(votes.find((v) => v.candidate === 'Nguyễn Thị Thu Hà')?.agree).toBe(9);
    expect(votes).toHaveLength((facts.meeting?.votes?.length ?? 0));
  });
});

describe('messages by field, in the user language', () => {
  const problemsOf = (r: ReturnType<typeof formToFacts>) => {
    if (r.ok) throw new Error('expected problems');
    return r.problems;
  };

  it('names the field of an impossible date, in Vietnamese and in English', () => {
    const form = edit(factsToForm(undefined), { 'meeting.date': '31/02/2022', date: '2022-12-20' });
    expect(problemsOf(formToFacts(form, undefined, 'vi'))).toEqual([{ field: 'meeting.date', message: 'Ngày không hợp lệ: ghi theo dạng dd/mm/yyyy (ví dụ 20/12/2022).' }]);
    expect(problemsOf(formToFacts(form, undefined, 'en'))).toEqual([{ field: 'meeting.date', message: 'Invalid date: write it as dd/mm/yyyy (e.g. 20/12/2022).' }]);
  });

  it('refuses words where a count is expected, and more present than members', () => {
    const p = problemsOf(formToFacts(edit(factsToForm(undefined), { 'meeting.membersPresent': 'chín', 'numbers.toTrinh': '245/TTr' }), undefined, 'vi'));
    expect(p).toEqual([
      { field: 'numbers.toTrinh', message: 'Số văn bản chỉ gồm chữ số (ví dụ 245), không ghi ký hiệu ở đây.' },
      { field: 'meeting.membersPresent', message: 'Phải là một số nguyên không âm (ví dụ 9).' },
    ]);
    const over = problemsOf(formToFacts(edit(factsToForm(undefined), { 'meeting.membersPresent': '12', 'meeting.membersTotal': '11' }), undefined, 'vi'));
    expect(over).toEqual([{ field: 'meeting.membersPresent', message: 'Số thành viên có mặt (12) lớn hơn tổng số thành viên (11).' }]);
  });

  it('puts a vote problem on that candidate\'s field', () => {
    const form = factsToForm({ meeting: { membersPresent: 9 } }, ['Phòng Tư pháp', 'Võ Thị Mai']);
    form.votes[0].agree = '10';
    form.votes[1].agree = 'x';
    expect(problemsOf(formToFacts(form, { meeting: { membersPresent: 9 } }, 'vi'))).toEqual([
      { field: voteFieldId('Phòng Tư pháp'), message: 'Số phiếu đồng ý (10) lớn hơn số thành viên có mặt (9).' },
      { field: voteFieldId('Võ Thị Mai'), message: 'Phải là một số nguyên không âm (ví dụ 9).' },
    ]);
  });

  it('maps the schema\'s own problems to the field (year out of range), in the user language', () => {
    const form = edit(factsToForm(undefined), { year: '1800' });
    const vi = problemsOf(formToFacts(form, undefined, 'vi'));
    const en = problemsOf(formToFacts(form, undefined, 'en'));
    expect(vi.map((p) => p.field)).toEqual(['year']);
    expect(en.map((p) => p.field)).toEqual(['year']);
    expect(vi[0].message).not.toBe(en[0].message);
    expect(vi[0].message).toMatch(/[àáảãạăâđêôơư]/i);
  });

  it('finds the field of a schema path', () => {
    expect(fieldOf('addressees.0')).toBe('addressees');
    expect(fieldOf('meeting.absentees.2')).toBe('meeting.absentees');
    expect(fieldOf('signer.name')).toBe('signer.name');
    expect(fieldOf('meeting.votes.1.agree', ['A', 'B'])).toBe(voteFieldId('B'));
    expect(fieldOf('symbols.toTrinh')).toBeNull();
  });

  it('shows broken saved facts (hand-edited) with their problems instead of dropping them', () => {
    const r = savedFacts({ place: 'Ninh Hòa', date: '2022-13-45' }, 'vi');
    expect(r.facts?.place).toBe('Ninh Hòa');
    expect(r.problems.map((p) => p.field)).toEqual(['date']);
    expect(savedFacts(undefined, 'vi')).toEqual({ facts: undefined, problems: [] });
  });

  it('names every missing fact in words, meeting facts marked as such', () => {
    const vi = text('vi').paneDossier;
    const names = missingFacts({}).map((m) => missingLabel(vi, m));
    expect(names).not.toContainEqual(expect.stringMatching(/\.|\(mỗi dòng/));
    expect(missingLabel(vi, 'addressees')).toBe('Kính gửi');
    expect(missingLabel(vi, 'meeting.place')).toBe('Cuộc họp — Địa điểm');
    expect(missingLabel(text('en').paneDossier, 'meeting.place')).toBe('Meeting — Place');
  });

  it('has a label in both languages for every field', () => {
    for (const lang of ['vi', 'en'] as const) {
      const D = text(lang).paneDossier;
      for (const f of FORM_FIELDS) expect(D.labels[f.id]).toBeTruthy();
    }
  });
});

describe("the council's decisions chosen in the pane", () => {
  it('are saved in the facts as the CLI reads them, replace an earlier choice, and judge the candidates again', async () => {
    const { readWorkbookFile } = await import('../support/readWorkbook');
    const { SAMPLE } = await import('../cli/run');
    const { STATE_SHEET } = await import('../../src/core/annotationPlan');
    const { stateRows } = await import('../../src/core/state');
    const { prepare } = await import('../../src/core/dossier/prepare');
    const read = await readWorkbookFile(SAMPLE);
    if (!read.ok) throw new Error('sample workbook');
    const judged = (facts: Facts) => {
      const grid = { sheets: [...read.grid.sheets.filter((s) => s.name !== STATE_SHEET), { name: STATE_SHEET, originRow: 0, originCol: 0, values: stateRows({ facts }) }] };
      const p = prepare(grid, { lang: 'vi' });
      if (!p.ok) throw new Error(JSON.stringify(p));
      return p.analysis.result;
    };
    const base = sampleFacts();
    const before = judged(base);
    const ha = (r: typeof before) => r.candidates.find((c) => c.name === 'Nguyễn Thị Thu Hà')!;
    expect(ha(before).award).not.toBeNull();
    const q = before.questions!.find((x) => x.type === 'initiative' && x.names.includes('Nguyễn Thị Thu Hà'))!;
    if (q.type !== 'initiative') throw new Error('question');

    // First the council gives it to the person, then changes its mind: one decision on it remains.
    const first = withDecisions(base, [{ type: 'initiative', initiative: q.initiative, owner: 'Nguyễn Thị Thu Hà' }]);
    const facts = withDecisions(first, [{ type: 'initiative', initiative: ` ${q.initiative} `, owner: 'Phòng Nội vụ' }]);
    expect(facts.meeting!.decisions).toEqual([{ type: 'initiative', initiative: ` ${q.initiative} `, owner: 'Phòng Nội vụ' }]);
    expect(facts.meeting!.votes).toEqual(base.meeting!.votes);
    // What the pane saves is what the facts file / --meeting accepts.
    expect(parseFacts(JSON.parse(JSON.stringify(facts)), 'facts').ok).toBe(true);

    const after = judged(facts);
    expect(ha(after).award).toBeNull();
    expect(after.questions!.length).toBe(before.questions!.length - 1);
    expect(after.decisions).toContainEqual(expect.objectContaining({ type: 'initiative', owner: 'Phòng Nội vụ' }));
  });

  it('a tie and an overflow: the ticks become place / drop decisions, more ticks than places are refused, and the tie is settled', async () => {
    const { readWorkbookFile } = await import('../support/readWorkbook');
    const { SAMPLE } = await import('../cli/run');
    const { analyze, meetingOf } = await import('../../src/core');
    const read = await readWorkbookFile(SAMPLE);
    if (!read.ok) throw new Error('sample workbook');
    // Votes only, 7 places for units: six units with 9 votes, three with 8 tied for the last place.
    const profileInput = { voteThreshold: 70, rankingKeys: ['votes'], awards: [{ id: 'giay-khen-thi-xa', quota: { collective: 7, individual: 10 } }] };
    const judge = (facts: Facts) => analyze(read.grid, { lang: 'vi', profileInput, meeting: meetingOf(facts.meeting) }).result;
    const base = sampleFacts();
    const before = judge(base);
    const questions = before.questions!;
    const i = questions.findIndex((q) => q.type === 'tie');
    const tie = questions[i];
    if (tie.type !== 'tie') throw new Error('no tie');
    expect(tie).toMatchObject({ places: 1 });
    expect(tie.names).toEqual(expect.arrayContaining(['Phòng Giáo dục và Đào tạo', 'Phòng Tư pháp']));
    // The fieldset's controls as the view builds them: a checkbox per tied name, a select per shared initiative (left undecided).
    const controls = (ticked: string[]): CouncilInput[] => [
      ...questions.flatMap((q, k) => (q.type === 'initiative' ? [{ decision: 'initiative', question: k, initiative: q.initiative, value: '' }] : [])),
      ...tie.names.map((n) => ({ decision: 'place', question: i, candidate: n, award: tie.awardId, checked: ticked.includes(n) })),
    ];

    const two = chosenDecisions(controls(['Phòng Giáo dục và Đào tạo', 'Phòng Tư pháp']), questions);
    expect(two.tooMany).toEqual([{ places: 1, ticked: 2, rank: tie.rank }]);
    expect(text('vi').paneAfter.councilTooMany(1, 2, tie.rank)).toBe(`Đồng hạng ${tie.rank}: chỉ có 1 suất nhưng đã chọn 2 trường hợp. Bỏ bớt rồi lưu lại.`);

    const one = chosenDecisions(controls(['Phòng Giáo dục và Đào tạo']), questions);
    expect(one).toEqual({ chosen: [{ type: 'place', candidate: 'Phòng Giáo dục và Đào tạo', award: tie.awardId }], tooMany: [] });
    const after = judge(withDecisions(base, one.chosen));
    expect(after.ties).toHaveLength(0);
    expect(after.questions!.some((q) => q.type === 'tie')).toBe(false);
    const unit = (name: string) => after.candidates.find((c) => c.name === name)!;
    expect(unit('Phòng Giáo dục và Đào tạo')).toMatchObject({ award: 'giay-khen-thi-xa', councilPlaced: true });
    expect(unit('Phòng Tư pháp')).toMatchObject({ award: null, overQuota: true });
    expect(after.decisions).toContainEqual({ type: 'place', candidate: 'Phòng Giáo dục và Đào tạo', kind: 'collective', award: 'giay-khen-thi-xa' });

    // A drop ticked over the quota (a tick of the overflow question) leaves its place to the next.
    const dropped = chosenDecisions([{ decision: 'drop', question: 0, candidate: 'Phòng Nội vụ', checked: true }, { decision: 'drop', question: 0, candidate: 'Phòng Tư pháp', checked: false }], []);
    expect(dropped.chosen).toEqual([{ type: 'drop', candidate: 'Phòng Nội vụ' }]);
    const afterDrop = judge(withDecisions(base, dropped.chosen));
    expect(afterDrop.candidates.find((c) => c.name === 'Phòng Nội vụ')).toMatchObject({ award: null, councilDropped: true });
  });

  it('a decision replaces an earlier one on the same candidate, names compared as the core compares them', () => {
    const base = sampleFacts();
    const first = withDecisions(base, [{ type: 'drop', candidate: 'Phòng  Nội vụ' }]);
    const next = withDecisions(first, [{ type: 'place', candidate: 'phòng nội  vụ ' }]);
    expect(next.meeting!.decisions).toEqual([{ type: 'place', candidate: 'phòng nội  vụ ' }]);
  });
});
