/**
 * The council's vote on paper: the phiếu bầu (one per member present, each the same — a secret
 * ballot carries no name or number) and, once the votes are counted, the Biên bản kiểm phiếu.
 * Pure data here; src/docx/ballots.ts lays it out.
 *
 * Who is on the ballot: everyone who meets every criterion but the vote (councilBallot), so a
 * ballot printed before or after the count lists the same candidates, tập thể then cá nhân, each
 * with the award the ranking gives it (or pins, or the first award with a quota for its kind).
 */
import type { Kind } from '../ids';
import type { Profile } from '../profile';
import type { Candidate, CheckResult } from '../result';
import { councilBallot } from '../countSheet';
import { shortAwardLabel } from '../messages/render';
import type { Facts } from './facts';
import { BLANK, vietnameseDate } from './dates';
import { headerUpper, movementPhrase, or, personDetails } from './model';
import { figure } from './wording';

const KIND_TITLE: Record<Kind, string> = { collective: 'TẬP THỂ', individual: 'CÁ NHÂN' };
const KIND_NAME: Record<Kind, string> = { collective: 'Tên tập thể', individual: 'Họ và tên, chức vụ, đơn vị' };

export interface BallotRow {
  no: number;
  name: string;
  award: string;
  /** Filled in the Biên bản kiểm phiếu only. */
  agree?: string;
  share?: string;
  outcome?: string;
}

export interface BallotSection {
  kind: Kind;
  heading: string;
  nameHeader: string;
  /** "Chỉ tiêu: Giấy khen … 10 tập thể." — the council votes within it. */
  quota: string;
  rows: BallotRow[];
}

export interface BallotPaper {
  council: string;
  issuingBody: string;
  title: string;
  subject: string;
  meeting: string;
  instructions: string[];
  sections: BallotSection[];
  /** How many copies (members present, else the council's members; 1 when neither is known). */
  copies: number;
}

function awardOf(c: Candidate, profile: Profile): string {
  const id = c.award ?? c.pinnedAward ?? profile.awards.find((a) => a.quota[c.kind] > 0)?.id ?? null;
  return profile.awards.find((a) => a.id === id)?.label ?? BLANK;
}

function quotaText(kind: Kind, profile: Profile): string {
  const parts = profile.awards.filter((a) => a.quota[kind] > 0).map((a) => `${shortAwardLabel(a.label)}: ${a.quota[kind]} ${kind === 'collective' ? 'tập thể' : 'cá nhân'}`);
  return parts.length ? `Chỉ tiêu khen thưởng theo Kế hoạch — ${parts.join('; ')}.` : 'Kế hoạch chưa đặt chỉ tiêu khen thưởng.';
}

function sections(result: CheckResult, profile: Profile, row: (c: Candidate, no: number) => BallotRow): BallotSection[] {
  const list = councilBallot(result);
  const out: BallotSection[] = [];
  for (const kind of ['collective', 'individual'] as Kind[]) {
    const of = list.filter((c) => c.kind === kind);
    if (!of.length) continue;
    const roman = out.length === 0 ? 'I' : 'II';
    out.push({ kind, heading: `${roman}. ${KIND_TITLE[kind]} (${of.length} trường hợp)`, nameHeader: KIND_NAME[kind], quota: quotaText(kind, profile), rows: of.map((c, i) => row(c, i + 1)) });
  }
  return out;
}

const nameOf = (c: Candidate) => (c.kind === 'individual' && personDetails(c) ? `${c.name}, ${personDetails(c)}` : c.name);

export function ballotPaper(result: CheckResult, profile: Profile, facts: Facts): BallotPaper {
  const m = facts.meeting ?? {};
  const copies = m.membersPresent || m.membersTotal || 1;
  const threshold = profile.voteThreshold;
  const instructions = [
    'Thành viên Hội đồng đánh dấu (X) vào một trong hai ô “Đồng ý” hoặc “Không đồng ý” của từng trường hợp.',
    'Ô nào đánh dấu cả hai hoặc không đánh dấu thì không tính cho trường hợp đó. Không ghi thêm tên, không ký tên vào phiếu.',
    ...(threshold !== null ? [`Trường hợp được đề nghị khen thưởng khi được ${profile.voteInclusive ? 'từ' : 'trên'} ${figure(threshold)}${profile.voteInclusive ? ' trở lên' : ''} ${(profile.voteBase ?? 'total') === 'present' ? 'thành viên Hội đồng có mặt' : 'tổng số thành viên Hội đồng'} đồng ý, trong phạm vi chỉ tiêu.`] : []),
  ];
  return {
    council: headerUpper(m.council ?? 'Hội đồng Thi đua - Khen thưởng'),
    issuingBody: headerUpper(facts.parentBody ?? facts.issuingBody),
    title: 'PHIẾU BẦU',
    subject: `Đề nghị khen thưởng ${movementPhrase(facts)}`,
    meeting: m.date ? `(Phiên họp Hội đồng Thi đua - Khen thưởng ${vietnameseDate(m.date)})` : '',
    instructions,
    sections: sections(result, profile, (c, no) => ({ no, name: nameOf(c), award: awardOf(c, profile) })),
    copies,
  };
}

export interface CountRecord {
  council: string;
  issuingBody: string;
  placeDate: string;
  subject: string;
  opening: string;
  counts: string[];
  basis: string;
  sections: BallotSection[];
  closing: string;
  /** True when at least one vote was counted (else the record is not written). */
  counted: boolean;
}

/** The Biên bản kiểm phiếu: the count as the check applied it (the same shares everywhere). */
export function countRecord(result: CheckResult, profile: Profile, facts: Facts): CountRecord {
  const m = facts.meeting ?? {};
  const present = m.membersPresent;
  const total = m.membersTotal;
  const threshold = profile.voteThreshold;
  let counted = false;
  const secs = sections(result, profile, (c, no) => {
    const agree = c.facts.votesAgree;
    const share = c.facts.voteShare;
    if (agree !== undefined) counted = true;
    const x = c.criteria.find((y) => y.id === 'votes');
    const outcome = agree === undefined ? 'Chưa kiểm phiếu' : threshold === null ? '—' : x?.outcome === 'pass' ? 'Đạt' : 'Không đạt';
    return { no, name: nameOf(c), award: awardOf(c, profile), agree: agree !== undefined ? `${agree}/${c.facts.votesTotal ?? BLANK}` : BLANK, share: share !== undefined ? figure(share) : BLANK, outcome };
  });
  const n = (v: number | undefined) => (v === undefined ? BLANK : String(v));
  const base = (profile.voteBase ?? 'total') === 'present' ? `số thành viên Hội đồng có mặt (${n(present)})` : `tổng số thành viên Hội đồng (${n(total)})`;
  return {
    council: headerUpper(m.council ?? 'Hội đồng Thi đua - Khen thưởng'),
    issuingBody: headerUpper(facts.parentBody ?? facts.issuingBody),
    placeDate: `${or(facts.place)}, ${vietnameseDate(m.date)}`,
    subject: `Kiểm phiếu biểu quyết đề nghị khen thưởng ${movementPhrase(facts)}`,
    opening: `Vào lúc ${or(m.time)}, ${vietnameseDate(m.date)}, tại ${or(m.place)}, Ban Kiểm phiếu do Hội đồng Thi đua - Khen thưởng cử đã tiến hành kiểm phiếu, kết quả như sau:`,
    counts: [
      `Tổng số thành viên Hội đồng: ${n(total)}; số thành viên có mặt: ${n(present)}.`,
      `Số phiếu phát ra: ${n(present)}; số phiếu thu vào: ${BLANK}; số phiếu hợp lệ: ${BLANK}; số phiếu không hợp lệ: ${BLANK}.`,
      `Hình thức biểu quyết: ${m.method ? `${m.method.charAt(0).toLocaleLowerCase('vi')}${m.method.slice(1)}` : BLANK}.`,
    ],
    basis: `Tỷ lệ phiếu đồng ý tính trên ${base}${threshold !== null ? `; trường hợp đạt khi được ${profile.voteInclusive ? 'từ' : 'trên'} ${figure(threshold)}${profile.voteInclusive ? ' trở lên' : ''} đồng ý` : ''}.`,
    sections: secs,
    closing: `Việc kiểm phiếu kết thúc vào lúc ${BLANK} cùng ngày. Biên bản được lập thành 02 bản, 01 bản lưu hồ sơ khen thưởng, 01 bản gửi Thường trực Hội đồng.`,
    counted,
  };
}
