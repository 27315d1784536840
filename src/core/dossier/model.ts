/**
 * The dossier model (dossier.md): from the check's result, the profile and the document facts,
 * the data of every document — one Tờ trình + Danh sách per award with proposed candidates, one
 * Biên bản, one Báo cáo thành tích (in the form of the frame in force) per proposed candidate. Pure: no docx, no fs.
 * Every fact not given is the dotted blank; nothing is invented.
 */
import type { TemplateId } from '../ids';
import { historyOf, type AwardHistory, type HistoryEntry, type Kind, type Lang, type Award, type Profile, type Candidate, type CheckResult, meetingVoters } from '..';
import { BLANK, parseIsoDate, placeAndDate, vietnameseDate } from './dates';
import type { Facts } from './facts';
import { dossierFileNames } from './fileNames';
import { chooseFrame, citationsFor, type LegalFrame, type ReportForm } from './legalFrames';
import { documentNumber } from './numbers';
import { DEFAULT_FORM_LABELS, REPORT_TEMPLATES } from './reportForms';
import { achievedText, achievementSummary, recognitionText, criteriaLines, figure, INDICATOR_LABEL, quoted, targetText } from './wording';
import { addressedName, headsUnit, localityIn, namedAward, placeOf, positionAndUnit, spelledOut, unitHeader } from './names';

/** The Báo cáo thành tích has one template per report form (reportForms.ts): baoCao is Mẫu 07 of NĐ 91/2017. */
export type { TemplateId };

export interface DossierDocument {
  template: TemplateId;
  /** Relative path inside the dossier, ASCII-safe ("03-bao-cao-thanh-tich/01-phong-tu-phap.docx"). */
  path: string;
  /** What the document is, for people ("Tờ trình — Giấy khen của Chủ tịch UBND thị xã"). */
  title: string;
  data: Record<string, unknown>;
}

/** The legal frame the dossier follows (the document date picks it; see legalFrames.ts). */
export interface DossierFrame {
  id: string;
  name: string;
  reportForm: ReportForm;
  reportFormLabel: string;
  /** 'date': the facts' date is in the frame; 'fallback': the preset's frame (no date); 'latest': the newest frame. */
  by: 'date' | 'fallback' | 'latest';
}

export interface BuildOptions {
  /** The preset's frame for a dossier whose facts have no date yet. */
  fallbackFrame?: string;
}

export interface DossierModel {
  /** The legal frame chosen for this dossier: its report form picks the Báo cáo template. */
  frame: DossierFrame;
  documents: DossierDocument[];
  /** Things the user must know before handing the dossier over (ties, overflow, missing facts). */
  warnings: string[];
  /** `label`: the award as the documents name it (the grantor's place from the facts). */
  proposed: { awardId: string; label?: string; collective: number; individual: number }[];
}

export const or = (v: string | undefined | null): string => (v && v.trim() ? v.trim() : BLANK);
export const upper = (v: string | undefined | null): string => (v && v.trim() ? v.trim().toLocaleUpperCase('vi') : BLANK);

/** What fits on one line of the header's left column (13 pt bold capitals). */
const HEADER_LINE = 22;

/**
 * A body name too long for the header column is broken into two balanced lines, after " - " when
 * there is one ("HỘI ĐỒNG THI ĐUA -" / "KHEN THƯỞNG"), so Word never leaves one word alone.
 */
export function headerLines(text: string): string {
  if (text.length <= HEADER_LINE || text.includes('\n')) return text;
  const dash = text.indexOf(' - ');
  if (dash > 0) return `${text.slice(0, dash + 2)}\n${text.slice(dash + 3)}`;
  let best = -1;
  let bestWidth = Infinity;
  for (let i = text.indexOf(' '); i > 0; i = text.indexOf(' ', i + 1)) {
    const width = Math.max(i, text.length - i - 1);
    if (width < bestWidth) [best, bestWidth] = [i, width];
  }
  if (best > 0 && bestWidth <= HEADER_LINE) return `${text.slice(0, best)}\n${text.slice(best + 1)}`;
  return wrapKeeping(text);
}

/** Names of bodies never broken inside a header line ("HỘI ĐỒNG NHÂN DÂN", "ỦY BAN NHÂN DÂN"). */
const UNBROKEN = [/HỘI ĐỒNG NHÂN DÂN/gu, /ỦY BAN NHÂN DÂN/gu, /UỶ BAN NHÂN DÂN/gu];

/** A name too long for two lines: wrapped at HEADER_LINE, never inside a body's own name. */
function wrapKeeping(text: string): string {
  let t = text;
  for (const re of UNBROKEN) t = t.replace(re, (m) => m.replace(/ /g, '\u00a0'));
  const lines: string[] = [];
  for (const word of t.split(' ')) {
    const last = lines.length ? lines[lines.length - 1] : undefined;
    if (last !== undefined && last.length + 1 + word.length <= HEADER_LINE) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n').replace(/\u00a0/g, ' ');
}
export const headerUpper = (v: string | undefined | null): string => headerLines(upper(v));

/** "10 tập thể và 8 cá nhân", "3 tập thể", "2 cá nhân". */
export function countsText(collective: number, individual: number): string {
  const parts: string[] = [];
  if (collective) parts.push(`${collective} tập thể`);
  if (individual) parts.push(`${individual} cá nhân`);
  return parts.length ? parts.join(' và ') : '0 tập thể, cá nhân';
}

/** "tặng Giấy khen của Chủ tịch UBND thị xã" — the award as the object of "đề nghị". */
export function awardPhrase(award: Award): string {
  return /^tặng\s/i.test(award.label) ? award.label : `tặng ${award.label}`;
}

export function movementPhrase(facts: Facts): string {
  const name = facts.movement ? quoted(facts.movement) : `“${BLANK}”`;
  return `phong trào thi đua ${name}${facts.year ? ` năm ${facts.year}` : ''}`;
}

export function planReference(facts: Facts): string {
  const p = facts.plan ?? {};
  // One date style per document: the long one of the căn cứ above it.
  const dateText = vietnameseDate(p.date);
  const issuer = p.issuer ?? facts.parentBody;
  return `Kế hoạch số ${or(p.number)} ${dateText} của ${issuer ? issuer : BLANK}${p.title ? ` ${p.title}` : ` về việc phát động ${movementPhrase(facts)}`}`;
}

/** Candidates proposed for an award, tập thể first, each by rank. */
export function proposedFor(result: CheckResult, awardId: string, kind: Kind): Candidate[] {
  return result.candidates
    .filter((c) => c.award === awardId && c.kind === kind)
    .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.row - b.row);
}

export function unitOf(c: Candidate): string | undefined {
  return c.matchedUnit ?? c.facts.unit;
}

/** "Trưởng phòng Nội vụ" for a person (title and unit without repetition, names.ts); empty for a unit. */
export function personDetails(c: Candidate): string {
  return positionAndUnit(c, unitOf(c));
}

/** The council with its place when its name has none ("Hội đồng Thi đua - Khen thưởng thị xã Ninh Hòa"). */
export function councilName(facts: Facts): string {
  const council = facts.meeting?.council ?? 'Hội đồng Thi đua - Khen thưởng';
  if (/(?<!\p{L})(xã|phường|huyện|quận|tỉnh|thành phố|thị trấn|đặc khu)(?!\p{L})/iu.test(council)) return council;
  const loc = localityIn(facts.parentBody);
  return loc ? `${council} ${placeOf(loc)}` : council;
}

/** "Biên bản số 12/BB-HĐTĐKT ngày 15 tháng 12 năm 2022 của Hội đồng …": the minutes as the Tờ trình and the Quyết định cite them. */
export function minutesReference(facts: Facts): string {
  const no = documentNumber(facts.numbers?.bienBan, symbolFor(facts, 'bienBan', 'BB-HĐTĐKT')).replace(/^Số:\s*/, '');
  return `Biên bản số ${no} ${vietnameseDate(facts.meeting?.date)} của ${councilName(facts)}`;
}

interface VoteRecord { agree: number; total: number; share: number }

/** Votes: the workbook's vote columns first, then the meeting facts (matched by name). */
function votesOf(c: Candidate, facts: Facts, profile: Profile): VoteRecord | undefined {
  if (c.facts.votesAgree !== undefined && c.facts.votesTotal) {
    return { agree: c.facts.votesAgree, total: c.facts.votesTotal, share: (c.facts.votesAgree / c.facts.votesTotal) * 100 };
  }
  const key = c.name.normalize('NFC').trim().toLocaleLowerCase('vi');
  const v = facts.meeting?.votes?.find((x) => x.candidate.normalize('NFC').trim().toLocaleLowerCase('vi') === key);
  const total = v?.total ?? meetingVoters(facts.meeting, profile.voteBase);
  if (!v || !total || v.agree > total) return undefined;
  return { agree: v.agree, total, share: (v.agree / total) * 100 };
}

/**
 * The council's decisions as the documents state them ("Hội đồng thống nhất …"): whose a shared
 * initiative is, who took a tied or last place, who is not proposed and why.
 */
export function decisionLines(result: CheckResult, profile: Profile, lead: string): { text: string }[] {
  return (result.decisions ?? []).map((d) => {
    switch (d.type) {
      case 'initiative':
        return { text: `${lead} sáng kiến ${quoted(d.initiative)} là của ${d.owner}; không dùng sáng kiến này làm tiêu chuẩn đề nghị khen thưởng cho ${d.others.join(', ')} (mỗi sáng kiến chỉ được sử dụng một lần làm tiêu chuẩn đề nghị khen thưởng).` };
      case 'place':
        return { text: `${lead} đề nghị ${d.candidate}${d.award ? ` vào ${profile.awards.find((a) => a.id === d.award)?.label ?? d.award}` : ''} (suất cuối của chỉ tiêu).` };
      case 'drop':
        return { text: `${lead} không đề nghị khen thưởng ${d.candidate}${d.reason ? ` (lý do: ${d.reason.replace(/[.;]+$/, '')})` : ''}.` };
    }
  });
}

/** The count as the Biên bản cites it: method, members voting, the share required. */
function countText(profile: Profile, facts: Facts): string {
  const m = facts.meeting ?? {};
  const parts: string[] = [];
  if (m.method) parts.push(`Hình thức biểu quyết: ${m.method.charAt(0).toLocaleLowerCase('vi')}${m.method.slice(1)}`);
  if (m.membersPresent !== undefined || m.membersTotal !== undefined) {
    parts.push(`${m.membersPresent ?? BLANK}/${m.membersTotal ?? BLANK} thành viên Hội đồng tham gia biểu quyết`);
  }
  if (profile.voteThreshold !== null) parts.push(`yêu cầu tỷ lệ phiếu đồng ý ${profile.voteInclusive ? 'từ' : 'trên'} ${figure(profile.voteThreshold)}${profile.voteInclusive ? ' trở lên' : ''}`);
  if (!parts.length) return '';
  const text = parts.join('; ');
  return `${text.charAt(0).toLocaleUpperCase('vi')}${text.slice(1)}.`;
}

function issuedUnderParent(issuingBody: string, parentBody: string | undefined): string {
  const h = unitHeader(issuingBody, parentBody);
  return h.parent && h.main ? h.main : spelledOut(issuingBody);
}

function header(facts: Facts, issuingBody: string | undefined, no: number | string | undefined, symbol: string, iso: string | undefined) {
  return {
    parentBody: headerUpper(facts.parentBody),
    // Nghị định 30/2020: the parent body may be abbreviated, the issuing body is written in full.
    // A unit under the parent is named without the parent's level repeated ("Văn phòng HĐND và UBND phường").
    issuingBody: headerUpper(issuingBody ? issuedUnderParent(issuingBody, facts.parentBody) : issuingBody),
    number: documentNumber(no, symbol),
    placeDate: placeAndDate(facts.place, iso),
  };
}

export function lines(items: string[] | undefined): { text: string }[] {
  return (items ?? []).map((text) => ({ text }));
}

function symbolFor(facts: Facts, key: string, fallback: string): string {
  return facts.symbols?.[key] ?? fallback;
}

function numberFor(facts: Facts, keys: string[]): number | string | undefined {
  for (const k of keys) if (facts.numbers?.[k] !== undefined) return facts.numbers[k];
  return undefined;
}

/** The facts as seen by one award's Tờ trình: its own overrides win. */
function factsForAward(facts: Facts, awardId: string): Facts {
  const own = facts.awards?.[awardId];
  if (!own) return facts;
  const { number, symbol, ...rest } = own;
  const merged: Facts = { ...facts };
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
  if (number !== undefined) merged.numbers = { ...facts.numbers, [`toTrinh:${awardId}`]: number };
  if (symbol !== undefined) merged.symbols = { ...facts.symbols, toTrinh: symbol };
  return merged;
}

function submission(result: CheckResult, profile: Profile, allFacts: Facts, award: Award, frame: LegalFrame): Record<string, unknown> {
  const facts = factsForAward(allFacts, award.id);
  const collectives = proposedFor(result, award.id, 'collective');
  const individuals = proposedFor(result, award.id, 'individual');
  const symbol = symbolFor(facts, 'toTrinh', facts.issuingBodyShort ? `TTr-${facts.issuingBodyShort}` : BLANK);
  const head = header(facts, facts.issuingBody, numberFor(facts, [`toTrinh:${award.id}`, 'toTrinh']), symbol, facts.date);
  const counts = countsText(collectives.length, individuals.length);
  const issuer = facts.issuingBody ? facts.issuingBody.trim() : BLANK;
  const addressees = facts.addressees ?? [];
  const bases = [
    ...citationsFor(frame, 'toTrinh', facts.legalBases),
    `Căn cứ ${planReference(facts)};`,
    `Căn cứ ${minutesReference(facts)};`,
  ];
  const sectionNo = (i: number) => ['I', 'II'][i];
  const hasCollectives = collectives.length > 0;
  return {
    ...head,
    awardLabel: award.label,
    awardGrantor: award.grantor ?? BLANK,
    awardPhrase: awardPhrase(award),
    subject: `Về việc đề nghị ${awardPhrase(award)} cho các tập thể, cá nhân có thành tích trong ${movementPhrase(facts)}`,
    addressee: addressees.length === 0 ? award.grantor ?? BLANK : addressees.length === 1 ? addressees[0] : addressees.map((a) => `- ${a}`).join('\n'),
    addresseeMultiple: addressees.length > 1,
    bases: lines(bases),
    counts,
    proposal: `Qua xét đề nghị của các cơ quan, đơn vị và kết quả bình xét của Hội đồng Thi đua - Khen thưởng, ${issuer} đề nghị ${awardPhrase(award)} cho ${counts} đã có thành tích xuất sắc trong ${movementPhrase(facts)} (có danh sách kèm theo).`,
    councilDecisions: decisionLines(result, profile, 'Hội đồng Thi đua - Khen thưởng đã thống nhất:'),
    closing: `${issuer} kính trình ${addressees.length === 1 ? addressees[0].replace(/[.;]+$/, '') : addressees.length === 0 && award.grantor ? award.grantor : BLANK} xem xét, quyết định./.`,
    signerAuthority: facts.signer?.authority ?? '',
    signerTitle: upper(facts.signer?.title),
    signerName: or(facts.signer?.name),
    recipients: lines(facts.recipients?.length ? facts.recipients : [BLANK]),
    annexSubtitle: `Tập thể, cá nhân đề nghị ${awardPhrase(award)}`,
    annexReference: `(Kèm theo Tờ trình ${head.number.replace(/^Số:/, 'số')} ${vietnameseDate(facts.date)} của ${issuer})`,
    hasCollectives,
    collectiveHeading: `${sectionNo(0)}. TẬP THỂ (${collectives.length})`,
    collectives: collectives.map((c, i) => ({ no: i + 1, name: c.name, details: '', summary: longDates(achievementSummary(c, profile)) || BLANK })),
    hasIndividuals: individuals.length > 0,
    individualHeading: `${sectionNo(hasCollectives ? 1 : 0)}. CÁ NHÂN (${individuals.length})`,
    individuals: individuals.map((c, i) => ({ no: i + 1, name: addressedName(c), details: personDetails(c), summary: longDates(achievementSummary(c, profile)) || BLANK })),
  };
}

/** The Biên bản's Nơi nhận when the facts give none: the grantor it reports to, the members, the file. */
function minutesRecipients(facts: Facts, awards: Award[]): string[] {
  const grantors = [...new Set(awards.map((a) => a.grantor).filter((g): g is string => !!g && !g.includes(BLANK)))];
  return [...grantors.map((g) => `- ${g} (để báo cáo);`), '- Thành viên Hội đồng;', '- Lưu: VT, Hồ sơ.'];
}

/** The Biên bản states whose votes the shares count over (criteria.md, profile voteBase). */
function voteBaseText(profile: Profile, present: string, total: string): string {
  return (profile.voteBase ?? 'total') === 'present'
    ? `Tỷ lệ phiếu đồng ý tính trên số thành viên Hội đồng có mặt (${present} thành viên).`
    : `Tỷ lệ phiếu đồng ý tính trên tổng số thành viên Hội đồng (${total} thành viên).`;
}

/** The candidates outside the grantor's competence or of a dissolved unit, named with the reason (the Biên bản says why they are not proposed). */
function notProposedText(result: CheckResult): string {
  const out = result.candidates
    .filter((c) => !c.duplicate && c.dissolved)
    .map((c) => `${c.kind === 'individual' ? addressedName(c) : c.name}: ${c.dissolved === 'profile' ? 'đơn vị đã giải thể, sáp nhập' : longDates(c.dissolved!)}`);
  return out.length ? ` Không đề nghị khen thưởng: ${out.join('; ')}.` : '';
}

function minutes(result: CheckResult, profile: Profile, facts: Facts, awards: Award[]): Record<string, unknown> {
  const m = facts.meeting ?? {};
  const council = m.council ?? 'Hội đồng Thi đua - Khen thưởng';
  const head = header(facts, council, numberFor(facts, ['bienBan']), symbolFor(facts, 'bienBan', 'BB-HĐTĐKT'), m.date);
  const reviewed = (k: Kind) => result.candidates.filter((c) => c.kind === k && !c.duplicate).length;
  const eligible = (k: Kind) => result.candidates.filter((c) => c.kind === k && c.eligible).length;
  const present = m.membersPresent !== undefined ? String(m.membersPresent) : BLANK;
  const total = m.membersTotal !== undefined ? String(m.membersTotal) : BLANK;
  const absentees = m.absentees === undefined ? BLANK : m.absentees.length ? m.absentees.join('; ') : 'không';
  // Every candidate the council voted on (a vote recorded), and every eligible one (its votes blank when unknown).
  const voted = result.candidates
    .filter((c) => !c.duplicate && (c.eligible || c.facts.voteShare !== undefined))
    .sort((a, b) => (a.kind === b.kind ? (a.rank ?? 1e9) - (b.rank ?? 1e9) : a.kind === 'collective' ? -1 : 1));
  const votes = voted.map((c, i) => {
    const v = votesOf(c, facts, profile);
    return {
      no: i + 1,
      name: c.name,
      kindLabel: c.kind === 'collective' ? 'Tập thể' : 'Cá nhân',
      agree: v ? String(v.agree) : BLANK,
      total: v ? String(v.total) : BLANK,
      share: v ? figure(v.share) : BLANK,
    };
  });
  const awardSections = awards.map((a, i) => {
    const collectives = proposedFor(result, a.id, 'collective');
    const individuals = proposedFor(result, a.id, 'individual');
    return {
      heading: `${i + 1}. Đề nghị ${awardPhrase(a)} cho ${countsText(collectives.length, individuals.length)}:`,
      names: [
        ...collectives.map((c) => ({ text: `- ${c.name};` })),
        ...individuals.map((c) => ({ text: `- ${addressedName(c)}${personDetails(c) ? `, ${personDetails(c)}` : ''};` })),
      ],
    };
  });
  const ties = result.ties.map((t) => `${t.names.join(', ')} (bằng nhau tại hạng ${t.rank}, còn ${t.places} suất)`);
  const overQuota = result.candidates.filter((c) => c.eligible && c.overQuota && !c.tiedAtCutoff && !c.councilDropped).map((c) => c.name);
  const openInitiatives = (result.questions ?? []).flatMap((q) => (q.type === 'initiative' ? [`${quoted(q.initiative)} (${q.names.join(' / ')}): ${BLANK}`] : []));
  const count = countText(profile, facts);
  return {
    ...head,
    council: headerUpper(council),
    subject: `Họp xét khen thưởng ${movementPhrase(facts)}`,
    time: `Vào lúc ${or(m.time)}, ${vietnameseDate(m.date)}`,
    place: or(m.place),
    chair: m.chair ? `${m.chair}${m.chairRole ? ` - ${m.chairRole}` : ''}` : BLANK,
    secretary: m.secretary ? `${m.secretary}${m.secretaryRole ? ` - ${m.secretaryRole}` : ''}` : BLANK,
    attendance: `Có mặt ${present}/${total} thành viên Hội đồng; vắng: ${absentees}. ${voteBaseText(profile, present, total)}`,
    voteBaseText: voteBaseText(profile, present, total),
    voteBasis: (profile.voteBase ?? 'total') === 'present' ? 'số phiếu đồng ý trên số thành viên Hội đồng dự họp' : 'số phiếu đồng ý trên tổng số thành viên Hội đồng',
    movement: movementPhrase(facts),
    criteriaCollective: lines(criteriaLines('collective', profile).map((l) => `- ${l};`)),
    criteriaIndividual: lines(criteriaLines('individual', profile).map((l) => `- ${l};`)),
    reviewedText: `Hội đồng đã xem xét ${countsText(reviewed('collective'), reviewed('individual'))} do các cơ quan, đơn vị đề nghị; có ${countsText(eligible('collective'), eligible('individual'))} đạt đủ tiêu chuẩn theo Kế hoạch.${notProposedText(result)}`,
    votes,
    hasVotes: votes.length > 0,
    hasCount: count !== '',
    countText: count,
    councilDecisions: decisionLines(result, profile, 'Hội đồng thống nhất:'),
    hasOpenInitiatives: openInitiatives.length > 0,
    openInitiativesText: openInitiatives.length ? `Sáng kiến được nhiều trường hợp cùng sử dụng làm tiêu chuẩn, Hội đồng xác định thuộc về: ${openInitiatives.join('; ')}.` : '',
    awards: awardSections,
    hasTies: ties.length > 0,
    tiesText: ties.length ? `Các trường hợp bằng nhau tại ngưỡng chỉ tiêu, Hội đồng biểu quyết quyết định: ${ties.join('; ')}. Kết quả: ${BLANK}` : '',
    hasOverQuota: overQuota.length > 0,
    overQuotaText: overQuota.length ? `Đạt tiêu chuẩn nhưng vượt số lượng khen thưởng theo Kế hoạch (không đề nghị): ${overQuota.join('; ')}.` : '',
    endTime: `Cuộc họp kết thúc vào lúc ${or(m.endTime)} cùng ngày.`,
    // Mẫu 1.9 (Nghị định 30/2020): the minutes end with their recipients and the file copy.
    recipients: lines(m.recipients?.length ? m.recipients : minutesRecipients(facts, awards)),
    chairName: or(m.chair),
    secretaryName: or(m.secretary),
  };
}

/** "ngày 15/11/2022" written as "ngày 15 tháng 11 năm 2022": one date style per document. */
export function longDates(text: string): string {
  return text.replace(/(ngày\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})/g, (all, _n: string | undefined, d: string, m: string, y: string) => {
    const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    return parseIsoDate(iso) ? vietnameseDate(iso) : all;
  });
}

function titleLines(title: string): string {
  const at = title.indexOf(' CỦA ');
  return title.length > 44 && at > 0 ? `${title.slice(0, at)}\n${title.slice(at + 1)}` : title;
}

/** Blank rows of section III when the sheet "Lịch sử khen thưởng" has nothing for the candidate. */
export const BLANK_HISTORY_ROWS = 3;

const dd = (n: number) => String(n).padStart(2, '0');

/** "125/QĐ-UBND ngày 30/10/2021": the decision as the report's table cites it. */
function decisionText(e: HistoryEntry): string {
  const d = e.decisionDate;
  const date = d ? vietnameseDate(`${d.year}-${dd(d.month)}-${dd(d.day)}`) : longDates(e.decisionDateText ?? '');
  return [e.decisionNumber ?? '', date].filter(Boolean).join(' ');
}

/** Section III: one row per past award, oldest first; blank rows to fill by hand when there is none. */
export function pastAwardRows(entries: HistoryEntry[]): { no: number | string; year: string; award: string; decision: string }[] {
  if (!entries.length) return Array.from({ length: BLANK_HISTORY_ROWS }, () => ({ no: '', year: '', award: '', decision: '' }));
  return entries.map((e, i) => ({
    no: i + 1,
    year: e.year !== undefined ? String(e.year) : '',
    award: [e.award ?? BLANK, e.note ? `(${e.note})` : ''].filter(Boolean).join(' '),
    decision: decisionText(e),
  }));
}

/** The head of a unit when the workbook lists them as a candidate ("Trưởng phòng" of "Phòng Nội vụ"). */
function headOf(unit: string | undefined, all: Candidate[], except?: Candidate): string {
  if (!unit) return '';
  const key = unit.normalize('NFC').trim().toLocaleLowerCase('vi');
  const head = all.find((c) => c !== except && c.kind === 'individual' && !c.duplicate && headsUnit(c.facts.position) && (unitOf(c) ?? '').normalize('NFC').trim().toLocaleLowerCase('vi') === key);
  return head ? head.name : '';
}

function report(candidate: Candidate, profile: Profile, facts: Facts, award: Award, frame: LegalFrame, history: AwardHistory | null | undefined, all: Candidate[] = []): Record<string, unknown> {
  const past = historyOf(history, candidate);
  const f = candidate.facts;
  const isCollective = candidate.kind === 'collective';
  const unit = isCollective ? candidate.name : unitOf(candidate);
  const head = unitHeader(unit, facts.parentBody);
  const indicators = candidate.criteria
    .filter((c) => c.id !== 'initiative' && c.id !== 'compliance')
    .map((c, i) => ({
      no: i + 1,
      label: INDICATOR_LABEL[c.id],
      target: targetText(c.id, profile),
      result: achievedText(c, candidate, profile) || BLANK,
    }));
  return {
    // The form's corner line: the frame's label (legal frames are data), else the form's own.
    formLabel: frame.reportFormLabel ?? DEFAULT_FORM_LABELS[frame.reportForm],
    // Nghị định 30/2020: a UBND xã/phường has no chủ quản line; another unit keeps the parent's.
    parentBody: head.parent ? headerUpper(head.parent) : '',
    hasParentBody: !!head.parent,
    unitName: head.main.includes('\n') ? upper(head.main) : headerUpper(head.main),
    placeDate: placeAndDate(facts.place, facts.reportDate),
    // Broken before "CỦA" when long, so the grantor's place is never split over two lines.
    awardTitle: titleLines(`ĐỀ NGHỊ ${awardPhrase(award).toLocaleUpperCase('vi')}`),
    reportForm: frame.reportForm,
    reportFormLabel: frame.reportFormLabel ?? frame.name,
    bases: lines(citationsFor(frame, 'baoCao')),
    movement: `(Thành tích trong ${movementPhrase(facts)})`,
    isCollective,
    isIndividual: !isCollective,
    name: candidate.name,
    position: or(f.position),
    unit: or(unit),
    positionUnit: or(positionAndUnit(candidate, unit)),
    // The unit's head signs; filled when the workbook lists them (never the candidate themselves).
    headName: headOf(unit, all, candidate),
    birthYear: or(f.birthYear),
    gender: or(f.gender),
    hometown: or(f.hometown),
    qualification: or(f.qualification),
    indicators,
    initiative: f.initiative ? quoted(f.initiative) : 'Không có',
    initiativeRecognition: f.initiative ? or(longDates(recognitionText(f.initiativeRecognition))) : '',
    hasInitiative: !!f.initiative,
    achievement: or(f.achievement),
    reporterName: isCollective ? '' : candidate.name,
    hasPastAwards: past.length > 0,
    pastAwards: pastAwardRows(past),
  };
}

/** Warnings for the user, in their language (the documents themselves are Vietnamese). */
const WARNINGS = {
  vi: {
    tie: (rank: number, places: number, names: string) =>
      `Bằng nhau tại ngưỡng chỉ tiêu (hạng ${rank}, còn ${places} suất): ${names} — chưa đưa vào Tờ trình; Hội đồng quyết định rồi ghi vào cột "Hình thức đề nghị".`,
    overflow: (award: string, n: number, kind: Kind) => `${award}: vượt chỉ tiêu ${n} ${kind === 'collective' ? 'tập thể' : 'cá nhân'} (đã ghi đích danh).`,
    frameUndated: (name: string) => `Hồ sơ chưa có ngày: căn cứ pháp lý in theo khung "${name}" — ghi ngày văn bản để chọn đúng khung pháp lý.`,
    nobody: 'Không có tập thể, cá nhân nào được đề nghị khen thưởng: chỉ lập Biên bản.',
    grantorPlace: (award: string) => `${award}: chưa biết tên xã/phường của người tặng — ghi "parentBody" (ví dụ "UBND phường Ninh Hòa") trong thông tin hồ sơ; văn bản in "……".`,
  },
  en: {
    tie: (rank: number, places: number, names: string) =>
      `Tie at the quota cut (rank ${rank}, ${places} place(s) left): ${names} — left out of the Tờ trình; the council decides, then writes it in the "Hình thức đề nghị" column.`,
    overflow: (award: string, n: number, kind: Kind) => `${award}: ${n} ${kind === 'collective' ? 'collective(s)' : 'individual(s)'} over the quota (pinned by name).`,
    frameUndated: (name: string) => `The dossier has no date: legal bases are printed from the frame "${name}" — give the document date so that the right legal frame is chosen.`,
    nobody: 'No collective or individual is proposed: only the Biên bản is written.',
    grantorPlace: (award: string) => `${award}: the grantor's commune or ward is unknown — give "parentBody" (e.g. "UBND phường Ninh Hòa") in the facts; the documents print "……".`,
  },
};

export function buildDossier(result: CheckResult, profile: Profile, facts: Facts, lang: Lang = 'vi', options: BuildOptions = {}): DossierModel {
  const choice = chooseFrame(facts.date, profile.legalFrames, options.fallbackFrame);
  const lf = choice.frame;
  const frame: DossierFrame = {
    id: lf.id,
    name: lf.name,
    reportForm: lf.reportForm,
    reportFormLabel: lf.reportFormLabel ?? lf.name,
    by: choice.by,
  };
  const awards = profile.awards.filter((a) => result.candidates.some((c) => c.award === a.id)).map((a) => namedAward(a, facts, BLANK));
  const docs: DossierDocument[] = [];
  const proposed = awards.map((a) => ({
    awardId: a.id,
    label: a.label,
    collective: proposedFor(result, a.id, 'collective').length,
    individual: proposedFor(result, a.id, 'individual').length,
  }));
  const names = dossierFileNames(
    awards.map((a) => a.id),
    awards.flatMap((a) => [...proposedFor(result, a.id, 'collective'), ...proposedFor(result, a.id, 'individual')].map((c) => c.name)),
  );
  awards.forEach((a, i) => {
    docs.push({ template: 'toTrinh', path: names.submissions[i], title: `Tờ trình và Danh sách — ${a.label}`, data: submission(result, profile, facts, a, lf) });
  });
  docs.push({ template: 'bienBan', path: names.minutes, title: 'Biên bản họp xét khen thưởng', data: minutes(result, profile, facts, awards) });
  let n = 0;
  for (const a of awards) {
    for (const c of [...proposedFor(result, a.id, 'collective'), ...proposedFor(result, a.id, 'individual')]) {
      docs.push({ template: REPORT_TEMPLATES[lf.reportForm], path: names.reports[n++], title: `Báo cáo thành tích — ${c.name}`, data: report(c, profile, facts, a, lf, result.history, result.candidates) });
    }
  }
  const W = WARNINGS[lang];
  const warnings: string[] = [];
  for (const t of result.ties) warnings.push(W.tie(t.rank, t.places, t.names.join(', ')));
  for (const q of result.quotas) {
    if (q.overflow > 0) warnings.push(W.overflow(profile.awards.find((a) => a.id === q.awardId)?.label ?? q.awardId, q.overflow, q.kind));
  }
  if (!awards.length) warnings.push(W.nobody);
  for (const a of awards) if ((a.grantor ?? '').includes(BLANK)) warnings.push(W.grantorPlace(a.label));
  if (awards.length && choice.by !== 'date' && !facts.legalBases?.length) warnings.push(W.frameUndated(lf.name));
  return { frame, documents: docs, warnings, proposed };
}
