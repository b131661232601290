/**
 * copydesk's library API: re-exports only. The SQLite store is a separate entry point
 * (`copydesk/sqlite`), so importing the library never loads a native addon.
 */

// Core: pure text processing and scoring.
export { classifyPair, DEFAULT_THRESHOLDS, validateThresholds } from './core/classify.js';
export { clusterStories } from './core/cluster.js';
export { joinByCosine } from './core/cosineJoin.js';
export { adjustedRandIndex, scorePartition, scoreRelations } from './core/evaluate.js';
export { fingerprintArticle } from './core/fingerprint.js';
export { generateVariants, VARIANT_KINDS } from './core/generate.js';
export { computeMinHash, estimateJaccard } from './core/minhash/minhash.js';
export { chooseLshParams } from './core/minhash/params.js';
export { BOILERPLATE_RULES, normalizeArticle, stripBoilerplate } from './core/normalize.js';
export { findSelfRepetition, findSharedRuns } from './core/passages.js';
export { reviewArticles } from './core/review.js';
export { scorePair } from './core/score.js';
export { foldWord, segmentWords, splitSentences, tokenizeWords } from './core/segment.js';
export { shingleChars, shingleWords } from './core/shingle.js';
export { containment, jaccard } from './core/similarity/sets.js';
export { americanizeWord } from './core/spelling.js';
export { lshCandidates } from './pipeline/candidates.js';
// Pipelines: core wired with a store.
export { evaluateGold } from './pipeline/evaluate.js';
export { gateArticles } from './pipeline/gate.js';
export { addArticles, rebuildIndex, removeDocuments } from './pipeline/indexing.js';
export { reviewScanPairs } from './pipeline/review.js';
export { compareArticles, scanCorpus } from './pipeline/scan.js';
export { renderReviewPage, renderScanHtml } from './report/html.js';
export { renderJson } from './report/json.js';
export { renderMarkdown } from './report/markdown.js';
export { renderReviewText } from './report/reviewText.js';
export { renderPairTable, renderTable } from './report/table.js';
// Types.
export type * from './reviewTypes.js';
// Stores and renderers.
export { MemoryStore } from './store/memory.js';
export type { IndexStore } from './store/types.js';
export type * from './types.js';
export { InputError } from './types.js';
