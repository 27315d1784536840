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
] as const;
export type Field = (typeof FIELDS)[number];

export type Lang = 'vi' | 'en';
