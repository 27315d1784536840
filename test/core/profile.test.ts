/** The profile: defaults of criteria.md, merging a partial file, every problem listed by JSON path. */
import { DEFAULT_PROFILE, mergeProfile, parseProfileText, validateProfile } from '../../src/core/profile';

test('the default profile is valid and says what criteria.md says', () => {
  expect(validateProfile(DEFAULT_PROFILE).ok).toBe(true);
  expect(DEFAULT_PROFILE.criteria.taskCompletion).toEqual({ enabled: true, threshold: 90, inclusive: false });
  expect(DEFAULT_PROFILE.criteria.sipas).toEqual({ enabled: true, threshold: 90, inclusive: true });
  expect(DEFAULT_PROFILE.criteria.onTime).toEqual({ enabled: true, threshold: 98, inclusive: false });
  expect(DEFAULT_PROFILE.awards.map((a) => [a.id, a.quota])).toEqual([
    ['bang-khen-tinh', { collective: 0, individual: 0 }],
    ['giay-khen-thi-xa', { collective: 10, individual: 10 }],
  ]);
});

test('the example of cli.md merges: only what it names changes', () => {
  const r = mergeProfile({
    name: 'Kế hoạch thi đua CCHC 2023',
    criteria: { sipas: { threshold: 85, inclusive: true }, onTime: { threshold: 95, inclusive: false }, taskCompletion: { enabled: false }, parIndex: { atLeast: 'Khá' } },
    parScoreBands: [{ min: 90, rating: 'Xuất sắc' }, { min: 80, rating: 'Tốt' }],
    voteThreshold: 70,
    awards: [{ id: 'bang-khen-tinh', quota: { collective: 2, individual: 3 } }],
    rankingKeys: ['votes', 'parIndex', 'sipas', 'onTime', 'taskCompletion'],
  });
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.profile.criteria.taskCompletion).toEqual({ enabled: false, threshold: 90, inclusive: false });
  expect(r.profile.criteria.parIndex.atLeast).toBe('Khá');
  expect(r.profile.criteria.unitParIndex.atLeast).toBe('Tốt');
  expect(r.profile.awards[0].quota).toEqual({ collective: 2, individual: 3 });
  expect(r.profile.awards[1].quota).toEqual({ collective: 10, individual: 10 });
  expect(DEFAULT_PROFILE.awards[0].quota).toEqual({ collective: 0, individual: 0 }); // not mutated
});

test('an invalid file: every problem listed by its JSON path, in Vietnamese', () => {
  const r = mergeProfile({
    criteria: { sipas: { threshold: 120 }, speed: { threshold: 1 }, parIndex: { atLeast: 'Giỏi' } },
    awards: [{ id: 'giay-khen-thi-xa', quota: { collective: -1 } }],
  });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  const paths = r.problems.map((p) => p.path);
  expect(paths).toEqual(expect.arrayContaining(['criteria.sipas.threshold', 'criteria.speed', 'awards.0.quota.collective']));
  expect(r.problems.find((p) => p.path === 'criteria.sipas.threshold')!.message).toMatch(/100/);
  // The rating is checked once the schema passes: fix the others and it is reported by path.
  const r2 = mergeProfile({ criteria: { parIndex: { atLeast: 'Giỏi' } }, parScoreBands: [{ min: 50, rating: 'Giỏi' }] });
  expect(r2.ok).toBe(false);
  if (r2.ok) return;
  expect(r2.problems.map((p) => p.path)).toEqual(['criteria.parIndex.atLeast', 'parScoreBands.0.rating']);
  expect(r2.problems[0].message).toContain('thang xếp loại');
});

test('messages follow the language', () => {
  const vi = mergeProfile({ voteThreshold: 'bảy mươi' }, undefined, 'vi');
  const en = mergeProfile({ voteThreshold: 'bảy mươi' }, undefined, 'en');
  if (vi.ok || en.ok) throw new Error('should fail');
  expect(vi.problems[0].message).not.toEqual(en.problems[0].message);
  expect(en.problems[0].message).toMatch(/expected/i);
});

test('a file that is not JSON is a problem, not an exception', () => {
  const r = parseProfileText('{ "name": ');
  expect(r.ok).toBe(false);
  const bom = parseProfileText('\uFEFF{"voteThreshold": 60}');
  expect(bom.ok && bom.profile.voteThreshold).toBe(60);
});

test('a new award needs a label and a quota', () => {
  expect(mergeProfile({ awards: [{ id: 'giay-khen-phong' }] }).ok).toBe(false);
  const r = mergeProfile({ awards: [{ id: 'giay-khen-phong', label: 'Giấy khen của Trưởng phòng', quota: { collective: 1, individual: 2 } }] });
  expect(r.ok && r.profile.awards.map((a) => a.id)).toEqual(['bang-khen-tinh', 'giay-khen-thi-xa', 'giay-khen-phong']);
});
