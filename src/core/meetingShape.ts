/** The shapes of the council meeting (src/core/meeting.ts), apart so that result.ts may name them without a cycle. */
import type { Kind } from './ids';
import type { Issue } from './messages/codes';

/** Where a meeting's entry was read: a sheet's cell, or nowhere (a file or the saved facts: its path says). */
export interface MeetingPlace { sheet: string; cell: string }

export interface MeetingVote {
  candidate: string;
  agree: number;
  total?: number;
  /** Set when read from the sheet "Kiểm phiếu" (the agree cell). */
  at?: MeetingPlace;
}

export type CouncilDecision =
  | { type: 'initiative'; initiative: string; owner: string; at?: MeetingPlace }
  | { type: 'place'; candidate: string; award?: string; at?: MeetingPlace }
  | { type: 'drop'; candidate: string; reason?: string; at?: MeetingPlace };

/** What the core needs of a meeting (the facts' `meeting`, the sheet "Kiểm phiếu", a --meeting file). */
export interface CouncilMeeting {
  membersPresent?: number;
  membersTotal?: number;
  /** "Bỏ phiếu kín", "Biểu quyết giơ tay". */
  method?: string;
  votes?: MeetingVote[];
  decisions?: CouncilDecision[];
  /** Cells of membersPresent / membersTotal when read from the sheet "Kiểm phiếu". */
  at?: { membersPresent?: MeetingPlace; membersTotal?: MeetingPlace };
  /** Cells of the sheet "Kiểm phiếu" that hold no count: the meeting is refused with them. */
  readProblems?: Issue[];
  [more: string]: unknown;
}

/** A decision of the council as applied, for the Biên bản ("Hội đồng thống nhất …") and the Tờ trình. */
export type AppliedDecision =
  | { type: 'initiative'; initiative: string; owner: string; others: string[] }
  | { type: 'place'; candidate: string; kind: Kind; award: string | null }
  | { type: 'drop'; candidate: string; kind: Kind; reason?: string };

/** What the council still has to decide: counted in "Hội đồng cần quyết định" and in the overview. */
export type CouncilQuestion =
  | { type: 'initiative'; initiative: string; names: string[] }
  | { type: 'tie'; kind: Kind; awardId: string; rank: number; places: number; names: string[] }
  | { type: 'overflow'; kind: Kind; awardId: string; count: number; quota: number };

