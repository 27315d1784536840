/**
 * zod, loaded on first use. Loading it costs ~50 ms and ~10 MB, which `thidua check` on a workbook
 * without saved settings or a --profile never needs; schemas are built the first time something
 * is validated. (Types come from `import type`, which loads nothing.)
 */
import type * as Zod from 'zod';

export type Z = typeof Zod.z;

// The core runs under Node (CommonJS) and in the add-in's webpack bundle: both resolve `require`.
declare const require: (id: 'zod') => typeof Zod;

let loaded: Z | undefined;

export function zod(): Z {
  return (loaded ??= require('zod').z);
}

/** A value built with zod on first call, then kept. */
export function lazily<T>(build: (z: Z) => T): () => T {
  let value: T | undefined;
  return () => (value ??= build(zod()));
}
