/**
 * The căn cứ of a Quyết định khen thưởng by its date: the legal frame in force then.
 * (Wired to the shipped legal frames, src/dossier/legalFrames.ts, once they land.)
 */
export function decisionLegalBases(date: string | undefined): string[] {
  void date;
  return [];
}
