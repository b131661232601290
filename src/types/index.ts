/**
 * Shared data types, by the stage that produces them. Every module may import this folder; it
 * imports nothing outside itself. Besides types it holds only `InputError` (the error class every
 * floor throws for bad input), the validators of stored formats and the few rules every store
 * applies alike (`store.ts`: batch conflicts, sample mates), so that a store does not depend on
 * `core/`.
 */
export * from './anchors.js';
export * from './article.js';
export * from './errors.js';
export * from './eval.js';
export * from './events.js';
export * from './gate.js';
export * from './review.js';
export * from './scan.js';
export * from './store.js';
