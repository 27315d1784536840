/** The "Cấu hình" form model: form ↔ profile JSON, the CLI's validation in vi/en, export → import. */
import { DEFAULT_PROFILE, mergeProfile, parseProfileText, validateProfile, type Profile } from '../../src/core/profile';
import {
  fieldLabel,
  formFromProfile,
  importProfile,
  inputFromForm,
  labelProblems,
  missingKeys,
  moveKey,
  numberOf,
  profileJson,
  validateForm,
} from '../../src/taskpane/profileForm';

function changed(): Profile {
  const p = structuredClone(DEFAULT_PROFILE);
  p.name = 'Kế hoạch thi đua CCHC 2023';
  p.criteria.sipas = { enabled: true, threshold: 95, inclusive: false };
  p.criteria.taskCompletion.enabled = false;
  p.criteria.parIndex.atLeast = 'Khá';
  p.parScoreBands = [
    { min: 90, rating: 'Xuất sắc' },
    { min: 80, rating: 'Tốt' },
  ];
  p.voteThreshold = 70;
  p.voteInclusive = false;
  p.awards[0].quota = { collective: 2, individual: 3 };
  p.rankingKeys = ['parIndex', 'votes', 'sipas'];
  return p;
}

describe('profile form', () => {
  it('the default profile goes through the form unchanged', () => {
    const form = formFromProfile(DEFAULT_PROFILE);
    expect(form.rates.sipas).toEqual({ enabled: true, threshold: '90', inclusive: true });
    expect(form.rates.taskCompletion.inclusive).toBe(false);
    expect(form.votes.enabled).toBe(false);
    expect(form.ratingLadder.split('\n')).toEqual(DEFAULT_PROFILE.ratingLadder);
    const back = validateForm(form, 'vi');
    expect(back).toEqual({ ok: true, profile: DEFAULT_PROFILE });
  });

  it('every field of a changed profile survives form → profile', () => {
    const p = changed();
    const back = validateForm(formFromProfile(p), 'vi');
    expect(back.ok && back.profile).toEqual(p);
  });

  it('edits in the form become the profile JSON: ≥ / >, decimal comma, votes off, ladder lines', () => {
    const form = formFromProfile(DEFAULT_PROFILE);
    form.rates.onTime.threshold = '97,5';
    form.rates.onTime.inclusive = true;
    form.votes = { enabled: true, threshold: ' 65 % ', inclusive: true };
    form.ratingLadder = ' Yếu \n\nTrung bình\nKhá\nTốt\nXuất sắc\n';
    form.awards[1].collective = '8';
    const r = validateForm(form, 'vi');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.profile.criteria.onTime).toEqual({ enabled: true, threshold: 97.5, inclusive: true });
    expect(r.profile.voteThreshold).toBe(65);
    expect(r.profile.ratingLadder).toEqual(DEFAULT_PROFILE.ratingLadder);
    expect(r.profile.awards[1].quota).toEqual({ collective: 8, individual: 10 });
    form.votes.enabled = false;
    form.votes.threshold = 'không';
    const off = validateForm(form, 'vi');
    expect(off.ok && off.profile.voteThreshold).toBeNull();
  });

  it('numberOf keeps what is not a number as text, for the schema to name', () => {
    expect(numberOf('92,5')).toBe(92.5);
    expect(numberOf('.5')).toBe(0.5);
    expect(numberOf('-1')).toBe(-1);
    expect(numberOf('')).toBe('');
    expect(numberOf('9O')).toBe('9O');
    expect(numberOf('1e3')).toBe('1e3');
  });

  it('refuses invalid values with every problem by field, in Vietnamese', () => {
    const form = formFromProfile(DEFAULT_PROFILE);
    form.rates.sipas.threshold = '150';
    form.rates.onTime.threshold = 'chín mươi';
    form.awards[1].individual = '-2';
    form.awards[0].collective = '1,5';
    form.ratings.parIndex.atLeast = 'Giỏi';
    form.name = '  ';
    const r = validateForm(form, 'vi');
    if (r.ok) throw new Error('should be refused');
    const byPath = Object.fromEntries(r.problems.map((p) => [p.path, p.message]));
    expect(byPath).toEqual({
      name: 'không được để trống',
      'criteria.sipas.threshold': 'phải không lớn hơn 100',
      'criteria.onTime.threshold': 'phải là một số',
      'awards.0.quota.collective': 'phải là số nguyên',
      'awards.1.quota.individual': 'phải từ 0 trở lên',
    });
    const labelled = labelProblems(r.problems, form, 'vi');
    expect(labelled.find((p) => p.path === 'criteria.sipas.threshold')!.label).toBe('Chỉ số SIPAS — ngưỡng');
    expect(labelled.find((p) => p.path === 'awards.1.quota.individual')!.label).toBe('Giấy khen của Chủ tịch UBND thị xã — chỉ tiêu cá nhân');
    // The ladder rule runs once the schema passes (the same order as the CLI).
    form.name = 'Kế hoạch';
    form.rates.sipas.threshold = '95';
    form.rates.onTime.threshold = '98';
    form.awards[1].individual = '2';
    form.awards[0].collective = '1';
    const r2 = validateForm(form, 'vi');
    expect(!r2.ok && r2.problems).toEqual([{ path: 'criteria.parIndex.atLeast', message: '"Giỏi" không có trong thang xếp loại (Yếu < Trung bình < Khá < Tốt < Xuất sắc)' }]);
  });

  it('the same problems in English when Office is not in Vietnamese', () => {
    const form = formFromProfile(DEFAULT_PROFILE);
    form.rates.sipas.threshold = '150';
    form.rankingKeys = [];
    const r = validateForm(form, 'en');
    if (r.ok) throw new Error('should be refused');
    const labelled = labelProblems(r.problems, form, 'en');
    expect(labelled.map((p) => `${p.label}: ${p.message}`)).toEqual(['SIPAS index — threshold: must be at most 100', 'Ranking order: needs at least 1 item']);
  });

  it('is the same validation as the CLI: the form refuses exactly what --profile refuses', () => {
    const form = formFromProfile(DEFAULT_PROFILE);
    form.rates.sipas.threshold = '150';
    const input = inputFromForm(form);
    const cli = mergeProfile(input, DEFAULT_PROFILE, 'vi');
    expect(validateForm(form, 'vi')).toEqual(cli);
    expect(validateProfile(input, 'vi')).toEqual(cli);
  });

  it('export → import gives the same profile; the file is a valid cli.md --profile file', () => {
    for (const p of [DEFAULT_PROFILE, changed()]) {
      const text = profileJson(p);
      const back = importProfile(text, 'vi');
      expect(back).toEqual({ ok: true, profile: p });
      expect(parseProfileText(text)).toEqual({ ok: true, profile: p });
      // …and through the form again.
      const again = back.ok ? validateForm(formFromProfile(back.profile), 'vi') : back;
      expect(again).toEqual({ ok: true, profile: p });
    }
  });

  it('imports a partial cli.md file merged over the plan defaults, and refuses a bad one by path', () => {
    const r = importProfile('{ "criteria": { "sipas": { "threshold": 85 } }, "awards": [ { "id": "bang-khen-tinh", "quota": { "collective": 2 } } ] }', 'vi');
    if (!r.ok) throw new Error('should load');
    expect(r.profile.criteria.sipas).toEqual({ enabled: true, threshold: 85, inclusive: true });
    expect(r.profile.awards[0].quota).toEqual({ collective: 2, individual: 0 });
    expect(r.profile.criteria.onTime).toEqual(DEFAULT_PROFILE.criteria.onTime);
    const bad = importProfile('{ "criteria": { "speed": {} }, "voteThreshold": 150 }', 'en');
    expect(!bad.ok && bad.problems.map((p) => p.path).sort()).toEqual(['criteria.speed', 'voteThreshold']);
    const notJson = importProfile('{ "name": ', 'vi');
    expect(!notJson.ok && notJson.problems[0].message).toMatch(/không phải JSON hợp lệ/);
  });

  it('ranking keys move, are removed and come back', () => {
    const keys = DEFAULT_PROFILE.rankingKeys;
    expect(moveKey(keys, 1, -1)).toEqual(['parIndex', 'votes', 'sipas', 'onTime', 'taskCompletion']);
    expect(moveKey(keys, 0, -1)).toEqual([...keys]);
    expect(moveKey(keys, 4, 1)).toEqual([...keys]);
    expect(missingKeys(['sipas', 'votes'])).toEqual(['parIndex', 'onTime', 'taskCompletion']);
  });

  it('names fields in words for every path the schema can report', () => {
    const form = formFromProfile(changed());
    expect(fieldLabel('parScoreBands.1.min', form, 'vi')).toBe('Khung điểm PAR thứ 2 — điểm từ');
    expect(fieldLabel('voteThreshold', form, 'en')).toBe('Share of votes in favour');
    expect(fieldLabel('criteria.parIndex.atLeast', form, 'vi')).toBe('Xếp loại PAR Index — mức tối thiểu');
    expect(fieldLabel('ratingLadder.0', form, 'vi')).toBe('Thang xếp loại');
    expect(fieldLabel('(gốc)', form, 'en')).toBe('Profile');
  });
});

describe('profile form: the law settings', () => {
  it('a preset applied in the form goes through it unchanged, and names the preset', () => {
    const { formFromPreset, validateForm } = require('../../src/taskpane/profileForm') as typeof import('../../src/taskpane/profileForm');
    const { presetById } = require('../../src/core/presets') as typeof import('../../src/core/presets');
    const form = formFromPreset('xa-phuong-2026');
    const parsed = validateForm(form, 'vi');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.profile).toEqual({ ...presetById('xa-phuong-2026')!.profile, dissolvedUnits: [] });
      expect(parsed.profile.awards.map((a) => a.grantor)).toEqual(['Chủ tịch UBND tỉnh', 'Chủ tịch UBND xã/phường']);
    }
    // Unticking the women's priority is kept (it would come back from the preset if left out).
    form.law.womenPriority = false;
    form.law.voteBase = 'present';
    form.law.dissolvedUnits = 'UBND phường Ninh Đa\n\n Ninh Đông ';
    const again = validateForm(form, 'en');
    expect(again.ok && again.profile).toMatchObject({ preset: 'xa-phuong-2026', womenPriority: false, voteBase: 'present', dissolvedUnits: ['UBND phường Ninh Đa', 'Ninh Đông'] });
  });

  it('own legal frames typed as JSON are validated by the schema and named in words', () => {
    const { formFromProfile, validateForm, labelProblems } = require('../../src/taskpane/profileForm') as typeof import('../../src/taskpane/profileForm');
    const { DEFAULT_PROFILE } = require('../../src/core/profile') as typeof import('../../src/core/profile');
    const form = formFromProfile(DEFAULT_PROFILE);
    form.law.legalFrames = JSON.stringify([{ id: 'tdkt-2026', name: 'Luật sửa đổi 2026', from: '2026-07-01', to: null, reportForm: 'nd152-2025', citations: { toTrinh: ['Căn cứ …;'] } }]);
    const ok = validateForm(form, 'vi');
    expect(ok.ok && ok.profile.legalFrames?.[0].id).toBe('tdkt-2026');
    form.law.legalFrames = '[{ "id": "x" ';
    const bad = validateForm(form, 'vi');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(labelProblems(bad.problems, form, 'vi')[0].label).toContain('Khung pháp lý riêng');
    form.law.legalFrames = '';
    const round = validateForm(form, 'vi');
    expect(round.ok && round.profile).toEqual(DEFAULT_PROFILE);
  });
});
