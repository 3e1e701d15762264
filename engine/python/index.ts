/**
 * The Python subset parser: import it from `engine/python` (not re-exported by
 * `engine/index.ts`, so only the lessons that read Python load the grammar).
 */
export type * from './ast';
export * from './parse';
