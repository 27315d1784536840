/**
 * The "Cấu hình" form as data, without DOM: what the inputs hold (text, as typed) ↔ the profile.
 * Validation is the core's (validateProfile, the CLI's schema): the form never judges a value
 * itself, it only turns text into the JSON a --profile file would hold.
 */
import { RANKING_KEYS, type Lang, type PresetId, type RankingKey, presetById, criterionLabel, DEFAULT_PROFILE, parseProfileText, validateProfile, type Profile, type ProfileParse, type ProfileProblem, type VoteBase, text } from '../core';

export const RATE_CRITERIA = ['taskCompletion', 'sipas', 'onTime'] as const;
export const RATING_CRITERIA = ['parIndex', 'unitParIndex'] as const;
export type RateCriterion = (typeof RATE_CRITERIA)[number];
export type RatingCriterion = (typeof RATING_CRITERIA)[number];

export interface RateForm {
  enabled: boolean;
  /** As typed: "90", "92,5". */
  threshold: string;
  /** true: "từ … trở lên" (≥); false: "trên …" (>). */
  inclusive: boolean;
}

export interface ProfileForm {
  name: string;
  /** One rating per line, lowest first. */
  ratingLadder: string;
  rates: Record<RateCriterion, RateForm>;
  ratings: Record<RatingCriterion, { enabled: boolean; atLeast: string }>;
  initiative: { enabled: boolean; requireRecognition: boolean };
  compliance: { enabled: boolean };
  parScoreBands: { min: string; rating: string }[];
  votes: RateForm;
  awards: { id: string; label: string; grantor: string; collective: string; individual: string }[];
  rankingKeys: RankingKey[];
  /** The law's settings: how votes count, the women's priority, dissolved units, the user's legal frames. */
  law: LawForm;
}

export interface LawForm {
  /** The preset the profile started from ('' = none named: the seed's). */
  preset: PresetId | '';
  voteBase: VoteBase;
  womenPriority: boolean;
  /** One unit per line. */
  dissolvedUnits: string;
  /** The user's legal frames as JSON (an array; empty text = none), merged over the shipped table. */
  legalFrames: string;
}

/** Numbers as people type them here: "92,5" (decimal comma), "90 %", spaces. */
export function numberOf(text: string): number | string {
  const t = text.trim().replace(/\s*%$/, '').replace(/\s/g, '').replace(',', '.');
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return text;
  return Number(t);
}

/** Shown back in the inputs: a plain decimal point, as input[type=number] expects. */
function textOf(n: number): string {
  return String(n);
}

export function formFromProfile(p: Profile): ProfileForm {
  const rate = (r: { enabled: boolean; threshold: number; inclusive: boolean }): RateForm => ({ enabled: r.enabled, threshold: textOf(r.threshold), inclusive: r.inclusive });
  return {
    name: p.name,
    ratingLadder: p.ratingLadder.join('\n'),
    rates: { taskCompletion: rate(p.criteria.taskCompletion), sipas: rate(p.criteria.sipas), onTime: rate(p.criteria.onTime) },
    ratings: { parIndex: { ...p.criteria.parIndex }, unitParIndex: { ...p.criteria.unitParIndex } },
    initiative: { ...p.criteria.initiative },
    compliance: { ...p.criteria.compliance },
    parScoreBands: p.parScoreBands.map((b) => ({ min: textOf(b.min), rating: b.rating })),
    votes: { enabled: p.voteThreshold !== null, threshold: p.voteThreshold === null ? '' : textOf(p.voteThreshold), inclusive: p.voteInclusive },
    awards: p.awards.map((a) => ({ id: a.id, label: a.label, grantor: a.grantor ?? '', collective: textOf(a.quota.collective), individual: textOf(a.quota.individual) })),
    rankingKeys: [...p.rankingKeys],
    law: {
      preset: p.preset ?? '',
      voteBase: p.voteBase ?? 'total',
      womenPriority: p.womenPriority ?? false,
      dissolvedUnits: (p.dissolvedUnits ?? []).join('\n'),
      legalFrames: p.legalFrames?.length ? JSON.stringify(p.legalFrames, null, 2) : '',
    },
  };
}

/** The ladder as the form holds it: trimmed lines, blank lines dropped. */
export function ladderOf(form: ProfileForm): string[] {
  return form.ratingLadder
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The profile JSON the form describes (complete: every field of the schema), not yet validated.
 * Text that is not a number is passed on as text, so that the schema reports it by its path.
 */
export function inputFromForm(form: ProfileForm): unknown {
  const rate = (r: RateForm) => ({ enabled: r.enabled, threshold: numberOf(r.threshold), inclusive: r.inclusive });
  return {
    name: form.name.trim(),
    ratingLadder: ladderOf(form),
    criteria: {
      taskCompletion: rate(form.rates.taskCompletion),
      parIndex: { ...form.ratings.parIndex },
      unitParIndex: { ...form.ratings.unitParIndex },
      sipas: rate(form.rates.sipas),
      onTime: rate(form.rates.onTime),
      initiative: { ...form.initiative },
      compliance: { ...form.compliance },
    },
    parScoreBands: form.parScoreBands.map((b) => ({ min: numberOf(b.min), rating: b.rating })),
    voteThreshold: form.votes.enabled ? numberOf(form.votes.threshold) : null,
    voteInclusive: form.votes.inclusive,
    awards: form.awards.map((a) => ({
      id: a.id,
      label: a.label.trim(),
      ...(a.grantor.trim() ? { grantor: a.grantor.trim() } : {}),
      quota: { collective: numberOf(a.collective), individual: numberOf(a.individual) },
    })),
    rankingKeys: [...form.rankingKeys],
    ...lawInput(form.law),
  };
}

/**
 * The law options, written only when they differ from the seed's defaults — or always when the
 * profile names a preset, whose own values (women first, in xa-phuong-2026) it is merged over.
 */
function lawInput(law: LawForm): Record<string, unknown> {
  const dissolved = law.dissolvedUnits.split(/\r?\n/).map((x) => x.trim()).filter(Boolean);
  const all = law.preset !== '';
  return {
    ...(all ? { preset: law.preset } : {}),
    ...(all || law.voteBase !== 'total' ? { voteBase: law.voteBase } : {}),
    ...(all || law.womenPriority ? { womenPriority: law.womenPriority } : {}),
    ...(all || dissolved.length ? { dissolvedUnits: dissolved } : {}),
    ...(law.legalFrames.trim() ? { legalFrames: framesOf(law.legalFrames) } : {}),
  };
}

/** The frames' JSON as typed; text that is not JSON is passed on, so the schema reports it at "legalFrames". */
function framesOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The same validation as the CLI's --profile (zod schema + cross-field rules). */
export function validateForm(form: ProfileForm, lang: Lang): ProfileParse {
  return validateProfile(inputFromForm(form), lang);
}

/** The file Export writes: a complete profile, which is a valid cli.md --profile file. */
export function profileJson(profile: Profile): string {
  return `${JSON.stringify(profile, null, 2)}\n`;
}

/** Import: a cli.md --profile file (complete or partial), merged over the plan's defaults as the CLI does. */
export function importProfile(text: string, lang: Lang): ProfileParse {
  return parseProfileText(text, DEFAULT_PROFILE, lang);
}

/** "Áp dụng mẫu": the form of a preset's profile (criteria and quotas as the seed's until the user sets them). */
export function formFromPreset(id: PresetId): ProfileForm {
  const p = presetById(id)!;
  return formFromProfile({ ...structuredClone(p.profile), preset: id });
}

/** Moves a ranking key up (-1) or down (+1); out-of-range moves change nothing. */
export function moveKey(keys: readonly RankingKey[], index: number, delta: -1 | 1): RankingKey[] {
  const out = [...keys];
  const to = index + delta;
  if (index < 0 || index >= out.length || to < 0 || to >= out.length) return out;
  [out[index], out[to]] = [out[to], out[index]];
  return out;
}

/** Keys that can be added back after being removed. */
export function missingKeys(keys: readonly RankingKey[]): RankingKey[] {
  return RANKING_KEYS.filter((k) => !keys.includes(k));
}

/** The field a problem's JSON path names, in words ("SIPAS — ngưỡng"). */
export function fieldLabel(path: string, form: ProfileForm, lang: Lang): string {
  const W = text(lang).profileFields;
  const [head, a, b, c] = path.split('.');
  switch (head) {
    case 'name':
      return W.name;
    case 'ratingLadder':
      return W.ladder;
    case 'criteria': {
      const what = criterionLabel(a ?? '', lang);
      if (b === 'threshold') return `${what} — ${W.threshold}`;
      if (b === 'atLeast') return `${what} — ${W.atLeast}`;
      if (b === 'requireRecognition') return `${what} — ${W.recognition}`;
      if (b === 'enabled') return `${what} — ${W.enabled}`;
      return what;
    }
    case 'parScoreBands': {
      const band = W.band(Number(a) + 1);
      if (b === 'min') return `${band} — ${W.bandMin}`;
      if (b === 'rating') return `${band} — ${W.bandRating}`;
      return band;
    }
    case 'voteThreshold':
    case 'voteInclusive':
      return W.votes;
    case 'awards': {
      const award = form.awards[Number(a)];
      const name = W.award(award?.label || award?.id || String(a));
      if (b === 'quota' && (c === 'collective' || c === 'individual')) return `${name} — ${W.quota[c]}`;
      if (b === 'label') return `${name} — ${W.awardLabel}`;
      if (b === 'grantor') return `${name} — ${W.grantor}`;
      return name;
    }
    case 'rankingKeys':
      return W.keys;
    case 'preset':
      return W.preset;
    case 'voteBase':
      return W.voteBase;
    case 'womenPriority':
      return W.women;
    case 'dissolvedUnits':
      return W.dissolved;
    case 'legalFrames':
      return a === undefined ? W.frames : `${W.frames} — ${[a, b, c].filter((x) => x !== undefined).join('.')}`;
    default:
      return path && path !== '(gốc)' ? path : W.root;
  }
}

export interface FieldProblem extends ProfileProblem {
  /** "SIPAS — ngưỡng". */
  label: string;
}

/** Every problem with its field in words, in the order the schema reported them. */
export function labelProblems(problems: ProfileProblem[], form: ProfileForm, lang: Lang): FieldProblem[] {
  return problems.map((p) => ({ ...p, label: fieldLabel(p.path, form, lang) }));
}
