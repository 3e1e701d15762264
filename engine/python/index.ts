export type * from './ast';
export * from './parse';
