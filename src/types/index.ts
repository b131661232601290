/**
 * Shared data types, by the stage that produces them. Every module may import this folder; it
 * imports nothing outside itself. Besides types it holds only `InputError` (the error class every
 * floor throws for bad input) and the validators of stored formats (`store.ts`), so that a store
 * checks what it reads without depending on `core/`.
 */
export * from './anchors.js';
export * from './article.js';
export * from './errors.js';
export * from './eval.js';
export * from './gate.js';
export * from './review.js';
export * from './scan.js';
export * from './store.js';
