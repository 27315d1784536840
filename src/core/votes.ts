/** Whose votes a share counts over (criteria.md: the council's total membership by default). */
import type { VoteBase } from './profile';

/**
 * The denominator of a vote share when the rows carry none: the council's total membership by
 * default (the decrees count over it), or the members present when the profile says so.
 */
export function meetingVoters(meeting: { membersPresent?: unknown; membersTotal?: unknown } | undefined, base: VoteBase | undefined): number | undefined {
  const n = (base ?? 'total') === 'present' ? meeting?.membersPresent : meeting?.membersTotal;
  return typeof n === 'number' && n > 0 ? n : undefined;
}
