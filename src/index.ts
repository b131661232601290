/**
 * copydesk's library API: re-exports only, by stage. The SQLite store is a separate entry point
 * (`copydesk/sqlite`), so importing the library never loads a native addon.
 */

// Candidates: MinHash, LSH, the exact cosine join.
export { joinByCosine } from './core/candidates/cosineJoin.js';
export { lshCandidates } from './core/candidates/lsh.js';
// Fingerprints and similarity.
export { fingerprintArticle } from './core/fingerprint/fingerprint.js';
export { sampleShingles, shingleChars, shingleWords } from './core/fingerprint/shingle.js';
// The gate's decision.
export { decideGate, isRedundant } from './core/gate.js';
export { computeMinHash, estimateJaccard } from './core/minhash/minhash.js';
export { chooseLshParams } from './core/minhash/params.js';
export { createSketchConfig } from './core/minhash/sketch.js';
export { alignPassages } from './core/passages/align.js';
// Relations and stories.
export { findSelfRepetition } from './core/passages/selfRepetition.js';
export { classifyPair, DEFAULT_THRESHOLDS, validateThresholds } from './core/relation/classify.js';
export { clusterStories } from './core/relation/cluster.js';
export { judgePair, resolveThresholds } from './core/relation/judge.js';
export { scorePair } from './core/relation/score.js';
// Review.
export { reviewArticles } from './core/review/review.js';
export { editSimilarity } from './core/similarity/edit.js';
export { containment, jaccard } from './core/similarity/sets.js';
// Text: normalization, words, sentences, language.
export { guessLanguage } from './core/text/language.js';
export { BOILERPLATE_RULES, normalizeArticle, stripBoilerplate } from './core/text/normalize.js';
export { splitSentences } from './core/text/sentences.js';
export { americanizeWord } from './core/text/spelling.js';
export { contentTerms } from './core/text/terms.js';
export { foldWord, segmentWords, tokenizeWords } from './core/text/tokens.js';
// Evaluation.
export { linkByJaccard } from './eval/baseline.js';
export { generateVariants, VARIANT_KINDS } from './eval/generate.js';
export { adjustedRandIndex, scorePartition, scoreRelations } from './eval/metrics.js';
// A large scan's temporary file (`ScanOptions.shelf`).
export { createFileShelf } from './io/shelf.js';
// Pipelines: core wired with a store.
export { compareArticles } from './pipeline/compare.js';
export { evaluateGold, evaluateGoldAsync } from './pipeline/evaluate.js';
export { gateArticles } from './pipeline/gate.js';
export { addArticles, rebuildIndex, removeDocuments } from './pipeline/indexing.js';
export { loadLanguageDetector } from './pipeline/languages.js';
export { reviewScanPairs } from './pipeline/reviewPairs.js';
export { scanCorpus, scanCorpusAsync } from './pipeline/scan.js';
export { profilesInWorker } from './pipeline/workers/profilePool.js';
export { judgeInWorkers } from './pipeline/workers/scorePool.js';
// Renderers.
export { renderReviewPage, renderScanHtml } from './report/html.js';
export { renderJson } from './report/json.js';
export { renderMarkdown } from './report/markdown.js';
export { getRenderer, rendererNames } from './report/registry.js';
export { renderReviewText } from './report/reviewText.js';
export { renderPairTable, renderTable } from './report/table.js';
// Stores.
export { MemoryStore } from './store/memory.js';
// Types.
export type * from './types/index.js';
export { InputError, validateSketchConfig } from './types/index.js';
