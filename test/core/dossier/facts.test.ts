import { FactsSchema, mergeFacts } from '../../../src/core/dossier/facts';

describe('dossier facts', () => {
  it('accepts a meeting with membersPresent as a number and rejects unknown keys', () => {
    expect(FactsSchema.safeParse({ meeting: { membersPresent: 9, membersTotal: 11 } }).success).toBe(true);
    expect(FactsSchema.safeParse({ meeting: { membersPresent: '9' } }).success).toBe(false);
    expect(FactsSchema.safeParse({ issuer: 'x' }).success).toBe(false);
  });
  it('merges the CLI files over the workbook facts, meeting field by field', () => {
    const m = mergeFacts({ place: 'Ninh Hòa', meeting: { chair: 'A', membersPresent: 8 } }, { meeting: { membersPresent: 9 } });
    expect(m).toEqual({ place: 'Ninh Hòa', meeting: { chair: 'A', membersPresent: 9 } });
  });
});
