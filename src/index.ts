/**
 * copydesk's library API: re-exports only. The SQLite store is a separate entry point
 * (`copydesk/sqlite`), so importing the library never loads a native addon.
 */

// Core: pure text processing and scoring.
export { classifyPair, DEFAULT_THRESHOLDS, validateThresholds } from './core/relation/classify.js';
export { clusterStories } from './core/relation/cluster.js';
export { joinByCosine } from './core/candidates/cosineJoin.js';
export { adjustedRandIndex, scorePartition, scoreRelations } from './eval/metrics.js';
export { fingerprintArticle } from './core/fingerprint/fingerprint.js';
export { generateVariants, VARIANT_KINDS } from './eval/generate.js';
export { computeMinHash, estimateJaccard } from './core/minhash/minhash.js';
export { chooseLshParams } from './core/minhash/params.js';
export { BOILERPLATE_RULES, normalizeArticle, stripBoilerplate } from './core/text/normalize.js';
export { findSelfRepetition, findSharedRuns } from './core/passages/passages.js';
export { reviewArticles } from './core/review/review.js';
export { scorePair } from './core/relation/score.js';
export { foldWord, segmentWords, splitSentences, tokenizeWords } from './core/text/segment.js';
export { shingleChars, shingleWords } from './core/fingerprint/shingle.js';
export { containment, jaccard } from './core/similarity/sets.js';
export { americanizeWord } from './core/text/spelling.js';
export { lshCandidates } from './core/candidates/lsh.js';
// Pipelines: core wired with a store.
export { evaluateGold } from './pipeline/evaluate.js';
export { gateArticles } from './pipeline/gate.js';
export { addArticles, rebuildIndex, removeDocuments } from './pipeline/indexing.js';
export { reviewScanPairs } from './pipeline/reviewPairs.js';
export { compareArticles, scanCorpus } from './pipeline/scan.js';
export { renderReviewPage, renderScanHtml } from './report/html.js';
export { renderJson } from './report/json.js';
export { renderMarkdown } from './report/markdown.js';
export { renderReviewText } from './report/reviewText.js';
export { renderPairTable, renderTable } from './report/table.js';
// Types.
export type * from './types/review.js';
// Stores and renderers.
export { MemoryStore } from './store/memory.js';
export type { IndexStore } from './types/store.js';
export type * from './types/index.js';
export { InputError } from './types/index.js';
