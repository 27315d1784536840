/**
 * The core's one door: the adapters (src/excel, src/xlsx, src/cli, src/docx, src/taskpane,
 * src/commands, src/save) import from here, never from a core module directly.
 */
export * from './analyze';
export { ROWS_JUDGED_MAX, tablesRefused } from './check';
export * from './annotate';
export * from './annotateDriver';
export * from './annotationPlan';
export * from './awardRecord';
export * from './dateFormat';
export * from './grid';
export * from './history';
export * from './ids';
export * from './legalFrames';
export * from './locate';
export * from './marks';
export * from './messages/codes';
export * from './messages/format';
export * from './messages/render';
export * from './messages/shape';
export * from './overview';
export * from './presets';
export * from './profile';
export * from './reconcile';
export * from './resultColumns';
export * from './report';
export * from './result';
export * from './state';
export * from './summary';
export * from './printLayout';
export * from './tables';
export * from './text';
export * from './values';
export * from './votes';
export * from './sheetNames';
export * from './meeting';
export * from './countSheet';
export * from './xmlText';
