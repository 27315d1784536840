/**
 * The legal frames the product ships (templates/khung-phap-ly.json), validated once, and the
 * frame a dossier uses: the document's date picks it; the profile's own frames are merged over
 * the shipped ones (same id replaces); without a date, the preset's frame or the newest one.
 */
import table from '../../../templates/khung-phap-ly.json';
import {
  citationsFor,
  frameFor,
  latestFrame,
  legalFrameTableSchema,
  mergeFrames,
  type CitingDocument,
  type LegalFrame,
  type ReportForm,
} from '..';

export { citationsFor, frameFor, latestFrame, mergeFrames, REPORT_FORMS, CITING_DOCUMENTS, legalFrameSchema } from '..';
export type { CitingDocument, LegalFrame, ReportForm };

/** The shipped table; a broken table is a build error caught by the tests, not a user's problem. */
export const SHIPPED_FRAMES: readonly LegalFrame[] = legalFrameTableSchema().parse(table).frames;

export interface FrameChoice {
  frame: LegalFrame;
  /** How it was chosen, for the user's information. */
  by: 'date' | 'fallback' | 'latest';
}

/**
 * The frame for a dossier. `date` is the document's date (facts.date); `own` the profile's frames;
 * `fallbackId` the preset's frame for an undated document.
 */
export function chooseFrame(date: string | undefined, own?: readonly LegalFrame[], fallbackId?: string): FrameChoice {
  const frames = mergeFrames(SHIPPED_FRAMES, own);
  const byDate = frameFor(date, frames);
  if (byDate) return { frame: byDate, by: 'date' };
  const fallback = fallbackId ? frames.find((f) => f.id === fallbackId) : undefined;
  if (fallback) return { frame: fallback, by: 'fallback' };
  return { frame: latestFrame(frames)!, by: 'latest' };
}
