/** The shipped presets' profiles are valid profiles (checked here, not at every start of the CLI). */
import { PRESETS } from '../../src/core/presets';
import { validateProfile } from '../../src/core/profile';

it.each(PRESETS.map((p) => [p.id, p] as const))('preset %s validates', (_id, p) => {
  const v = validateProfile(p.profile);
  expect(v.ok ? [] : v.problems).toEqual([]);
});
