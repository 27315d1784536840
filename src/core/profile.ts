/**
 * The profile: every number, label and quota of the award rules. The default is the 2022 plan
 * of UBND thị xã Ninh Hòa (criteria.md); nothing outside this file may hard-code a threshold.
 * The same schema validates the CLI's --profile file and the add-in's settings.
 */
import type * as Zod from 'zod';
import { CRITERION_IDS, PRESET_IDS, RANKING_KEYS, type Lang } from './ids';
import { legalFrameSchema } from './legalFrames';
import { lazily, zod } from './zod';

/** Whose vote share counts: the council's whole membership (the decrees) or those present. */
export const VOTE_BASES = ['total', 'present'] as const;
export type VoteBase = (typeof VOTE_BASES)[number];

const schemas = lazily((z) => {
  const percent = z.number().min(0).max(100);

  const rateRule = z
    .object({
      enabled: z.boolean(),
      /** In percentage points. */
      threshold: percent,
      /** true: "từ … trở lên" (≥); false: "trên …" (>). */
      inclusive: z.boolean(),
    })
    .strict();

  const ratingRule = z.object({ enabled: z.boolean(), atLeast: z.string().min(1) }).strict();
  const initiativeRule = z.object({ enabled: z.boolean(), requireRecognition: z.boolean() }).strict();
  const switchRule = z.object({ enabled: z.boolean() }).strict();

  const quota = z.object({ collective: z.number().int().min(0), individual: z.number().int().min(0) }).strict();

  const award = z
    .object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      /** "Giấy khen của Chủ tịch UBND thị xã" */
      label: z.string().min(1),
      /** Who grants it, as the documents name them: "Chủ tịch UBND thị xã", "Chủ tịch UBND xã/phường". */
      grantor: z.string().trim().min(1).optional(),
      quota,
    })
    .strict();

  /** The law's settings (presets, votes, priorities, dissolved units, frames), all optional so that a profile saved before them stays valid. */
  const lawOptions = {
    /** The preset this profile started from (thidua presets); it words issuers and picks the undated frame. */
    preset: z.enum(PRESET_IDS).optional(),
    /** Default 'total' (criteria.md): the share is counted over the council's total membership. */
    voteBase: z.enum(VOTE_BASES).optional(),
    /** NĐ 152/2025 (article unconfirmed, see docs/profile.md): among equals, women and collectives with ≥ 70% women first. */
    womenPriority: z.boolean().optional(),
    /** Units dissolved or merged in the reorganisation (TT 15/2025/TT-BNV): never proposed. */
    dissolvedUnits: z.array(z.string().trim().min(1)).optional(),
    /** The user's legal frames, merged over templates/khung-phap-ly.json by id. */
    legalFrames: z.array(legalFrameSchema()).optional(),
  };

  const criteria = z
    .object({
      taskCompletion: rateRule,
      parIndex: ratingRule,
      unitParIndex: ratingRule,
      sipas: rateRule,
      onTime: rateRule,
      initiative: initiativeRule,
      compliance: switchRule,
    })
    .strict();

  const profileSchema = z
    .object({
      name: z.string().min(1),
      /** From lowest to highest. */
      ratingLadder: z.array(z.string().min(1)).min(2),
      criteria,
      /** PAR score → rating; highest `min` first is not required (sorted when used). */
      parScoreBands: z.array(z.object({ min: z.number(), rating: z.string().min(1) }).strict()),
      /** Vote share (percentage points) needed when votes are known; null = no vote criterion. */
      voteThreshold: percent.nullable(),
      voteInclusive: z.boolean(),
      /** Higher award first: it is filled first. */
      awards: z.array(award).min(1),
      rankingKeys: z.array(z.enum(RANKING_KEYS)).min(1),
      ...lawOptions,
    })
    .strict();

  /** The partial file of cli.md: only what it names changes. Unknown keys are errors. */
  const partialProfileSchema = z
    .object({
      name: z.string().min(1).optional(),
      ratingLadder: z.array(z.string().min(1)).min(2).optional(),
      criteria: z
        .object({
          taskCompletion: rateRule.partial().optional(),
          parIndex: ratingRule.partial().optional(),
          unitParIndex: ratingRule.partial().optional(),
          sipas: rateRule.partial().optional(),
          onTime: rateRule.partial().optional(),
          initiative: initiativeRule.partial().optional(),
          compliance: switchRule.partial().optional(),
        })
        .strict()
        .optional(),
      parScoreBands: z.array(z.object({ min: z.number(), rating: z.string().min(1) }).strict()).optional(),
      voteThreshold: percent.nullable().optional(),
      voteInclusive: z.boolean().optional(),
      awards: z
        .array(
          z
            .object({
              id: z.string().regex(/^[a-z0-9-]+$/),
              label: z.string().min(1).optional(),
              grantor: z.string().trim().min(1).optional(),
              quota: quota.partial().optional(),
            })
            .strict(),
        )
        .optional(),
      rankingKeys: z.array(z.enum(RANKING_KEYS)).min(1).optional(),
      ...lawOptions,
    })
    .strict();

  return { profileSchema, partialProfileSchema, rateRule, award };
});

type Schemas = ReturnType<typeof schemas>;

/** The schema of a complete profile (the add-in's saved settings). */
export const profileSchema = (): Schemas['profileSchema'] => schemas().profileSchema;

export type Profile = Zod.infer<Schemas['profileSchema']>;
export type RateRule = Zod.infer<Schemas['rateRule']>;
export type Award = Zod.infer<Schemas['award']>;

export const DEFAULT_PROFILE: Profile = {
  name: 'Ninh Hòa CCHC 2022',
  ratingLadder: ['Yếu', 'Trung bình', 'Khá', 'Tốt', 'Xuất sắc'],
  criteria: {
    taskCompletion: { enabled: true, threshold: 90, inclusive: false },
    parIndex: { enabled: true, atLeast: 'Tốt' },
    unitParIndex: { enabled: true, atLeast: 'Tốt' },
    sipas: { enabled: true, threshold: 90, inclusive: true },
    onTime: { enabled: true, threshold: 98, inclusive: false },
    initiative: { enabled: true, requireRecognition: true },
    compliance: { enabled: true },
  },
  parScoreBands: [],
  voteThreshold: null,
  voteInclusive: true,
  awards: [
    { id: 'bang-khen-tinh', label: 'Bằng khen của Chủ tịch UBND tỉnh', grantor: 'Chủ tịch UBND tỉnh', quota: { collective: 0, individual: 0 } },
    {
      id: 'giay-khen-thi-xa',
      label: 'Giấy khen của Chủ tịch UBND thị xã',
      grantor: 'Chủ tịch UBND thị xã',
      quota: { collective: 10, individual: 10 },
    },
  ],
  rankingKeys: ['votes', 'parIndex', 'sipas', 'onTime', 'taskCompletion'],
};

export type PartialProfile = Zod.infer<Schemas['partialProfileSchema']>;

export interface ProfileProblem {
  /** JSON path such as "criteria.sipas.threshold". */
  path: string;
  message: string;
}

export type ProfileParse = { ok: true; profile: Profile } | { ok: false; problems: ProfileProblem[] };

const LOCAL = {
  vi: {
    notOnLadder: (v: string, ladder: string[]) => `"${v}" không có trong thang xếp loại (${ladder.join(' < ')})`,
    duplicateKey: (v: string) => `khóa xếp hạng "${v}" bị lặp`,
    duplicateAward: (v: string) => `mã hình thức khen thưởng "${v}" bị lặp`,
    duplicateFrame: (v: string) => `mã khung pháp lý "${v}" bị lặp`,
    newAwardIncomplete: (v: string) => `hình thức khen thưởng mới "${v}" cần có đủ "label" và "quota"`,
    notJson: (why: string) => `tệp cấu hình không phải JSON hợp lệ: ${why}`,
  },
  en: {
    notOnLadder: (v: string, ladder: string[]) => `"${v}" is not on the rating ladder (${ladder.join(' < ')})`,
    duplicateKey: (v: string) => `ranking key "${v}" is repeated`,
    duplicateAward: (v: string) => `award id "${v}" is repeated`,
    duplicateFrame: (v: string) => `legal frame id "${v}" is repeated`,
    newAwardIncomplete: (v: string) => `the new award "${v}" needs both "label" and "quota"`,
    notJson: (why: string) => `the profile file is not valid JSON: ${why}`,
  },
};

function zodProblems(error: Zod.ZodError, lang: Lang): ProfileProblem[] {
  void lang;
  return error.issues.map((issue) => {
    // zod reports an unknown key on the parent object; name the key itself in the path.
    const keys = issue.code === 'unrecognized_keys' ? (issue as { keys?: string[] }).keys ?? [] : [];
    const base = issue.path.map(String).join('.');
    const path = keys.length === 1 ? (base ? `${base}.${keys[0]}` : keys[0]) : base || '(gốc)';
    return { path, message: issue.message };
  });
}

/** Plain words for the limits a user meets in the settings form; zod's locale words the rest. */
const LIMITS = {
  vi: {
    max: (n: unknown) => `phải không lớn hơn ${String(n)}`,
    min: (n: unknown) => `phải từ ${String(n)} trở lên`,
    int: 'phải là số nguyên',
    number: 'phải là một số',
    empty: 'không được để trống',
    items: (n: unknown) => `cần ít nhất ${String(n)} mục`,
  },
  en: {
    max: (n: unknown) => `must be at most ${String(n)}`,
    min: (n: unknown) => `must be at least ${String(n)}`,
    int: 'must be a whole number',
    number: 'expected a number',
    empty: 'must not be empty',
    items: (n: unknown) => `needs at least ${String(n)} item${n === 1 ? '' : 's'}`,
  },
};

function localeFor(lang: Lang): { localeError: (issue: Zod.core.$ZodRawIssue) => string | undefined | { message: string } } {
  const z = zod();
  const base = lang === 'vi' ? z.locales.vi() : z.locales.en();
  const t = LIMITS[lang];
  return {
    localeError: (issue) => {
      const i = issue as { code: string; origin?: string; maximum?: unknown; minimum?: unknown; expected?: string; format?: string };
      if (i.origin === 'number' && i.code === 'too_big') return t.max(i.maximum);
      if (i.origin === 'number' && i.code === 'too_small') return t.min(i.minimum);
      if (i.origin === 'string' && i.code === 'too_small' && i.minimum === 1) return t.empty;
      if (i.origin === 'array' && i.code === 'too_small') return t.items(i.minimum);
      if (i.code === 'invalid_type' && i.expected === 'int') return t.int;
      if (i.code === 'invalid_type' && i.expected === 'number') return t.number;
      return base.localeError(issue) ?? undefined;
    },
  };
}

/** Rules across fields that a plain schema cannot express. */
function crossCheck(profile: Profile, lang: Lang): ProfileProblem[] {
  const t = LOCAL[lang];
  const problems: ProfileProblem[] = [];
  const ladder = profile.ratingLadder;
  const onLadder = (v: string) => ladder.includes(v);
  for (const id of ['parIndex', 'unitParIndex'] as const) {
    const v = profile.criteria[id].atLeast;
    if (!onLadder(v)) problems.push({ path: `criteria.${id}.atLeast`, message: t.notOnLadder(v, ladder) });
  }
  profile.parScoreBands.forEach((b, i) => {
    if (!onLadder(b.rating)) problems.push({ path: `parScoreBands.${i}.rating`, message: t.notOnLadder(b.rating, ladder) });
  });
  const seen = new Set<string>();
  profile.rankingKeys.forEach((k, i) => {
    if (seen.has(k)) problems.push({ path: `rankingKeys.${i}`, message: t.duplicateKey(k) });
    seen.add(k);
  });
  const awardIds = new Set<string>();
  profile.awards.forEach((a, i) => {
    if (awardIds.has(a.id)) problems.push({ path: `awards.${i}.id`, message: t.duplicateAward(a.id) });
    awardIds.add(a.id);
  });
  const frameIds = new Set<string>();
  (profile.legalFrames ?? []).forEach((f, i) => {
    if (frameIds.has(f.id)) problems.push({ path: `legalFrames.${i}.id`, message: t.duplicateFrame(f.id) });
    frameIds.add(f.id);
  });
  return problems;
}

/** Validates a complete profile (the add-in's saved settings). */
export function validateProfile(input: unknown, lang: Lang = 'vi'): ProfileParse {
  const parsed = schemas().profileSchema.safeParse(input, { error: localeFor(lang).localeError });
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, lang) };
  const problems = crossCheck(parsed.data, lang);
  return problems.length ? { ok: false, problems } : { ok: true, profile: parsed.data };
}

/** A profile's frames over its base's: same id replaces. */
function mergeFrameLists(base: Profile['legalFrames'], own: NonNullable<Profile['legalFrames']>): Profile['legalFrames'] {
  const out = [...(base ?? [])];
  for (const f of own) {
    const i = out.findIndex((x) => x.id === f.id);
    if (i >= 0) out[i] = f;
    else out.push(f);
  }
  return out;
}

/** Merges a partial profile (cli.md) over a base profile; awards merge by id. */
export function mergeProfile(partialInput: unknown, base: Profile = DEFAULT_PROFILE, lang: Lang = 'vi'): ProfileParse {
  const parsed = schemas().partialProfileSchema.safeParse(partialInput, { error: localeFor(lang).localeError });
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, lang) };
  const p = parsed.data;
  const merged: Profile = structuredClone(base);
  if (p.name !== undefined) merged.name = p.name;
  if (p.ratingLadder) merged.ratingLadder = p.ratingLadder;
  if (p.criteria) {
    for (const [id, rule] of Object.entries(p.criteria)) {
      if (!rule) continue;
      const key = id as keyof Profile['criteria'];
      merged.criteria[key] = { ...merged.criteria[key], ...rule } as never;
    }
  }
  if (p.parScoreBands) merged.parScoreBands = p.parScoreBands;
  if (p.voteThreshold !== undefined) merged.voteThreshold = p.voteThreshold;
  if (p.voteInclusive !== undefined) merged.voteInclusive = p.voteInclusive;
  if (p.rankingKeys) merged.rankingKeys = p.rankingKeys;
  if (p.preset !== undefined) merged.preset = p.preset;
  if (p.voteBase !== undefined) merged.voteBase = p.voteBase;
  if (p.womenPriority !== undefined) merged.womenPriority = p.womenPriority;
  if (p.dissolvedUnits !== undefined) merged.dissolvedUnits = p.dissolvedUnits;
  if (p.legalFrames !== undefined) merged.legalFrames = mergeFrameLists(merged.legalFrames, p.legalFrames);
  const problems: ProfileProblem[] = [];
  (p.awards ?? []).forEach((a, i) => {
    const existing = merged.awards.find((x) => x.id === a.id);
    if (existing) {
      if (a.label) existing.label = a.label;
      if (a.grantor) existing.grantor = a.grantor;
      if (a.quota) existing.quota = { ...existing.quota, ...a.quota };
    } else if (a.label && a.quota && a.quota.collective !== undefined && a.quota.individual !== undefined) {
      merged.awards.push({ id: a.id, label: a.label, ...(a.grantor ? { grantor: a.grantor } : {}), quota: { collective: a.quota.collective, individual: a.quota.individual } });
    } else {
      problems.push({ path: `awards.${i}`, message: LOCAL[lang].newAwardIncomplete(a.id) });
    }
  });
  if (problems.length) return { ok: false, problems };
  return validateProfile(merged, lang);
}

/** Parses the text of a profile file; JSON errors are problems too, never exceptions. */
export function parseProfileText(text: string, base: Profile = DEFAULT_PROFILE, lang: Lang = 'vi'): ProfileParse {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, problems: [{ path: '(gốc)', message: LOCAL[lang].notJson((e as Error).message) }] };
  }
  return mergeProfile(data, base, lang);
}

/** Ids of criteria that exist in the profile as switchable rules. */
export const PROFILE_CRITERIA = CRITERION_IDS.filter((id) => id !== 'votes');
