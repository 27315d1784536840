/**
 * The Quyết định khen thưởng (after the council): one per award with proposed candidates, in the
 * layout of Nghị định 30/2020/NĐ-CP, Phụ lục III, Mẫu 1.2 "Quyết định (cá biệt) quy định trực
 * tiếp", with the danh sách as an annex ("Kèm theo Quyết định số …") numbered on its own pages.
 * Pure: the data of each document; every fact not given is the dotted blank, never invented.
 */
import { type AwardToRecord, type Lang, type Award, type Profile, type Candidate, type CheckResult } from '..';
import { BLANK, parseIsoDate, vietnameseDate } from './dates';
import type { DecisionFacts, Facts } from './facts';
import { slug } from './fileNames';
import {
  awardPhrase,
  countsText,
  headerUpper,
  lines,
  minutesReference,
  movementPhrase,
  or,
  personDetails,
  planReference,
  proposedFor,
  upper,
  type DossierDocument,
} from './model';
import { amountInWords, documentNumber } from './numbers';
import { addressedName, committeeOf, grantorLocality, namedAward, placeOf, tierOf, titleWithUnit } from './names';
import { awardKind, competenceCitation, rewardFor, type Reward } from './reward';

/** "quyet-dinh-giay-khen-thi-xa.docx". */
export function decisionFileName(awardId: string): string {
  return `quyet-dinh-${slug(awardId)}.docx`;
}

/** "447.000" — đồng with the Vietnamese thousands dot. */
export function money(v: number | undefined): string {
  if (v === undefined) return BLANK;
  const [int, frac] = String(Math.round(v * 100) / 100).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${frac ? `,${frac}` : ''}`;
}

/** A grantor who is a Chủ tịch UBND: the decision is the Ủy ban's, "QĐ-UBND". */
const chairOfCommittee = (grantor: string | undefined) => /^chủ tịch\s+(ubnd|ủy ban nhân dân|uỷ ban nhân dân)(\s|$)/iu.test((grantor ?? '').trim());

/**
 * What the award's grantor says of its decision when the facts do not: a Chủ tịch UBND of a
 * place the facts name issues as "Ủy ban nhân dân <place>", symbol "QĐ-UBND", signs "Chủ tịch".
 */
export function grantorDefaults(facts: Facts, award: Award | undefined): DecisionFacts {
  if (!award || !chairOfCommittee(award.grantor)) return {};
  const loc = grantorLocality(award, facts);
  const out: DecisionFacts = { issuingBodyShort: 'UBND', signer: { title: 'Chủ tịch' } };
  if (loc) {
    out.issuingBody = committeeOf(loc);
    out.authority = `Chủ tịch ${committeeOf(loc)}`;
    out.issuerName = `Chủ tịch UBND ${placeOf(loc)}`;
  }
  return out;
}

/** One award's decision facts: its own number, symbol, date and amounts win; the grantor fills what the facts leave out. */
export function decisionFor(facts: Facts, awardId: string, award?: Award): DecisionFacts {
  const given = facts.decision ?? {};
  const defaults = grantorDefaults(facts, award);
  const d: DecisionFacts = { ...defaults, ...given, signer: given.signer || defaults.signer ? { ...defaults.signer, ...given.signer } : undefined };
  const own = d.awards?.[awardId] ?? {};
  return {
    ...d,
    number: own.number ?? d.number,
    symbol: own.symbol ?? d.symbol,
    date: own.date ?? d.date,
    amounts: own.amounts ?? d.amounts,
  };
}

/** "Số: 1234/QĐ-UBND". */
export function decisionNumber(d: DecisionFacts): string {
  return documentNumber(d.number, d.symbol ?? (d.issuingBodyShort ? `QĐ-${d.issuingBodyShort}` : BLANK));
}

/** The Tờ trình this decision answers, as the căn cứ cites it. */
function submissionReference(facts: Facts, awardId: string): string {
  const own = facts.awards?.[awardId];
  const no = own?.number ?? facts.numbers?.[`toTrinh:${awardId}`] ?? facts.numbers?.toTrinh;
  const short = own?.issuingBodyShort ?? facts.issuingBodyShort;
  const symbol = own?.symbol ?? facts.symbols?.toTrinh ?? (short ? `TTr-${short}` : BLANK);
  return `Tờ trình ${documentNumber(no, symbol).replace(/^Số:/, 'số')} ${vietnameseDate(facts.date)}`;
}

/** The amounts Điều 2 prints: the facts' own, else the table's by law and date (reward.ts). */
export function amountsOf(d: DecisionFacts, award: Award, facts: Facts): { collective?: number; individual?: number; basis?: string; reward: Reward } {
  const loc = grantorLocality(award, facts);
  const reward = rewardFor(awardKind(award.label), loc ? tierOf(loc.level) : undefined, d.date);
  const given = d.amounts ?? {};
  return {
    collective: given.collective ?? reward.collective,
    individual: given.individual ?? reward.individual,
    basis: d.amountBasis ?? (given.collective !== undefined || given.individual !== undefined ? undefined : reward.basis),
    reward,
  };
}

function amountsText(d: DecisionFacts, award: Award, facts: Facts, collectives: number, individuals: number): string {
  const a = amountsOf(d, award, facts);
  const parts: string[] = [];
  if (collectives) parts.push(`mỗi tập thể được thưởng ${money(a.collective)} đồng`);
  if (individuals) parts.push(`mỗi cá nhân được thưởng ${money(a.individual)} đồng`);
  const basis = a.basis ? ` ${a.basis.replace(/[.;]+$/, '')}` : '';
  const fund = `Kinh phí khen thưởng được chi từ ${or(d.fund)}.`;
  return `Kèm theo Giấy khen, ${parts.join(', ')}${basis}. ${fund}`;
}

/** The data of decision.docx (src/core/dossier/tags.ts: TEMPLATE_TAGS.quyetDinh). */
export function decisionData(result: CheckResult, facts: Facts, rawAward: Award, frameBases: string[] = []): Record<string, unknown> {
  const award = namedAward(rawAward, facts, BLANK);
  const d = decisionFor(facts, award.id, rawAward);
  const collectives = proposedFor(result, award.id, 'collective');
  const individuals = proposedFor(result, award.id, 'individual');
  const counts = countsText(collectives.length, individuals.length);
  const number = decisionNumber(d);
  const submitter = facts.awards?.[award.id]?.issuingBody ?? facts.issuingBody;
  const submitterTitle = facts.awards?.[award.id]?.signer?.title ?? facts.signer?.title;
  // "Trưởng phòng" of "Phòng Nội vụ" proposes as "Trưởng phòng Nội vụ".
  const proposer = d.proposer ?? (submitter && submitterTitle ? titleWithUnit(submitterTitle, submitter) : submitter);
  // The signer's competence first (Luật Tổ chức chính quyền địa phương of the date), for a Chủ tịch UBND.
  const competence = chairOfCommittee(rawAward.grantor) ? competenceCitation(d.date ?? facts.date) : undefined;
  const bases = [
    ...(d.legalBases ?? [...(competence ? [competence] : []), ...frameBases]),
    `Căn cứ ${planReference(facts)};`,
    ...(facts.meeting?.date || facts.numbers?.bienBan !== undefined ? [`Căn cứ ${minutesReference(facts)};`] : []),
    `Theo đề nghị của ${proposer ? proposer.trim() : BLANK} tại ${submissionReference(facts, award.id)}.`,
  ];
  const issuer = d.issuerName ?? (d.authority ? d.authority : undefined);
  const hasCollectives = collectives.length > 0;
  const sectionNo = (i: number) => ['I', 'II'][i];
  const row = (c: Candidate, i: number) => ({ no: i + 1, name: addressedName(c), details: personDetails(c) });
  return {
    parentBody: d.parentBody ? headerUpper(d.parentBody) : '',
    hasParentBody: !!d.parentBody,
    issuingBody: headerUpper(d.issuingBody),
    number,
    placeDate: `${or(facts.place)}, ${vietnameseDate(d.date)}`,
    subject: `Về việc ${awardPhrase(award)} cho các tập thể, cá nhân đã có thành tích xuất sắc trong ${movementPhrase(facts)}`,
    authority: upper(d.authority),
    bases: lines(bases),
    article1: `${capitalize(awardPhrase(award))} cho ${counts} có tên trong danh sách kèm theo, đã có thành tích xuất sắc trong ${movementPhrase(facts)}.`,
    article2: amountsText(d, award, facts, collectives.length, individuals.length),
    // The effect clause belongs to the last Điều, with who executes the decision.
    article3: `Quyết định này có hiệu lực kể từ ngày ký. ${d.executors?.length ? joinExecutors(d.executors) : BLANK} và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
    effect: '',
    signerAuthority: d.signer?.authority ?? '',
    signerTitle: upper(d.signer?.title),
    signerName: or(d.signer?.name),
    recipients: lines(d.recipients?.length ? d.recipients : [BLANK]),
    annexSubtitle: `Tập thể, cá nhân được ${awardPhrase(award)}`,
    annexReference: `(Kèm theo Quyết định ${number.replace(/^Số:/, 'số')} ${vietnameseDate(d.date)} của ${issuer ? issuer.trim() : BLANK})`,
    counts,
    hasCollectives,
    collectiveHeading: `${sectionNo(0)}. TẬP THỂ (${collectives.length})`,
    collectives: collectives.map(row),
    hasIndividuals: individuals.length > 0,
    individualHeading: `${sectionNo(hasCollectives ? 1 : 0)}. CÁ NHÂN (${individuals.length})`,
    individuals: individuals.map(row),
  };
}

function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** "A, B, C" — Điều 3's list of who executes, without trailing punctuation. */
function joinExecutors(list: string[]): string {
  return list.map((x) => x.trim().replace(/[.;,]+$/, '')).join(', ');
}

export interface DecisionModel {
  documents: DossierDocument[];
  warnings: string[];
  /** `label`: the award as the documents name it (the grantor's place from the facts). */
  proposed: { awardId: string; label?: string; collective: number; individual: number }[];
}

const WARNINGS = {
  vi: {
    nobody: 'Không có tập thể, cá nhân nào được đề nghị khen thưởng: không có Quyết định nào để lập.',
    grantorPlace: (award: string) => `${award}: chưa biết tên xã/phường của người tặng — ghi "parentBody" hoặc "decision.issuingBody" (ví dụ "UBND phường Ninh Hòa"); văn bản in "……".`,
    amountBlank: (award: string, what: string) => `${award}: Điều 2 để trống tiền thưởng — ${what}. Ghi "decision.amounts" nếu đã xác định.`,
  },
  en: {
    nobody: 'No collective or individual is proposed: there is no decision to draft.',
    grantorPlace: (award: string) => `${award}: the grantor's commune or ward is unknown — give "parentBody" or "decision.issuingBody" (e.g. "UBND phường Ninh Hòa"); the documents print "……".`,
    amountBlank: (award: string, what: string) => `${award}: Điều 2 leaves the reward blank — ${what}. Give "decision.amounts" once known.`,
  },
};

/**
 * One Quyết định per award with proposed candidates. `basesFor(date)` gives the căn cứ of the legal
 * frame in force on the decision's date (src/core/dossier/legalFrames.ts); the facts' own
 * `decision.legalBases` replace them.
 */
export function buildDecisions(result: CheckResult, profile: Profile, facts: Facts, lang: Lang = 'vi', basesFor: (date: string | undefined) => string[] = () => []): DecisionModel {
  const awards = profile.awards.filter((a) => result.candidates.some((c) => c.award === a.id));
  const documents: DossierDocument[] = [];
  const warnings: string[] = awards.length ? [] : [WARNINGS[lang].nobody];
  for (const a of awards) {
    const d = decisionFor(facts, a.id, a);
    documents.push({ template: 'quyetDinh', path: decisionFileName(a.id), title: `Quyết định khen thưởng — ${namedAward(a, facts, BLANK).label}`, data: decisionData(result, facts, a, basesFor(d.date)) });
    documents.push({ template: 'chiTienThuong', path: payListFileName(a.id), title: `Danh sách chi tiền thưởng — ${namedAward(a, facts, BLANK).label}`, data: payListData(result, facts, a) });
    const named = namedAward(a, facts, BLANK);
    if ((named.grantor ?? '').includes(BLANK)) warnings.push(WARNINGS[lang].grantorPlace(named.label));
    const amounts = amountsOf(d, named, facts);
    if (amounts.collective === undefined || amounts.individual === undefined) warnings.push(WARNINGS[lang].amountBlank(named.label, amounts.reward.missing.join('; ')));
  }
  const proposed = awards.map((a) => ({ awardId: a.id, label: namedAward(a, facts, BLANK).label, collective: proposedFor(result, a.id, 'collective').length, individual: proposedFor(result, a.id, 'individual').length }));
  return { documents, warnings, proposed };
}

/** "danh-sach-chi-tien-thuong-giay-khen-thi-xa.docx". */
export function payListFileName(awardId: string): string {
  return `danh-sach-chi-tien-thuong-${slug(awardId)}.docx`;
}

/** The accountant's list: each awardee and the amount of Điều 2, the total in figures and words. */
export function payListData(result: CheckResult, facts: Facts, rawAward: Award): Record<string, unknown> {
  const award = namedAward(rawAward, facts, BLANK);
  const d = decisionFor(facts, award.id, rawAward);
  const a = amountsOf(d, award, facts);
  const collectives = proposedFor(result, award.id, 'collective');
  const individuals = proposedFor(result, award.id, 'individual');
  const people = [...collectives.map((c) => ({ c, amount: a.collective })), ...individuals.map((c) => ({ c, amount: a.individual }))];
  const known = people.every((x) => x.amount !== undefined);
  const total = known ? people.reduce((s, x) => s + (x.amount ?? 0), 0) : undefined;
  const issuer = d.issuerName ?? d.authority;
  return {
    parentBody: d.parentBody ? headerUpper(d.parentBody) : '',
    hasParentBody: !!d.parentBody,
    issuingBody: headerUpper(d.issuingBody),
    subtitle: `Tiền thưởng kèm theo ${award.label}`,
    reference: `(Kèm theo Quyết định ${decisionNumber(d).replace(/^Số:/, 'số')} ${vietnameseDate(d.date)} của ${issuer ? issuer.trim() : BLANK})`,
    rows: people.map((x, i) => ({ no: i + 1, name: addressedName(x.c), details: personDetails(x.c), amount: money(x.amount) })),
    counts: countsText(collectives.length, individuals.length),
    total: money(total),
    totalInWords: total === undefined ? BLANK : amountInWords(total),
    basis: a.basis ? `Mức thưởng ${a.basis.replace(/[.;]+$/, '')}.` : '',
  };
}

/** An issued decision's awards, as the history records them (core/awardRecord.ts). */
export interface IssuedDecision {
  awardId: string;
  /** "1520/QĐ-UBND" */
  number: string;
  awards: AwardToRecord[];
}

export type IssuedDecisions = { ok: true; decisions: IssuedDecision[] } | { ok: false; missing: string[] };

/**
 * The awards of every decision (one per award with proposed candidates). A decision is issued
 * when it has its number and date: without them nothing can be recorded (the paths say which).
 */
export function issuedDecisions(result: CheckResult, profile: Profile, facts: Facts): IssuedDecisions {
  const awards = profile.awards.filter((a) => result.candidates.some((c) => c.award === a.id));
  const missing = new Set<string>();
  const decisions: IssuedDecision[] = [];
  for (const award of awards) {
    const d = decisionFor(facts, award.id, award);
    const date = parseIsoDate(d.date);
    const symbol = d.symbol ?? (d.issuingBodyShort ? `QĐ-${d.issuingBodyShort}` : undefined);
    const own = facts.decision?.awards?.[award.id] ? `decision.awards.${award.id}` : 'decision';
    if (d.number === undefined) missing.add(`${own}.number`);
    if (!symbol) missing.add('decision.symbol');
    if (!date) missing.add(`${own}.date`);
    if (d.number === undefined || !symbol || !date) continue;
    const number = decisionNumber(d).replace(/^Số:\s*/, '');
    const dateText = `${String(date.day).padStart(2, '0')}/${String(date.month).padStart(2, '0')}/${date.year}`;
    const year = facts.year !== undefined ? Number(facts.year) : date.year;
    const note = capitalize(movementPhrase(facts));
    const people = [...proposedFor(result, award.id, 'collective'), ...proposedFor(result, award.id, 'individual')];
    decisions.push({
      awardId: award.id,
      number,
      awards: people.map((c) => ({
        year,
        name: c.name,
        ...(c.kind === 'individual' && (c.matchedUnit ?? c.facts.unit) ? { unit: c.matchedUnit ?? c.facts.unit } : {}),
        award: award.label,
        decisionNumber: number,
        decisionDate: dateText,
        note,
      })),
    });
  }
  return missing.size ? { ok: false, missing: [...missing] } : { ok: true, decisions };
}
