/** Identifiers shared by the whole product (they appear in the JSON contract of cli.md). */

export type Kind = 'collective' | 'individual';
export const KINDS: readonly Kind[] = ['collective', 'individual'];

export type Outcome = 'pass' | 'fail' | 'unknown';

export const CRITERION_IDS = [
  'taskCompletion',
  'parIndex',
  'unitParIndex',
  'sipas',
  'onTime',
  'initiative',
  'compliance',
  'votes',
] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

export const RANKING_KEYS = ['votes', 'parIndex', 'sipas', 'onTime', 'taskCompletion'] as const;
export type RankingKey = (typeof RANKING_KEYS)[number];

/** Fields a table column can be mapped to (workbook.md, "Header matching"). */
export const FIELDS = [
  'name',
  'position',
  'unit',
  'taskCompletion',
  'taskDone',
  'taskTotal',
  'parRating',
  'parScore',
  'sipas',
  'onTime',
  'onTimeCount',
  'fileTotal',
  'initiative',
  'initiativeRecognition',
  'compliance',
  'achievement',
  'votesAgree',
  'votesTotal',
  'award',
  'birthYear',
  'gender',
  'hometown',
  'qualification',
  'order',
  /** Tỷ lệ nữ of a collective (NĐ 152/2025 priority; the article number is unconfirmed, see docs/profile.md). */
  'womenShare',
  /** "Đã giải thể / sáp nhập": a unit dissolved in the reorganisation (TT 15/2025/TT-BNV). */
  'dissolved',
] as const;
export type Field = (typeof FIELDS)[number];

export type Lang = 'vi' | 'en';

/** The documents of the dossier and of the council's decision (src/core/dossier, src/docx). */
export type TemplateId = 'toTrinh' | 'bienBan' | 'baoCao' | 'baoCaoNd98' | 'baoCaoNd152' | 'quyetDinh' | 'chiTienThuong';

/** Presets (src/core/presets.ts): a starting profile, issuer wording and legal frame. */
export const PRESET_IDS = ['ninh-hoa-2022', 'xa-phuong-2026'] as const;
export type PresetId = (typeof PRESET_IDS)[number];
